export const POSTGRES_MIGRATIONS: string;
export function isPostgresUrl(url: string | undefined): boolean;
export function migratePostgres(url: string, dir?: string): Promise<string[]>;
