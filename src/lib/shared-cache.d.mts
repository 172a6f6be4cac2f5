export function planOfPage(key: string): string | null;
export function planGeneration(plan: string): Promise<number>;
export function markPlanChanged(plan: string): Promise<void>;
