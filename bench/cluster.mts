// Two app servers on one PostgreSQL database, under readers and writers, in one run.
//   npm run build && npx tsx bench/cluster.mts
// A throwaway PostgreSQL cluster (scripts/pg-cluster.mjs), migrated and seeded; then readers
// (autocannon, BENCH_CONNECTIONS per server, BENCH_REQUESTS each) load public dashboards in
// three set-ups, each printed with p50/p95 and errors:
//   1. one server alone, no writers (the reference);
//   2. one server alone, while two clerks save through it;
//   3. two servers, readers on both, no writers;
//   4. two servers, readers on both, while two clerks save through both;
//   5. the same, while an admin also renames a KPI of another plan (plan3) every BENCH_WRITE_MS:
//      a public change, which clears that plan's pages only, not the ones read (plan2's).
// A writer saves the same KPI from the version it last read, every BENCH_WRITE_MS: when the
// other clerk saved first, the answer is a conflict (409), which is counted, not an error.
// An error is any other answer that is not 200 (or a network error).
import { execFileSync } from "node:child_process";
import pg from "pg";
import { migratePostgres } from "../scripts/migrate.mjs";
import { startCluster, stopCluster } from "../scripts/pg-cluster.mjs";
import { Client, DEMO, startServer, type Server } from "../tests/support/servers";
import { latencyStats, loadTest } from "./server.mjs";

const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 55460);
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WRITE_MS = Number(process.env.BENCH_WRITE_MS ?? 500);
const PAGES = ["/ja/plans/plan2/2024", "/ja/plans/plan2/2024/kpis/pharma-out-1", "/en/plans/plan2/2024/projects/3"];
const KPI = "plan3-out-1";

async function read(base: string): Promise<{ latencies: number[]; errors: number }> {
  const requests = PAGES.map((p) => ({ method: "GET", path: p }));
  const { latencies, non200, failed } = await loadTest({ url: base, connections: CONNECTIONS, amount: REQUESTS, timeout: 10, requests });
  return { latencies, errors: non200 + failed };
}

/** Clerks saving (and an admin renaming another plan's KPI) until stopped; returns the counts of their answers. */
function write(clerks: Client[], db: pg.Pool, admin: Client | null) {
  const counts = { saved: 0, conflicts: 0, errors: 0 };
  let running = true;
  const renames = async () => {
    for (let n = 0; admin && running; n++) {
      const response = await admin
        .json(`/api/admin/plans/plan3/kpis/plan3-out-2?lang=en`, "POST", { nameEn: `Renamed for the bench (${n})`, reason: "cluster bench" })
        .catch(() => null);
      if (response?.status === 200) counts.saved++;
      else counts.errors++;
      await new Promise((r) => setTimeout(r, WRITE_MS));
    }
  };
  const loops = [
    renames(),
    ...clerks.map(async (clerk, i) => {
      await new Promise((r) => setTimeout(r, (i * WRITE_MS) / clerks.length));
      let version = 0;
      for (let n = 0; running; n++) {
        const response = await clerk
          .json(`/api/plans/plan3/rounds/2025/entries?lang=en`, "POST", {
            rows: [{ kpi: KPI, value: String(100 + n), valueVersion: version, entryVersion: 0 }],
          })
          .catch(() => null);
        if (response?.status === 200) counts.saved++;
        else if (response?.status === 409) counts.conflicts++;
        else counts.errors++;
        // The next save starts from the version the grid would load now.
        const { rows } = await db.query(`SELECT v.version FROM "YearlyValue" v JOIN "Kpi" k ON k.id = v."kpiId" WHERE k.code = $1 AND v."fiscalYear" = 2025`, [
          KPI,
        ]);
        version = rows[0]?.version ?? 0;
        await new Promise((r) => setTimeout(r, WRITE_MS));
      }
    }),
  ];
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return counts;
    },
  };
}

async function clerksOn(servers: Server[]) {
  const people = [DEMO.secretariat, DEMO.admin];
  return Promise.all(
    people.map(async (who, i) => {
      const clerk = new Client(servers[i % servers.length].base, `10.30.0.${i + 1}`);
      const signed = await clerk.signIn(who.email, who.password);
      if (signed.status !== 200) throw new Error(`sign-in failed: ${signed.status}`);
      return clerk;
    }),
  );
}

async function phase(name: string, readers: Server[], writers: Server[] | null, renaming = false) {
  // Warm the pages on every server first.
  for (const s of readers) for (const p of PAGES) await fetch(s.base + p);
  let admin: Client | null = null;
  if (renaming) {
    admin = new Client(writers![writers!.length - 1].base, "10.30.0.9");
    if ((await admin.signIn(DEMO.admin.email, DEMO.admin.password)).status !== 200) throw new Error("admin sign-in failed");
  }
  const clerks = writers ? write(await clerksOn(writers), db, admin) : null;
  const results = await Promise.all(readers.map((s) => read(s.base)));
  const counts = await clerks?.stop();
  const errors = results.reduce((n, r) => n + r.errors, 0);
  return { name, ...latencyStats(results.flatMap((r) => r.latencies)), errors, writes: counts };
}

let db: pg.Pool;
const { dir, url: server } = startCluster(PG_PORT);
try {
  execFileSync("psql", [`${server}/postgres`, "-qc", "CREATE DATABASE bench"]);
  const url = `${server}/bench`;
  await migratePostgres(url);
  execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const [a, b] = await Promise.all([startServer(PORT, url), startServer(PORT + 1, url)]);
  db = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const rows = [
      await phase("one server, no writers", [a], null),
      await phase("one server, 2 clerks saving", [a], [a]),
      await phase("two servers, no writers", [a, b], null),
      await phase("two servers, 2 clerks saving through both", [a, b], [a, b]),
      await phase("two servers, 2 clerks saving and an admin renaming a KPI of plan3, through both", [a, b], [a, b], true),
    ];
    const reference = rows[0].p95;
    console.log(
      `\nReaders: ${CONNECTIONS} connections per server, ${REQUESTS} requests per server over ${PAGES.length} public dashboards; writers save every ${WRITE_MS} ms.`,
    );
    console.log("| set-up | requests | p50 ms | p95 ms | p95 ÷ one server alone | reader errors | saves | conflicts (409) | writer errors |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.n} | ${Math.round(r.p50)} | ${Math.round(r.p95)} | ${(r.p95 / reference).toFixed(2)}× | ${r.errors} | ${r.writes?.saved ?? "–"} | ${r.writes?.conflicts ?? "–"} | ${r.writes?.errors ?? "–"} |`,
      );
  } finally {
    await Promise.all([a.stop(), b.stop(), db.end()]);
  }
} finally {
  stopCluster(dir);
}
