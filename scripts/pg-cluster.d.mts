export function serverBin(): string;
export function startCluster(port: number, options?: { timeZone?: string }): { dir: string; url: string };
export function stopCluster(dir: string): void;
