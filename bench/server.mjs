// Starts the production build (npm run build first) on a fresh database, for the benches (and the
// two-server test).
import autocannon from "autocannon";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function prepareDatabase(name) {
  const env = { ...process.env, DATABASE_URL: `file:./bench/out/${name}.db`, NEXT_TELEMETRY_DISABLED: "1" };
  mkdirSync("bench/out", { recursive: true });
  rmSync(`bench/out/${name}.db`, { force: true });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "ignore" });
  execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "ignore" });
  return env;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The production server (scripts/serve.mjs, as `npm run start`) with `env` on a port (the
 * benches, and the two-server test through tests/support/servers.ts). Resolves with its base
 * URL, its process id and a stop function once it answers /api/plans (its database reached); fails with the
 * end of what it printed if it exits or does not answer within a minute.
 */
export async function startServer(env, port) {
  const server = spawn("node", ["scripts/serve.mjs"], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (data) => (output = (output + data).slice(-2000));
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  const exited = new Promise((r) => server.on("exit", r));
  const stop = async () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  };
  process.on("exit", () => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (server.exitCode !== null) throw new Error(`the server on ${port} exited: ${output}`);
    try {
      if ((await fetch(`${base}/api/plans`)).ok) return { base, stop, pid: server.pid };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server on ${port} did not start: ${output}`);
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The p50 and p95 of some latencies (in any order), and how many there are. */
export function latencyStats(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

/**
 * Requests under load with autocannon (its options as given): every answer's latency, how
 * many answers were not 200, and how many requests got no answer (errors and timeouts).
 */
export function loadTest(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let non200 = 0;
    const instance = autocannon(options, (err, result) => {
      if (err) return reject(err);
      resolve({ latencies, non200, failed: result.errors + result.timeouts });
    });
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status !== 200) non200++;
      latencies.push(ms);
    });
  });
}
