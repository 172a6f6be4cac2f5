export function prepareDatabase(name: string): NodeJS.ProcessEnv;
export function startServer(env: NodeJS.ProcessEnv, port: number): Promise<{ base: string; pid: number; stop(): Promise<void> }>;
export function percentile(sorted: number[], p: number): number;
export function latencyStats(latencies: number[]): { p50: number; p95: number; n: number };
export function loadTest(options: object): Promise<{ latencies: number[]; non200: number; failed: number }>;
