// Starts the production build (npm run build first) on a fresh database, for the benches.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

export function prepareDatabase(name) {
  const env = { ...process.env, DATABASE_URL: `file:./bench/out/${name}.db`, NEXT_TELEMETRY_DISABLED: "1" };
  mkdirSync("bench/out", { recursive: true });
  rmSync(`bench/out/${name}.db`, { force: true });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env, stdio: "ignore" });
  execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: "ignore" });
  return env;
}

/** The production server (scripts/serve.mjs, as `npm run start`) on a port; returns the base URL and a stop function. */
export async function startServer(env, port) {
  const server = spawn("node", ["scripts/serve.mjs"], { env: { ...env, PORT: String(port) }, stdio: "ignore", detached: true });
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
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/robots.txt`)).ok) return { base, stop };
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
