import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "src"),
      // "server-only" throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    env: {
      // Japan's time zone, so that a date bug shows (the app's users are in Tokyo).
      TZ: "Asia/Tokyo",
      DATABASE_URL: `file:${path.resolve(__dirname, "tests/.tmp/vitest.db")}`,
      SESSION_SECRET: "vitest-secret-that-is-at-least-32-characters-long",
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
