// How the app's speed holds as the work grows, in one run on the production build.
//   npm run build && npx tsx bench/scale.mjs          (part of npm run bench)
//   BENCH_SCALE_REBUILD=1 makes the synthetic database again, BENCH_SCALE_KEEP=1 keeps the one
//   there; BENCH_SCALE_AUDIT=… sets the audit log's size.
//
// 1. The synthetic database (bench/out/scale.db), built through the app's own code, as the
//    app would have written it over years: the real seeded data, then 10 plans of 8 projects
//    with 40 KPIs each over 10 fiscal years (the seed's seedPlan), 200 users (upsertUser), and
//    for each plan and year full-grid saves by the secretariat (saveRound: values, progress
//    texts and notes, every change in the audit log) until the log has 1,000,000 rows, each
//    year's round then finalized with its snapshot (setRoundStatus), the last year left a
//    draft. It takes several minutes, so it is kept and made again only when this file or the
//    migrations change.
// 2. Two production servers side by side, one on the seeded data alone and one on the
//    synthetic database, measured target by target in turns: p50/p95 of the dashboards, the
//    audit page with each filter, the entry grid and a full-grid save, the JSON and CSV
//    export and a deck; each server's memory (RSS, sampled every 100 ms, peak) under that
//    load; the time from start to the first page; the database's size.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Client, DEMO } from "../tests/support/servers.ts";
import { latencyStats, loadTest, prepareDatabase, startServer } from "./server.mjs";

const PLANS = 10;
const PROJECTS = 8;
const KPIS = 40; // per project
const FIRST_FY = 2016;
const YEARS = 10;
const USERS = 200;
const AUDIT_ROWS = Number(process.env.BENCH_SCALE_AUDIT ?? 1_000_000);
const SYNTHETIC = "scale-01"; // the synthetic plan measured beside the seeded ones
const LAST_FY = FIRST_FY + YEARS - 1;
const PORTS = { seeded: Number(process.env.BENCH_PORT ?? 3300) + 40, scale: Number(process.env.BENCH_PORT ?? 3300) + 41 };
const SECRET = { SESSION_SECRET: "bench-scale-secret-that-is-at-least-32-chars", COOKIE_SECURE: "false" };
const SCALE_DB = "bench/out/scale.db";

const planCode = (i) => `scale-${String(i).padStart(2, "0")}`;

/** A synthetic plan in the seed files' format (scripts/seed/schema.ts): structure only. */
function syntheticPlan(i) {
  const code = planCode(i);
  const kpi = (no, k) => ({
    code: `${code}-p${no}-k${k}`,
    kind: k % 2 ? "outcome" : "output",
    management: false,
    measure: "count",
    unit: "件",
    groupJa: null,
    groupEn: null,
    nameJa: `合成指標 ${no}-${k}（性能測定用）`,
    nameEn: `Synthetic indicator ${no}-${k} (for the scale bench)`,
    target: 1000 + k * 10,
    targetQualifier: null,
    targetRawJa: null,
    subs: [],
  });
  return {
    plan: {
      code,
      nameJa: `合成計画 ${i}（性能測定用）`,
      nameEn: `Synthetic plan ${i} (scale bench)`,
      firstFy: FIRST_FY,
      lastFy: LAST_FY,
      ratingRule: "pro_rata",
    },
    projects: Array.from({ length: PROJECTS }, (_, p) => ({
      no: p + 1,
      code: `${code}-p${p + 1}`,
      nameJa: `合成プロジェクト ${p + 1}`,
      nameEn: `Synthetic project ${p + 1}`,
      ministries: [{ code: "MHLW", lead: true }],
      budgets: [{ fy: LAST_FY, kind: "amed", okuYen: 100 + p }],
      kpis: Array.from({ length: KPIS }, (_, k) => kpi(p + 1, k + 1)),
    })),
    values: [],
    rounds: [],
  };
}

/**
 * What the synthetic database is made of: it is made again when its recipe changes. Migrations
 * added since are applied to it before it is measured, as to a deployed database.
 */
