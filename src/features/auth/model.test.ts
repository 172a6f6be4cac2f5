import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/features/auth/model";

describe("RateLimiter", () => {
  it("lets the limit through, then asks to wait until the window ends", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.hit("a"), limiter.hit("a"), limiter.hit("a")]).toEqual([0, 0, 0]);
    expect(limiter.hit("a")).toBe(60);
    expect(limiter.hit("b")).toBe(0);
    now = 30_000;
    expect(limiter.hit("a")).toBe(30);
    now = 60_000;
    expect(limiter.hit("a")).toBe(0);
  });

  it("forgets a key on reset", () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    limiter.hit("a");
    expect(limiter.hit("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.hit("a")).toBe(0);
  });
});

describe("a flood of new keys", () => {
  it("keeps the limiter's memory bounded", () => {
    const limiter = new RateLimiter(5, 60_000, () => 0);
    for (let i = 0; i < 25_000; i++) limiter.hit(`someone-${i}@example.jp`);
    expect((limiter as unknown as { hits: Map<string, unknown> }).hits.size).toBeLessThanOrEqual(10_001);
  });
});
