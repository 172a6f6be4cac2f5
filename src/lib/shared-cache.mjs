// The dashboards' cache across several app servers (PostgreSQL): one shared generation of
// the public pages, a row of CacheTag. Every write that changes what the pages show moves it
// on (markDashboardsChanged, awaited before the write answers); every server's page cache
// (cache-handler.mjs) compares a cached page's generation with it before serving the page,
// and renders the page anew when it moved on. With SQLite there is one server, and Next's own
// in-memory marks (revalidatePath) are enough: nothing here runs.
// Plain JavaScript: Next loads the cache handler at run time, outside the bundle.
import { isPostgresUrl, postgresPool } from "./postgres.mjs";

const TAG = "dashboards";

/** Whether the page cache is shared between servers: the database is PostgreSQL. */
export const sharedCache = () => isPostgresUrl(process.env.DATABASE_URL);

/** The dashboards' current generation (0 before any write). */
export async function dashboardsGeneration() {
  const { rows } = await postgresPool().query(`SELECT "expiredAt" FROM "CacheTag" WHERE "tag" = $1`, [TAG]);
  return rows.length ? Number(rows[0].expiredAt) : 0;
}

/** Moves the dashboards' generation on (to now in milliseconds, and always past the last one). */
export async function markDashboardsChanged() {
  if (!sharedCache()) return;
  await postgresPool().query(
    `INSERT INTO "CacheTag" ("tag", "expiredAt") VALUES ($1, $2)
     ON CONFLICT ("tag") DO UPDATE SET "expiredAt" = GREATEST(EXCLUDED."expiredAt", "CacheTag"."expiredAt" + 1)`,
    [TAG, Date.now()],
  );
}
