export function sharedCache(): boolean;
export function dashboardsGeneration(): Promise<number>;
export function markDashboardsChanged(): Promise<void>;
