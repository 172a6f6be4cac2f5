import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serverSecret, signPrintToken, verifyPrintToken } from "@/features/auth/server";

describe("print tokens", () => {
  it("open exactly one plan and year, for a short time", () => {
    const t = signPrintToken("plan2", 2023, 60_000, 1_000);
    expect(verifyPrintToken(t, "plan2", 2023, 2_000)).toBe(true);
    expect(verifyPrintToken(t, "plan2", 2022, 2_000)).toBe(false);
    expect(verifyPrintToken(t, "plan3", 2023, 2_000)).toBe(false);
    expect(verifyPrintToken(t, "plan2", 2023, 61_001)).toBe(false);
  });

  it("refuse a forged or damaged token", () => {
    const t = signPrintToken("plan2", 2023, 60_000, 1_000);
    const [p, y, , mac] = t.split(".");
    expect(verifyPrintToken(`${p}.${y}.999999999999999.${mac}`, "plan2", 2023, 2_000)).toBe(false);
    expect(verifyPrintToken(t.slice(0, -2), "plan2", 2023, 2_000)).toBe(false);
    expect(verifyPrintToken(undefined, "plan2", 2023)).toBe(false);
    expect(verifyPrintToken("x", "plan2", 2023)).toBe(false);
  });
});

describe("the server's secret", () => {
  afterEach(() => vi.unstubAllEnvs());
  const SECRET = "a-secret-of-at-least-32-characters-for-every-server";

  it("is SESSION_SECRET, on either database, and refuses one shorter than 32 characters", () => {
    vi.stubEnv("SESSION_SECRET", SECRET);
    vi.stubEnv("DATABASE_URL", "postgresql://app@db.internal:5432/kpi");
    expect(serverSecret()).toBe(SECRET);
    vi.stubEnv("DATABASE_URL", "file:./prisma/data/app.db");
    expect(serverSecret()).toBe(SECRET);
    vi.stubEnv("SESSION_SECRET", "too-short");
    expect(() => serverSecret()).toThrow("SESSION_SECRET must be at least 32 characters");
  });

  it("is required on PostgreSQL, where several servers must share it: no secret file is made", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secret-"));
    try {
      vi.stubEnv("SESSION_SECRET", undefined);
      vi.stubEnv("SESSION_SECRET_FILE", path.join(dir, "session-secret"));
      for (const url of ["postgres://app@db.internal/kpi", "postgresql://app:pw@10.0.0.5:5432/kpi?sslmode=require"]) {
        vi.stubEnv("DATABASE_URL", url);
        expect(() => serverSecret()).toThrow(
          /^SESSION_SECRET is required when DATABASE_URL is a PostgreSQL database: .*at least 32 characters, the same on every app server$/,
        );
      }
      expect(() => readFileSync(path.join(dir, "session-secret"))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("on SQLite, falls back to a random one kept in a file, the same after a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secret-"));
    try {
      const file = path.join(dir, "session-secret");
      vi.stubEnv("SESSION_SECRET", undefined);
      vi.stubEnv("SESSION_SECRET_FILE", file);
      vi.stubEnv("DATABASE_URL", "file:./prisma/data/app.db");
      const secret = serverSecret();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(file, "utf8")).toBe(secret);
      // a restart: the module loaded anew reads the same file
      vi.resetModules();
      const restarted = await import("@/features/auth/server");
      expect(restarted.serverSecret()).toBe(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
