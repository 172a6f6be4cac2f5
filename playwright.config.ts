import { defineConfig, devices, type Project } from "@playwright/test";
import { readdirSync } from "node:fs";
import { chromiumLaunchOptions } from "./src/lib/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATABASE_URL = "file:./tests/.tmp/e2e.db";

const browser: Project["use"] = { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };

/**
 * The spec files in another order than the alphabet's, to show that none depends on another:
 * E2E_ORDER=reverse, or a number that seeds a shuffle. Each file becomes a project that depends
 * on the one before it, which is how Playwright runs files in a given order.
 */
function ordered(order: string): Project[] {
  const files = readdirSync("tests/e2e")
    .filter((f) => f.endsWith(".spec.ts"))
    .sort();
  if (order === "reverse") files.reverse();
  else {
    let seed = Number(order) || 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = files.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [files[i], files[j]] = [files[j], files[i]];
    }
  }
  return files.map((file, i) => ({ name: file, testMatch: file, use: browser, dependencies: i ? [files[i - 1]] : [] }));
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: process.env.E2E_ORDER ? ordered(process.env.E2E_ORDER) : [{ name: "chromium", use: browser }],
  webServer: {
    // A fresh database from the real migrations and seed, served by the production build.
    command: "rm -f tests/.tmp/e2e.db* && mkdir -p tests/.tmp && prisma migrate deploy && tsx prisma/seed.ts && node scripts/serve.mjs",
    // Plain http on loopback: the session cookie cannot be Secure here.
    env: {
      DATABASE_URL,
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: "1",
      COOKIE_SECURE: "false",
      TRUST_PROXY: "127.0.0.1",
      SESSION_SECRET: "e2e-secret-that-is-at-least-32-characters-long",
    },
    url: `http://127.0.0.1:${PORT}/api/plans`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
