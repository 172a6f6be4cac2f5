// What every part of the app that talks to PostgreSQL agrees on: the app's client
// (prisma-client.ts), the stored decks' reader (db.ts), the shared page cache
// (shared-cache.mjs) and the migrations (scripts/migrate.mjs). Plain JavaScript, so that the
// scripts and the cache handler, which run outside the bundle, can import it too.

/** Whether a database URL names PostgreSQL (postgres:// or postgresql://); anything else is a SQLite file. */
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url ?? "");

/**
 * Settings of every PostgreSQL connection. adapter-pg reads and writes timestamps as UTC
 * whatever the session's time zone (prisma/orm#26786), and the columns' defaults
 * (CURRENT_TIMESTAMP) follow the session's: UTC for both, so a server in Asia/Tokyo stores
 * the same instants as one in UTC.
 */
export const POSTGRES_OPTIONS = "-c TimeZone=UTC";
