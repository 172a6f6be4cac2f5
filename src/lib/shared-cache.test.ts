import { afterEach, describe, expect, it, vi } from "vitest";
import { markPlanChanged, planGeneration, planOfPage } from "./shared-cache.mjs";

describe("planOfPage", () => {
  it("names the plan of a public page, a print page and their segments", () => {
    expect(planOfPage("/ja/plans/plan2")).toBe("plan2");
    expect(planOfPage("/ja/plans/plan2/2024")).toBe("plan2");
    expect(planOfPage("/en/plans/plan3/2025/kpis/plan3-out-1")).toBe("plan3");
    expect(planOfPage("/en/plans/plan2-e2e/2024/compare")).toBe("plan2-e2e");
    expect(planOfPage("/ja/print/plans/plan2/2022")).toBe("plan2");
    expect(planOfPage("/ja/plans/%E8%A8%88%E7%94%BB/2024")).toBe("計画");
    // Next 16's keys: the address after a route cache prefix
    expect(planOfPage("/route-cache/APP_PAGE/766c4f25d85f3120bf64e66d16c7e90a0581cf04d9d09c29518fe1d901fbb7ba/$/ja/plans/plan3/2025")).toBe("plan3");
  });

  it("names none for the pages of no plan", () => {
    for (const key of [
      "/ja",
      "/en/signin",
      "/ja/workspace/plan2/2024",
      "/ja/admin/plans/plan2/structure",
      "/_not-found",
      "/ja/plansx/plan2",
      "/route-cache/APP_PAGE/766c/$/ja/signin",
      "/route-cache/APP_PAGE/766c/$/ja/workspace/plans/x",
    ])
      expect(planOfPage(key), key).toBeNull();
  });
});

describe("a plan's generation on one server (SQLite)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("moves on for the plan changed only", async () => {
    vi.stubEnv("DATABASE_URL", "file:./unused.db");
    const [a, b] = [await planGeneration("gen-a"), await planGeneration("gen-b")];
    await markPlanChanged("gen-a");
    expect(await planGeneration("gen-a")).toBeGreaterThan(a);
    expect(await planGeneration("gen-b")).toBe(b);
  });
});