function stamp() {
  const hash = createHash("sha256").update(JSON.stringify([PLANS, PROJECTS, KPIS, FIRST_FY, YEARS, USERS, AUDIT_ROWS]));
  return hash.update(syntheticPlan.toString()).update(buildScaleDatabase.toString()).digest("hex");
}

async function buildScaleDatabase() {
  const started = performance.now();
  const env = prepareDatabase("scale-build");
  process.env.DATABASE_URL = env.DATABASE_URL;
  const { createPrismaClient } = await import("../src/lib/prisma-client.ts");
  const { parseSeedFile, seedPlan } = await import("../scripts/seed/load.ts");
  const { upsertUser } = await import("../src/features/auth/mutations.ts");
  const { saveRound, setRoundStatus } = await import("../src/features/follow-up/mutations.ts");
  const db = createPrismaClient(env.DATABASE_URL);

  for (let i = 1; i <= PLANS; i++) await seedPlan(db, parseSeedFile(syntheticPlan(i)));
  const roles = (i) => (i < 10 ? "admin" : i < 40 ? "secretariat" : "committee");
  for (let i = 0; i < USERS; i++)
    await upsertUser(db, { email: `user${i}@scale.example.jp`, name: `利用者 ${i}`, role: roles(i), password: `scale-bench-password-${i}` }, "scale bench");
  const clerks = (await db.user.findMany({ where: { email: { endsWith: "@scale.example.jp" }, role: "secretariat" } })).map((u) => ({
    id: u.id,
    role: u.role,
  }));
  const admin = await db.user.findFirstOrThrow({ where: { email: { endsWith: "@scale.example.jp" }, role: "admin" } });
  console.log(`built ${PLANS} plans and ${USERS} users in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const auditRows = () => db.auditLog.count();
  // Each save changes every KPI's value and three texts: 4 audit rows per KPI.
  const perSave = PROJECTS * KPIS * 4;
  const savesPerRound = Math.max(1, Math.ceil((AUDIT_ROWS - (await auditRows())) / (PLANS * YEARS * perSave)));
  let saves = 0;
  const save = async (code, fy, n) => {
    const plan = await db.plan.findUniqueOrThrow({ where: { code }, include: { kpis: { select: { id: true, code: true } } } });
    const round = await db.followUpRound.findUnique({ where: { planId_fiscalYear: { planId: plan.id, fiscalYear: fy } } });
    const values = new Map((await db.yearlyValue.findMany({ where: { kpi: { planId: plan.id }, fiscalYear: fy } })).map((v) => [v.kpiId, v.version]));
    const entries = new Map(round ? (await db.roundEntry.findMany({ where: { roundId: round.id } })).map((e) => [e.kpiId, e.version]) : []);
    const rows = plan.kpis.map((k, i) => ({
      kpi: k.code,
      value: String(100 + ((i + n * 7) % 400)),
      valueVersion: values.get(k.id) ?? 0,
      detailJa: `進捗の詳細（第${n + 1}稿）：合成データによる記述。`,
      detailEn: `Progress (draft ${n + 1}): synthetic text.`,
      noteJa: `備考（第${n + 1}稿）`,
      entryVersion: entries.get(k.id) ?? 0,
    }));
    const result = await saveRound(code, fy, { rows, evaluations: [] }, clerks[saves++ % clerks.length]);
    if (result.kind !== "saved") throw new Error(`save ${code} ${fy}: ${result.kind}`);
  };
  for (let i = 1; i <= PLANS; i++) {
    for (let fy = FIRST_FY; fy <= LAST_FY; fy++) {
      for (let n = 0; n < savesPerRound; n++) await save(planCode(i), fy, n);
      if (fy < LAST_FY) await setRoundStatus(planCode(i), fy, { to: "final", meetingNo: fy - FIRST_FY + 1, meetingDate: `${fy + 1}-06-01` }, admin);
    }
    console.log(
      `plan ${planCode(i)}: ${YEARS} rounds, ${savesPerRound} saves each; audit log ${await auditRows()} rows; ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  // Topped up on the last year's drafts, which stay open.
  for (let n = savesPerRound; (await auditRows()) < AUDIT_ROWS; n++) await save(planCode(1 + (n % PLANS)), LAST_FY, n);
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  // Both clients closed (the mutations' own, src/lib/db.ts, too) before the file is moved.
  await Promise.all([db.$disconnect(), (await import("../src/lib/db.ts")).prisma.$disconnect()]);
  renameSync("bench/out/scale-build.db", SCALE_DB);
  writeFileSync(`${SCALE_DB}.stamp`, stamp());
  console.log(`synthetic database built in ${((performance.now() - started) / 60000).toFixed(1)} min`);
}

// BENCH_SCALE_KEEP=1 keeps the database that is there, as if it were made by this recipe.
if (process.env.BENCH_SCALE_KEEP === "1" && existsSync(SCALE_DB)) writeFileSync(`${SCALE_DB}.stamp`, stamp());
if (process.env.BENCH_SCALE_REBUILD === "1" || !existsSync(SCALE_DB) || readFileSync(`${SCALE_DB}.stamp`, "utf8") !== stamp()) {
  rmSync(SCALE_DB, { force: true });
  for (const suffix of ["-wal", "-shm"]) rmSync(SCALE_DB + suffix, { force: true });
  await buildScaleDatabase();
}

// ---------------------------------------------------------------------------------------
// The two servers.

const seededEnv = { ...prepareDatabase("scale-seeded"), ...SECRET };
const scaleEnv = { ...process.env, DATABASE_URL: `file:./${SCALE_DB}`, NEXT_TELEMETRY_DISABLED: "1", ...SECRET };
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: scaleEnv, stdio: ["ignore", "ignore", "inherit"] });
const FIRST_PAGE = "/ja/plans/plan2/2024";

