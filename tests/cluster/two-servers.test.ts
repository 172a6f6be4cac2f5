/**
 * Two production servers on one PostgreSQL database behave as one (`npm run test:cluster`,
 * after the build): what one server writes, the other shows at once; a session ended on one
 * is ended on both; the sign-in limits count the attempts made on both; two saves from the
 * same version through both servers at once are one save and one clean conflict. The
 * throwaway cluster is started by tests/support/global-setup.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDb, psql, seedDb } from "../support/db";
import { Client, DEMO, startServer, type Server } from "../support/servers";

const PLAN = "plan3";
const KPI = "plan3-out-1";
const ENTRIES = `/api/plans/${PLAN}/rounds/2025/entries`;
const base = Number(process.env.CLUSTER_PORT ?? 3310);

let a: Server, b: Server, database: string;

beforeAll(async () => {
  const url = migratedDb("two_servers");
  seedDb(url);
  database = new URL(url).pathname.slice(1);
  // Both, or neither: a server that started is stopped when the other did not.
  const started = await Promise.allSettled([startServer(base, url), startServer(base + 1, url)]);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : null)));
    throw failed.reason;
  }
  [a, b] = started.map((s) => (s as PromiseFulfilledResult<Server>).value);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** The stored value and version of the KPI's FY2025 figure. */
function stored(): { value: number | null; version: number } {
  const out = psql(
    `SELECT v.value, v.version FROM "YearlyValue" v JOIN "Kpi" k ON k.id = v."kpiId" WHERE k.code = '${KPI}' AND v."fiscalYear" = 2025`,
    database,
  ).trim();
  if (!out) return { value: null, version: 0 };
  const [value, version] = out.split("|");
  return { value: value === "" ? null : Number(value), version: Number(version) };
}

/** Whether a page's HTML shows a text (a boolean: a failure need not print the page). */
const shows = (html: string, text: string) => html.includes(text);

const save = (clerk: Client, value: string, valueVersion: number) =>
  clerk.json(`${ENTRIES}?lang=en`, "POST", { rows: [{ kpi: KPI, value, valueVersion, entryVersion: 0 }] });

describe("two app servers on one PostgreSQL database", () => {
  it("a draft save through one server clears nothing public; the round finalized through it shows at once on the other's pages and export, and other plans' pages stay cached", async () => {
    const reader = new Client(b.base, "10.20.0.1");
    const page = `/en/plans/${PLAN}/2025/kpis/${KPI}`;
    const otherPlan = "/en/plans/plan2/2024";
    expect((await reader.fetch(otherPlan)).status).toBe(200);
    expect((await reader.fetch(page)).status).toBe(200);
    const cached = await reader.fetch(page);
    expect(cached.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(shows(await cached.text(), "4,321")).toBe(false);
    expect((await reader.fetch(`/api/plans/${PLAN}/follow-up?fy=2025`)).status).toBe(404);

    const clerk = new Client(a.base, "10.20.0.2");
    expect((await clerk.signIn(DEMO.secretariat.email, DEMO.secretariat.password)).status).toBe(200);
    expect((await save(clerk, "4,321", stored().version)).status).toBe(200);
    // A draft's figure is not public: the save cleared nothing, and B still serves its copy.
    const afterSave = await reader.fetch(page);
    expect(afterSave.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(shows(await afterSave.text(), "4,321")).toBe(false);
    const admin = new Client(a.base, "10.20.0.3");
    expect((await admin.signIn(DEMO.admin.email, DEMO.admin.password)).status).toBe(200);
    const finalized = await admin.json(`/api/plans/${PLAN}/rounds/2025/status`, "POST", { to: "final", meetingNo: "1", meetingDate: "2026-06-01" });
    expect(finalized.status).toBe(200);

    // Server B never saw the write: its cached page is stale and must be rendered anew.
    const fresh = await reader.fetch(page);
    expect(fresh.headers.get("x-nextjs-cache")).not.toBe("HIT");
    // Another plan's pages are not cleared.
    expect((await reader.fetch(otherPlan)).headers.get("x-nextjs-cache")).toBe("HIT");
    expect(shows(await fresh.text(), "4,321")).toBe(true);
    const exported = await reader.fetch(`/api/plans/${PLAN}/follow-up?fy=2025`);
    expect(exported.status).toBe(200);
    const row = (await exported.json()).rows.find((r: { kpi: string }) => r.kpi === KPI);
    expect(row.values).toEqual({ 2025: 4321 });
    // And it is cached again until the next write.
    expect((await reader.fetch(page)).headers.get("x-nextjs-cache")).toBe("HIT");

    // Unlocked through A for the saves below: B says so at once, and keeps the figures as finalized.
    expect((await admin.json(`/api/plans/${PLAN}/rounds/2025/status`, "POST", { to: "draft", reason: "two-server test" })).status).toBe(200);
    const unlocked = await (await reader.fetch(page)).text();
    expect(shows(unlocked, "The FY2025 follow-up has been unlocked for corrections.")).toBe(true);
    expect(shows(unlocked, "4,321")).toBe(true);
  });

  it("a sign-out on one server ends the session on both", async () => {
    const user = async (client: Client) => (await (await client.fetch("/api/auth/me")).json()).user;
    const member = new Client(a.base, "10.20.1.1");
    expect((await member.signIn(DEMO.committee.email, DEMO.committee.password)).status).toBe(200);
    const onB = member.on(b.base);
    expect(await user(onB)).toMatchObject({ role: "committee" });
    // Someone keeps a copy of the cookie; the member signs out on B.
    const copy = member.copy();
    expect((await onB.json("/api/auth/signout", "POST", {})).status).toBe(200);
    expect(await user(copy)).toBeNull();
    expect(await user(copy.on(b.base))).toBeNull();
  });

  it("the sign-in limit counts the attempts made on both servers", async () => {
    const email = "nobody-two-servers@example.jp";
    // Five wrong attempts, alternating between the servers, from five addresses.
    for (let i = 0; i < 5; i++) {
      const client = new Client(i % 2 ? b.base : a.base, `10.20.2.${i + 1}`);
      expect((await client.signIn(email, "wrong password")).status).toBe(401);
    }
    for (const server of [a, b]) {
      const refused = await new Client(server.base, "10.20.2.99").signIn(email, "wrong password");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("two saves from the same version, one through each server at once: one is saved, the other is a clean conflict", async () => {
    const clerkA = new Client(a.base, "10.20.3.1");
    expect((await clerkA.signIn(DEMO.secretariat.email, DEMO.secretariat.password)).status).toBe(200);
    const clerkB = new Client(b.base, "10.20.3.2");
    expect((await clerkB.signIn(DEMO.admin.email, DEMO.admin.password)).status).toBe(200);
    for (let round = 0; round < 8; round++) {
      const { version } = stored();
      const [ra, rb] = await Promise.all([save(clerkA, String(1000 + round), version), save(clerkB, String(2000 + round), version)]);
      const statuses = [ra.status, rb.status].sort();
      const bodies = await Promise.all([ra.json(), rb.json()]);
      expect(statuses, JSON.stringify(bodies)).toEqual([200, 409]);
      const body = bodies[ra.status === 409 ? 0 : 1];
      expect(body.conflicts).toEqual([expect.objectContaining({ kpi: KPI, field: "value" })]);
      const winner = ra.status === 200 ? 1000 + round : 2000 + round;
      expect(stored()).toEqual({ value: winner, version: version + 1 });
    }
  });
});
