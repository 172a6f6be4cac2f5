import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const __dirname = path.dirname(fileURLToPath(import.meta.url));
// TEST_DATABASE=postgres: the integration tests again, on a throwaway PostgreSQL cluster
// (tests/support/global-setup.ts); the unit tests need no database and run once.
// TEST_CLUSTER=1 (npm run test:cluster): two production servers on PostgreSQL (tests/cluster/).
const cluster = process.env.TEST_CLUSTER === "1";
const postgres = process.env.TEST_DATABASE === "postgres" || cluster;
const pgServer = `postgresql://postgres@127.0.0.1:${process.env.PG_TEST_PORT ?? 55433}`;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "src"),
      // "server-only" throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: cluster ? ["tests/cluster/**/*.test.ts"] : postgres ? ["tests/integration/**/*.test.ts"] : ["src/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    env: {
      // Japan's time zone, so that a date bug shows (the app's users are in Tokyo).
      TZ: "Asia/Tokyo",
      DATABASE_URL: postgres ? `${pgServer}/vitest` : `file:${path.resolve(__dirname, "tests/.tmp/vitest.db")}`,
      SESSION_SECRET: "vitest-secret-that-is-at-least-32-characters-long",
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
