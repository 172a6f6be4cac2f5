// What every part of the app that talks to PostgreSQL agrees on: the app's client
// (prisma-client.ts), the stored decks' reader (db.ts), the shared page cache
// (shared-cache.mjs), the migrations (scripts/migrate.mjs) and the server (scripts/serve.mjs).
// Plain JavaScript, so that the scripts and the cache handler, which run outside the bundle,
// can import it too.
import pg from "pg";

/** Whether a database URL names PostgreSQL (postgres:// or postgresql://); anything else is a SQLite file. */
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url ?? "");

/**
 * Settings of every PostgreSQL connection. adapter-pg reads and writes timestamps as UTC
 * whatever the session's time zone (prisma/orm#26786), and the columns' defaults
 * (CURRENT_TIMESTAMP) follow the session's: UTC for both, so a server in Asia/Tokyo stores
 * the same instants as one in UTC.
 */
export const POSTGRES_OPTIONS = "-c TimeZone=UTC";

let pool = null;

/** The process's small pool for the queries that go past Prisma: a stored deck's bytes, the page cache's generation. */
export function postgresPool() {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, options: POSTGRES_OPTIONS, max: 4 });
  return pool;
}

/**
 * Why a server must not run: on PostgreSQL (several servers) without SESSION_SECRET, which
 * every server must share to read the others' cookies. Null when all is well.
 */
export function missingSessionSecret(env = process.env) {
  return isPostgresUrl(env.DATABASE_URL) && !env.SESSION_SECRET
    ? "SESSION_SECRET is required when DATABASE_URL is a PostgreSQL database: set it to a random value of at least 32 characters, the same on every app server"
    : null;
}
