// Dashboard speed against a static file, in one run on the production build.
//   npm run build && node bench/dashboards.mjs
// Starts `next start` on a fresh database (migrated and seeded), warms the cached pages,
// then, at a few concurrency levels, loads each dashboard page and a static file with
// autocannon (bounded by request count) and prints p50/p95 latency and the ratios to the
// static file. Two static files: a tiny one (robots.txt), and the overview's own HTML
// saved as a file, which separates the cost of the page's size from that of serving it
// through Next. It also prints each page's first-load JavaScript, gzipped, as served.
import { rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { latencyStats, loadTest, prepareDatabase, startServer } from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,10,50").split(",").map(Number);
const SAME_SIZE = "/bench-overview-copy.html";
const TARGETS = {
  static: "/robots.txt",
  "static-same-size": SAME_SIZE,
  overview: "/ja/plans/plan2/2024",
  project: "/ja/plans/plan2/2024/projects/3",
  kpi: "/ja/plans/plan2/2024/kpis/pharma-out-1",
  compare: "/en/plans/plan2/2024/compare",
};

const env = prepareDatabase("bench");
let BASE;
let stop;
process.on("exit", () => rmSync(`public${SAME_SIZE}`, { force: true }));

async function load(path, connections) {
  const { latencies, non200 } = await loadTest({ url: BASE + path, connections, amount: REQUESTS, timeout: 10 });
  return { ...latencyStats(latencies), errors: non200 };
}

async function firstLoadJs(path) {
  const html = await (await fetch(BASE + path)).text();
  // Modern browsers skip the noModule polyfills, so they are not counted.
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]))
    .map((m) => /src="([^"]+)"/.exec(m[1])?.[1])
    .filter(Boolean);
  let raw = 0;
  let gz = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: new Set(scripts).size, raw, gz };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;

// Save the overview's HTML as a static file; Next serves the files public/ had when it started.
({ base: BASE, stop } = await startServer(env, PORT));
writeFileSync(`public${SAME_SIZE}`, await (await fetch(BASE + TARGETS.overview)).text());
await stop();
({ base: BASE, stop } = await startServer(env, PORT));
for (const path of Object.values(TARGETS)) for (let i = 0; i < 3; i++) await fetch(BASE + path); // fill the page cache

console.log(`Dashboard latency vs a static file (${REQUESTS} requests per target and level, production build)`);
for (const c of LEVELS) {
  const results = {};
  for (const [name, path] of Object.entries(TARGETS)) results[name] = await load(path, c);
  console.log(`\nconcurrency ${c}`);
  console.log("target            p50        p95        p95/static  p95/static-same-size  non-200");
  for (const [name, r] of Object.entries(results)) {
    const ratio = (base) => (r.p95 / results[base].p95).toFixed(2);
    console.log(
      `${name.padEnd(17)} ${ms(r.p50).padEnd(10)} ${ms(r.p95).padEnd(10)} ${ratio("static").padEnd(11)} ${ratio("static-same-size").padEnd(21)} ${r.errors}`,
    );
  }
}

console.log("\nFirst-load JavaScript per page (every <script src> of the page but the noModule polyfills, gzip -9)");
for (const [name, path] of Object.entries(TARGETS)) {
  if (name.startsWith("static")) continue;
  const js = await firstLoadJs(path);
  console.log(`${name.padEnd(9)} ${String(js.scripts).padStart(2)} scripts  ${kb(js.raw).padStart(9)} raw  ${kb(js.gz).padStart(9)} gzipped  ${path}`);
}
await stop();
process.exit(0);
