import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./src/lib/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATABASE_URL = "file:./tests/.tmp/e2e.db";

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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } }],
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
