/**
 * The audit trail a page at a time (keyset pagination, ?before=<id>) with each filter, against
 * a real database built by the real migrations and seed, with a trail of a few hundred
 * entries over two plans: the pages are ordered, disjoint and complete, the cursor keeps the
 * filters, and each filter's query reads an index in id order (EXPLAIN), so that a page costs
 * the same with a million entries (the figures are in the change's report, not asserted here).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { onPostgres } from "../support/db";
import { appDb } from "../support/app-db";

// The app's client singleton (src/lib/db.ts) opens this database: the modules that use it are imported once it is set.
const { url, db } = appDb("audit-trail.db");

let audit: typeof import("@/features/audit/data");
let planOutline: typeof import("@/features/plans/data").planOutline;
let plan2: { id: number; kpis: { id: number; code: string }[] };
let plan3: { id: number; kpis: { id: number; code: string }[] };

const FIELDS = ["value", "numerator", "detailJa", "status", "target"];
const YEARS = [2021, 2022, 2023];
const ENTRIES = 900;

beforeAll(async () => {
  audit = await import("@/features/audit/data");
  ({ planOutline } = await import("@/features/plans/data"));
  const plan = async (code: string) => {
    const p = await db.plan.findUniqueOrThrow({ where: { code }, select: { id: true } });
    return { id: p.id, kpis: await db.kpi.findMany({ where: { planId: p.id }, orderBy: { id: "asc" }, take: 3, select: { id: true, code: true } }) };
  };
  [plan2, plan3] = [await plan("plan2"), await plan("plan3")];
  // Two plans' entries interleaved, as saves of both come: three KPIs and rows of no KPI (a
  // round's status), three years and rows of none (a KPI's target), five items, two actions.
  const userId = (await db.user.findUniqueOrThrow({ where: { email: "secretariat@example.jp" } })).id;
  await db.auditLog.createMany({
    data: Array.from({ length: ENTRIES }, (_, i) => {
      const p = i % 3 === 2 ? plan3 : plan2;
      const kpi = i % 4 === 3 ? null : p.kpis[Math.floor(i / 4) % p.kpis.length];
      const field = kpi ? FIELDS[i % 5 === 3 ? 0 : i % 5] : "status";
      return {
        userId,
        action: field === "target" ? "kpi.yearTarget" : "value.update",
        entity: kpi ? "YearlyValue" : "FollowUpRound",
        entityId: kpi?.id ?? null,
        planId: p.id,
        kpiId: kpi?.id ?? null,
        fiscalYear: i % 11 === 0 ? null : YEARS[Math.floor(i / 7) % YEARS.length],
        field,
        oldValue: String(i),
        newValue: String(i + 1),
      };
    }),
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

type Filter = { kpi?: string; fy?: number; field?: string; action?: string };

// Every filter of the page (and the structure page's action), alone and together.
const filters = (): [string, Filter][] => [
  ["no filter", {}],
  ["kpi", { kpi: plan2.kpis[1].code }],
  ["fy", { fy: 2022 }],
  ["field", { field: "numerator" }],
  ["fy and field", { fy: 2023, field: "value" }],
  ["kpi and fy", { kpi: plan2.kpis[0].code, fy: 2021 }],
  ["kpi and field", { kpi: plan2.kpis[2].code, field: "value" }],
  ["kpi, fy and field", { kpi: plan2.kpis[0].code, fy: 2023, field: "value" }],
  ["action", { action: "kpi.yearTarget" }],
];

/** What the filter should find in the 2nd plan, newest first: the plan's rows, filtered here in plain code. */
async function expected(filter: Filter) {
  const kpiId = filter.kpi ? plan2.kpis.find((k) => k.code === filter.kpi)!.id : undefined;
  const rows = await db.auditLog.findMany({
    where: { planId: plan2.id },
    orderBy: { id: "desc" },
    select: { id: true, kpiId: true, fiscalYear: true, field: true, action: true },
  });
  return rows
    .filter(
      (r) =>
        (kpiId === undefined || r.kpiId === kpiId) &&
        (filter.fy === undefined || r.fiscalYear === filter.fy) &&
        (filter.field === undefined || r.field === filter.field) &&
        (filter.action === undefined || r.action === filter.action),
    )
    .map((r) => r.id);
}

