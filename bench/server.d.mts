export function prepareDatabase(name: string): NodeJS.ProcessEnv;
export function startServer(env: NodeJS.ProcessEnv, port: number): Promise<{ base: string; pid: number; stop(): Promise<void> }>;
export function percentile(sorted: number[], p: number): number;
