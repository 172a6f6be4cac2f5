import type pg from "pg";
export function isPostgresUrl(url: string | undefined): boolean;
export const POSTGRES_OPTIONS: string;
export function postgresPool(): pg.Pool;
export function missingSessionSecret(env?: NodeJS.ProcessEnv): string | null;
