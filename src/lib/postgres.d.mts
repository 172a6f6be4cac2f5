export function isPostgresUrl(url: string | undefined): boolean;
export const POSTGRES_OPTIONS: string;