/** Every page of the trail, from the newest, following each page's cursor. */
async function allPages(filter: Filter, size: number) {
  const pages: number[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = (await audit.auditPage("plan2", { ...filter, before }, size))!;
    pages.push(page.entries.map((e) => e.id));
    if (page.older === null) return pages;
    expect(page.older).toBe(page.entries.at(-1)!.id);
    before = page.older;
    expect(pages.length).toBeLessThan(1000);
  }
}

describe("the audit trail, a page at a time", () => {
  it("has entries enough for several pages with each filter", async () => {
    for (const [name, filter] of filters()) expect((await expected(filter)).length, name).toBeGreaterThan(10);
    expect((await expected({})).length).toBeGreaterThan(audit.AUDIT_PAGE_SIZE * 4);
  });

  for (const size of [7, 100]) {
    it(`pages of ${size}: ordered newest first, disjoint, each full but the last, and all of them together the whole trail, with each filter`, async () => {
      for (const [name, filter] of filters()) {
        const want = await expected(filter);
        const pages = await allPages(filter, size);
        expect(pages.length, name).toBe(Math.max(1, Math.ceil(want.length / size)));
        for (const page of pages.slice(0, -1)) expect(page.length, name).toBe(size);
        const all = pages.flat();
        // ordered (strictly: no entry twice) across the pages, and nothing left out
        for (let i = 1; i < all.length; i++) expect(all[i], name).toBeLessThan(all[i - 1]);
        expect(new Set(all).size, name).toBe(all.length);
        expect(all, name).toEqual(want);
      }
    });
  }

  it("starts from any entry's id with the filters kept: the entries older than it, and nothing of the other plan", async () => {
    const plan3Ids = new Set((await db.auditLog.findMany({ where: { planId: plan3.id }, select: { id: true } })).map((r) => r.id));
    for (const [name, filter] of filters()) {
      const want = await expected(filter);
      // the cursor of a page, an id in the middle of the trail that the filter does not match, one past the newest, the oldest
      const cursors = [want[Math.floor(want.length / 2)], [...plan3Ids][40], want[0] + 1, want.at(-1)!];
      for (const before of cursors) {
        const page = (await audit.auditPage("plan2", { ...filter, before }, 10))!;
        const ids = page.entries.map((e) => e.id);
        const older = want.filter((id) => id < before);
        expect(ids, `${name}, before ${before}`).toEqual(older.slice(0, 10));
        expect(page.older, `${name}, before ${before}`).toBe(older.length > 10 ? ids.at(-1) : null);
        expect(ids.some((id) => plan3Ids.has(id))).toBe(false);
      }
    }
  });

  it("names the KPI and the year of each entry, and its author", async () => {
    const { entries } = (await audit.auditPage("plan2", { kpi: plan2.kpis[0].code, fy: 2023 }))!;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toMatchObject({ kpi: plan2.kpis[0].code, fiscalYear: 2023, user: "事務局（デモ）" });
  });

  it("finds nothing for another plan's KPI, and no plan for an unknown code", async () => {
    expect(await audit.auditPage("plan2", { kpi: plan3.kpis[0].code })).toEqual({ entries: [], older: null });
    expect(await audit.auditPage("plan2", { fy: 2040 })).toEqual({ entries: [], older: null });
    expect(await audit.auditPage("no-such-plan", {})).toBeNull();
  });

  it("lists the plan's outline for the filters: its years, projects and KPIs in the order of the plan, without a figure", async () => {
    const { readPlanData } = await import("@/features/follow-up/data");
    for (const code of ["plan2", "plan3"]) {
      const outline = (await planOutline(code))!;
      const full = (await readPlanData(db, code, { id: 0, role: "committee" }))!;
      expect(outline).toEqual({
        code: full.code,
        nameJa: full.nameJa,
        nameEn: full.nameEn,
        firstFy: full.firstFy,
        lastFy: full.lastFy,
        projects: full.projects.map((p) => ({ no: p.no, code: p.code, nameJa: p.nameJa, nameEn: p.nameEn })),
        kpis: full.kpis.map((k) => ({ code: k.code, parentCode: k.parentCode, projectNo: k.projectNo, nameJa: k.nameJa, nameEn: k.nameEn })),
      });
    }
    expect(await planOutline("no-such-plan")).toBeNull();
  });
});

