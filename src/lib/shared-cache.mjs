// The public pages' generations, one per plan. Every cached page belongs to a plan (its address
// is /{locale}/plans/{code}/… or /{locale}/print/plans/{code}/…): a write that changes what a
// plan's pages show moves that plan's generation on (markPlanChanged, awaited before the write
// answers), and the page cache (cache-handler.mjs) serves a cached page only while its plan's
// generation is the one its rendering began with. Other plans' pages stay cached.
// - SQLite (one server): the generations live in this process's memory.
// - PostgreSQL (several servers): they are rows of CacheTag ("plan:{code}"), so a write on one
//   server shows at once on every server.
// Plain JavaScript: Next loads the cache handler at run time, outside the bundle, so the
// in-memory generations are kept on globalThis, where the bundled writes and the handler meet.
import { isPostgresUrl, postgresPool } from "./postgres.mjs";

/** Whether the generations are shared between servers: the database is PostgreSQL. */
const sharedCache = () => isPostgresUrl(process.env.DATABASE_URL);

/** plan code → generation, for one server (SQLite). */
const local = (globalThis[Symbol.for("medrd.pageGenerations")] ??= new Map());

// A page's cache key ends with its address: "/route-cache/APP_PAGE/{hash}/$/ja/plans/plan2/2024".
const PLAN_PAGE = /(?:^|\/\$)\/[^/$]+\/(?:print\/)?plans\/([^/?]+)/;

/** The plan a cached page shows (from its cache key, which ends with its address), or null for another page. */
export function planOfPage(key) {
  const code = PLAN_PAGE.exec(key)?.[1];
  if (code === undefined) return null;
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

const tag = (plan) => `plan:${plan}`;

/** A plan's pages' current generation (0 before any write since the start, or ever). */
export async function planGeneration(plan) {
  if (!sharedCache()) return local.get(plan) ?? 0;
  const { rows } = await postgresPool().query(`SELECT "expiredAt" FROM "CacheTag" WHERE "tag" = $1`, [tag(plan)]);
  return rows.length ? Number(rows[0].expiredAt) : 0;
}

/** Moves a plan's generation on (shared: to now in milliseconds, and always past the last one). */
export async function markPlanChanged(plan) {
  if (!sharedCache()) {
    local.set(plan, (local.get(plan) ?? 0) + 1);
    return;
  }
  await postgresPool().query(
    `INSERT INTO "CacheTag" ("tag", "expiredAt") VALUES ($1, $2)
     ON CONFLICT ("tag") DO UPDATE SET "expiredAt" = GREATEST(EXCLUDED."expiredAt", "CacheTag"."expiredAt" + 1)`,
    [tag(plan), Date.now()],
  );
}
