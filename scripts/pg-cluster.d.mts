export function serverBin(): string;
export function startCluster(dir: string, port: number, options?: { timeZone?: string }): string;
export function stopCluster(dir: string): void;