/** Starts a server, timing it until it answers and until it has rendered its first page. */
async function start(env, port) {
  const t0 = performance.now();
  const server = await startServer(env, port);
  const ready = performance.now() - t0;
  if ((await fetch(server.base + FIRST_PAGE)).status !== 200) throw new Error(`${FIRST_PAGE} failed on ${port}`);
  return { ...server, ready, firstPage: performance.now() - t0, peak: 0 };
}

const servers = { seeded: await start(seededEnv, PORTS.seeded), scale: await start(scaleEnv, PORTS.scale) };

/** Each server's peak RSS, sampled every 100 ms while the bench runs. */
const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
const sampler = setInterval(() => {
  for (const s of Object.values(servers)) s.peak = Math.max(s.peak, rss(s.pid));
}, 100);

// The secretariat, signed in on each server; its cookie goes with the signed-in requests.
for (const s of Object.values(servers)) {
  const clerk = new Client(s.base, "127.0.0.1");
  const signed = await clerk.signIn(DEMO.secretariat.email, DEMO.secretariat.password);
  if (signed.status !== 200) throw new Error(`sign-in on ${s.base}: ${signed.status}`);
  s.cookie = clerk.cookieHeader();
}

/** GET under load (autocannon): p50/p95 latency; any answer but 200 fails the bench. */
async function load(server, path, { connections, amount, signedIn }) {
  const headers = signedIn ? { cookie: server.cookie } : {};
  const { latencies, non200 } = await loadTest({ url: server.base + path, connections, amount, timeout: 60, headers });
  if (non200) throw new Error(`${path}: ${non200} answers were not 200`);
  return latencyStats(latencies);
}

