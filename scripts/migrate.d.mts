export const POSTGRES_MIGRATIONS: string;
export function migratePostgres(url: string, dir?: string): Promise<string[]>;
export function psqlScript(dir?: string): string;