/** Which index each filter's query reads on SQLite (see auditTrail). */
const SQLITE_INDEX: Record<string, string> = {
  "no filter": "AuditLog_planId_id_idx",
  kpi: "AuditLog_kpiId_id_idx",
  fy: "AuditLog_planId_fiscalYear_id_idx",
  field: "AuditLog_planId_field_id_idx",
  "fy and field": "AuditLog_planId_fiscalYear_field_id_idx",
  "kpi and fy": "AuditLog_kpiId_id_idx",
  "kpi and field": "AuditLog_kpiId_id_idx",
  "kpi, fy and field": "AuditLog_kpiId_id_idx",
  action: "AuditLog_planId_action_id_idx",
};

/** The SQL of the AuditLog query that auditTrail sends, and its parameters, caught at the driver. */
async function auditQuery(filter: Filter & { before?: number }) {
  const sent: { sql: string; args: unknown[] }[] = [];
  if (onPostgres) {
    const query = pg.Pool.prototype.query;
    vi.spyOn(pg.Pool.prototype, "query").mockImplementation(function (this: pg.Pool, ...args: unknown[]) {
      const q = args[0] as { text?: string; values?: unknown[] };
      if (typeof q === "object" && q?.text) sent.push({ sql: q.text, args: q.values ?? [] });
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query);
  } else {
    const prepare = Database.prototype.prepare;
    vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, sql: string) {
      const statement = prepare.call(this, sql);
      const bind = statement.bind.bind(statement) as (...args: unknown[]) => typeof statement;
      statement.bind = (...args: unknown[]) => (sent.push({ sql, args }), bind(...args));
      return statement;
    } as typeof prepare);
  }
  await audit.auditTrail("plan2", filter, audit.AUDIT_PAGE_SIZE + 1);
  vi.restoreAllMocks();
  const found = sent.filter((s) => /^\s*SELECT\b[\s\S]*\bFROM\s+[`"]?(?:\w+[`"]?\.[`"]?)?AuditLog[`"]?\s+WHERE/i.test(s.sql));
  expect(found, JSON.stringify(sent.map((s) => s.sql))).toHaveLength(1);
  return found[0];
}

describe.skipIf(onPostgres)("each filter's query on SQLite", () => {
  it("searches an index in id order: no scan of the table, no sort", async () => {
    const file = new URL(url).pathname;
    const sqlite = new Database(file, { readonly: true });
    try {
      for (const [name, filter] of filters()) {
        for (const before of [undefined, 1_000_000]) {
          const { sql, args } = await auditQuery({ ...filter, before });
          const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as unknown[])) as { detail: string }[]).map((r) => r.detail).join("\n");
          expect(plan, name).toMatch(new RegExp(`^SEARCH (main\\.)?AuditLog USING (COVERING )?INDEX ${SQLITE_INDEX[name]} \\(`));
          expect(plan, name).not.toMatch(/SCAN (main\.)?AuditLog|TEMP B-TREE/);
          if (before) expect(plan, name).toMatch(/\bid<\?\)/);
        }
      }
    } finally {
      sqlite.close();
    }
  });
});

describe.runIf(onPostgres)("each filter's query on PostgreSQL", () => {
  // A test's table is small, so the planner rightly reads it whole; with sequential and bitmap
  // scans off, it shows whether an index gives each filter's rows in id order (no Sort).
  it("reads an index in id order: no sort", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET enable_seqscan = off");
      await client.query("SET enable_bitmapscan = off");
      for (const [name, filter] of filters()) {
        for (const before of [undefined, 1_000_000]) {
          const { sql, args } = await auditQuery({ ...filter, before });
          const plan = (await client.query(`EXPLAIN ${sql}`, args)).rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n");
          expect(plan, name).toMatch(/Index (Only )?Scan Backward using "?AuditLog_\w+_idx"? on "?AuditLog"?/);
          expect(plan, name).not.toMatch(/\bSort\b|Seq Scan/);
        }
      }
    } finally {
      await client.end();
    }
  });
});