/** One request at a time, timed end to end (body read). */
async function sequential(server, times, request) {
  const latencies = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const res = await request(i);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${res.url}: ${res.status} ${Buffer.from(body).toString("utf8", 0, 300)}`);
    latencies.push(performance.now() - t0);
  }
  return latencyStats(latencies);
}

/** Reads the server's database file (the bench's own look at what the server wrote). */
function query(server, sql, ...args) {
  const db = new Database((server === servers.seeded ? seededEnv : scaleEnv).DATABASE_URL.replace(/^file:/, ""), { readonly: true });
  try {
    return db.prepare(sql).all(...args);
  } finally {
    db.close();
  }
}

/** A full-grid save of a draft round: every counted KPI's value changed, at the versions read just before. */
async function saves(server, code, fy, times) {
  const kpis = query(server, `SELECT k.code FROM Kpi k JOIN Plan p ON p.id = k.planId WHERE p.code = ? AND k.measure = 'count'`, code).map((r) => r.code);
  const versions = () =>
    new Map(
      query(
        server,
        `SELECT k.code, v.version FROM YearlyValue v JOIN Kpi k ON k.id = v.kpiId JOIN Plan p ON p.id = k.planId WHERE p.code = ? AND v.fiscalYear = ?`,
        code,
        fy,
      ).map((r) => [r.code, r.version]),
    );
  return sequential(server, times, async (n) => {
    const known = versions();
    const rows = kpis.map((kpi, i) => ({ kpi, value: String(500 + ((i + n) % 2)), valueVersion: known.get(kpi) ?? 0, entryVersion: 0 }));
    return fetch(`${server.base}/api/plans/${code}/rounds/${fy}/entries?lang=en`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.base, cookie: server.cookie },
      body: JSON.stringify({ rows }),
    });
  });
}

const auditFilters = (code, kpi, fy) => ({
  "no filter": "",
  kpi: `?kpi=${kpi}`,
  "fiscal year": `?fy=${fy}`,
  "item (value)": "?field=value",
  "item (footnote, rare)": "?field=footnote",
  "kpi + year + item": `?kpi=${kpi}&fy=${fy}&field=value`,
});

/**
 * One measure on both servers, in turns: the seeded data's figure and the scale's, with the
 * scale server's RSS once it is done (where its peak grows).
 */
async function measure(name, run, aim) {
  const seeded = await run(servers.seeded, "seeded");
  const scale = await run(servers.scale, "scale");
  const f = (r) => (r ? `${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}` : " ".repeat(17));
  const ratio = seeded ? `${(scale.p95 / seeded.p95).toFixed(2).padStart(5)}×` : " ".repeat(6);
  console.log(`${name.padEnd(46)} ${f(seeded)}   ${f(scale)}   ${ratio} ${(rss(servers.scale.pid) / 2 ** 20).toFixed(0).padStart(6)}  ${aim ?? ""}`);
}

const PAGES = { overview: "/ja/plans/plan2/2024", "KPI page": "/ja/plans/plan2/2024/kpis/pharma-out-1", compare: "/en/plans/plan2/2024/compare" };
const SYN = {
  overview: `/ja/plans/${SYNTHETIC}/${LAST_FY - 1}`,
  "KPI page": `/ja/plans/${SYNTHETIC}/${LAST_FY - 1}/kpis/${SYNTHETIC}-p1-k1`,
  compare: `/en/plans/${SYNTHETIC}/${LAST_FY - 1}/compare`,
};
for (const s of Object.values(servers)) for (const path of [...Object.values(PAGES), ...Object.values(SYN)]) await fetch(s.base + path); // cached

console.log(
  `\nScale bench: seeded data alone against ${PLANS} more plans × ${PROJECTS} projects × ${KPIS} KPIs, ${YEARS} years, ${USERS} users, ${AUDIT_ROWS.toLocaleString("en")} audit rows`,
);
console.log(
  `${"ms".padEnd(46)} ${"seeded p50".padStart(8)} ${"p95".padStart(8)}   ${"scale p50".padStart(8)} ${"p95".padStart(8)}   scale÷seeded p95, scale RSS MB, aim`,
);
for (const c of [1, 10, 50]) {
  for (const [name, path] of Object.entries(PAGES))
    await measure(`${name} plan2 FY2024, c=${c}`, (s) => load(s, path, { connections: c, amount: 1000 }), "≤ 1.5×");
}
for (const [name, path] of Object.entries(SYN))
  await measure(`${name} of ${SYNTHETIC} (320 KPIs), c=10`, (s, which) => (which === "scale" ? load(s, path, { connections: 10, amount: 1000 }) : null));

for (const [name, query] of Object.entries(auditFilters("plan2", "pharma-out-1", 2022)))
  await measure(`audit page plan2, ${name}`, (s) => load(s, `/ja/workspace/plan2/audit${query}`, { connections: 1, amount: 100, signedIn: true }), "p95 ≤ 100");
for (const [name, query] of Object.entries(auditFilters(SYNTHETIC, `${SYNTHETIC}-p1-k1`, LAST_FY - 1)))
  await measure(
    `audit page ${SYNTHETIC}, ${name}`,
    (s, which) => (which === "scale" ? load(s, `/ja/workspace/${SYNTHETIC}/audit${query}`, { connections: 1, amount: 100, signedIn: true }) : null),
    "p95 ≤ 100",
  );

await measure("entry grid plan3 FY2025", (s) => load(s, "/ja/workspace/plan3/2025", { connections: 1, amount: 50, signedIn: true }));
await measure(`entry grid ${SYNTHETIC} FY${LAST_FY} (320 rows)`, (s, which) =>
  which === "scale" ? load(s, `/ja/workspace/${SYNTHETIC}/${LAST_FY}`, { connections: 1, amount: 50, signedIn: true }) : null,
);
await measure("full-grid save plan3 FY2025", (s) => saves(s, "plan3", 2025, 30), "p95 ≤ 150");
await measure(`full-grid save ${SYNTHETIC} FY${LAST_FY} (320 rows)`, (s, which) => (which === "scale" ? saves(s, SYNTHETIC, LAST_FY, 30) : null), "p95 ≤ 150");

for (const format of ["json", "csv"]) {
  await measure(`export plan2 FY2024 ${format}`, (s) => sequential(s, 30, () => fetch(`${s.base}/api/plans/plan2/follow-up?fy=2024&format=${format}`)));
  await measure(`export ${SYNTHETIC} FY${LAST_FY - 1} ${format} (320 KPIs)`, (s, which) =>
    which === "scale" ? sequential(s, 30, () => fetch(`${s.base}/api/plans/${SYNTHETIC}/follow-up?fy=${LAST_FY - 1}&format=${format}`)) : null,
  );
}
// A draft's deck is made on each request (a final round's is made once and stored).
const deck = (s, code, fy, format) =>
  sequential(s, 3, () => fetch(`${s.base}/api/plans/${code}/follow-up/slides?fy=${fy}&lang=ja&format=${format}`, { headers: { cookie: s.cookie } }));
for (const format of ["pptx", "pdf"]) {
  await measure(`deck plan3 FY2025 ${format} (draft, made per request)`, (s) => deck(s, "plan3", 2025, format));
  await measure(`deck ${SYNTHETIC} FY${LAST_FY} ${format} (320 KPIs)`, (s, which) => (which === "scale" ? deck(s, SYNTHETIC, LAST_FY, format) : null));
}
clearInterval(sampler);

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const size = (file) => [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
console.log(`\n${"".padEnd(32)} ${"seeded".padStart(12)} ${"scale".padStart(12)}`);
const line = (name, f) => console.log(`${name.padEnd(32)} ${String(f("seeded")).padStart(12)} ${String(f("scale")).padStart(12)}`);
const files = { seeded: seededEnv.DATABASE_URL.replace(/^file:/, "").replace(/^\.\//, ""), scale: SCALE_DB };
line("database size", (w) => mb(size(files[w])));
for (const table of ["Plan", "Kpi", "YearlyValue", "RoundSnapshot", "User", "AuditLog"]) {
  const n = {
    seeded: query(servers.seeded, `SELECT count(*) AS n FROM "${table}"`)[0].n,
    scale: query(servers.scale, `SELECT count(*) AS n FROM "${table}"`)[0].n,
  };
  line(`rows of ${table}`, (w) => n[w].toLocaleString("en"));
}
line("server's peak RSS (aim ≤ 400 MB)", (w) => mb(servers[w].peak));
line("start to answering, ms", (w) => servers[w].ready.toFixed(0));
line("start to the first page, ms", (w) => servers[w].firstPage.toFixed(0));
await Promise.all(Object.values(servers).map((s) => s.stop()));
