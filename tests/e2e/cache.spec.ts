/**
 * The public pages' cache is cleared by plan, and only by writes the public can see: a draft
 * save, an import and an edit that changes nothing leave every cached page as it is; a
 * finalize, and an admin's real edit, make that plan's pages new at once and leave the other
 * plans' pages cached. On a copy of the 3rd plan as seeded (cache-e2e, one of SPEC_PLANS).
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, DEMO, seedPlan3Copy, sql } from "../support/e2e";

const PLAN = "cache-e2e";
const KPI = "plan3-out-1";
const OURS = [`/en/plans/${PLAN}/2025`, `/en/plans/${PLAN}/2025/kpis/${KPI}`, `/ja/plans/${PLAN}/2025/compare`];
const OTHERS = ["/en/plans/plan2/2024", `/ja/plans/plan2/2024/kpis/pharma-out-1`, "/en/plans/plan3/2025"];

test.beforeAll(() => {
  seedPlan3Copy({ code: PLAN, nameJa: "第３期計画（キャッシュ試験用の写し）", nameEn: "3rd plan (copy for the cache tests)" });
});

test("writes clear only the public pages of their plan, and only when the public can see the change", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const reader = await apiAs(playwright, baseURL!, null, "10.0.27.1");
  const clerk = await apiAs(playwright, baseURL!, DEMO.secretariat, "10.0.27.2");
  const admin = await apiAs(playwright, baseURL!, DEMO.admin, "10.0.27.3");
  const cache = async (ctx: APIRequestContext, path: string) => {
    const res = await ctx.get(path);
    expect(res.status(), path).toBe(200);
    return { state: res.headers()["x-nextjs-cache"], html: await res.text() };
  };
  /** Each page's cache state now, as a map (one failure names the page). */
  const states = async (paths: string[]) => Object.fromEntries(await Promise.all(paths.map(async (p) => [p, (await cache(reader, p)).state])));
  const hits = (paths: string[]) => Object.fromEntries(paths.map((p) => [p, "HIT"]));

  for (const path of [...OURS, ...OTHERS]) await cache(reader, path); // cached
  expect(await states([...OURS, ...OTHERS])).toEqual(hits([...OURS, ...OTHERS]));

  // A draft save: the public cannot see it, so nothing is cleared.
  const version = sql<{ version: number }>(
    "SELECT v.version FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId JOIN Plan p ON p.id = k.planId WHERE p.code = ? AND k.code = ? AND v.fiscalYear = 2025",
    PLAN,
    KPI,
  )[0]?.version;
  const saved = await clerk.post(`/api/plans/${PLAN}/rounds/2025/entries?lang=en`, {
    data: { rows: [{ kpi: KPI, value: "７,６５４", valueVersion: version ?? 0, entryVersion: 0 }] },
  });
  expect(saved.status()).toBe(200);
  expect(await states([...OURS, ...OTHERS])).toEqual(hits([...OURS, ...OTHERS]));
  expect((await cache(reader, OURS[1])).html).not.toContain("7,654");

  // An admin's edit that changes nothing: nothing is cleared.
  const name = sql<{ nameEn: string }>("SELECT k.nameEn FROM Kpi k JOIN Plan p ON p.id = k.planId WHERE p.code = ? AND k.code = ?", PLAN, KPI)[0].nameEn;
  const same = await admin.post(`/api/admin/plans/${PLAN}/kpis/${KPI}`, { data: { nameEn: name, reason: "no change" } });
  expect(same.status()).toBe(200);
  expect((await same.json()).kind).toBe("unchanged");
  expect(await states([...OURS, ...OTHERS])).toEqual(hits([...OURS, ...OTHERS]));

  // Finalized: this plan's pages are new at once, with the figure; the other plans' stay cached.
  const finalized = await admin.post(`/api/plans/${PLAN}/rounds/2025/status`, { data: { to: "final", meetingNo: 52, meetingDate: "2026-06-11" } });
  expect(finalized.status()).toBe(200);
  for (const path of OURS) expect((await cache(reader, path)).state, path).not.toBe("HIT");
  expect((await cache(reader, OURS[1])).html).toContain("7,654");
  expect(await states([...OURS, ...OTHERS])).toEqual(hits([...OURS, ...OTHERS]));

  // A real edit of a name the public sees: the same.
  const renamed = await admin.post(`/api/admin/plans/${PLAN}/kpis/${KPI}`, { data: { nameEn: `${name} (renamed)`, reason: "cache test" } });
  expect(renamed.status()).toBe(200);
  const page = await cache(reader, OURS[1]);
  expect(page.state).not.toBe("HIT");
  expect(page.html).toContain("(renamed)");
  expect(await states(OTHERS)).toEqual(hits(OTHERS));
});
