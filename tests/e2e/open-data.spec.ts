import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { SPEC_PLANS } from "../support/e2e";

test("GET /api/plans lists both plans (besides those other specs create)", async ({ request }) => {
  const res = await request.get("/api/plans");
  expect(res.status()).toBe(200);
  const plans: { code: string }[] = (await res.json()).plans;
  expect(plans.filter((p) => !(SPEC_PLANS as readonly string[]).includes(p.code))).toEqual([
    { code: "plan2", name_ja: "第２期医療分野研究開発推進計画", name_en: "2nd Medical R&D Promotion Plan", first_fy: 2020, last_fy: 2024 },
    { code: "plan3", name_ja: "第３期医療分野研究開発推進計画", name_en: "3rd Medical R&D Promotion Plan", first_fy: 2025, last_fy: 2029 },
  ]);
});

test("the FY2022 follow-up as JSON", async ({ request }) => {
  const res = await request.get("/api/plans/plan2/follow-up?fy=2022");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.round).toMatchObject({ fiscal_year: 2022, label_ja: "令和4年度", label_en: "FY2022", status: "final" });
  expect(body.rows).toHaveLength(52);
  expect(body.rows[0]).toMatchObject({
    project: 1,
    kpi: "pharma-out-1",
    parent: null,
    kind: "output",
    management: false,
    unit: "件",
    target: 25,
    values: { "2020": 45, "2021": 36, "2022": 47 },
    cumulative: 128,
    cumulative_basis: "sum",
    expected: 15,
    rating_auto: "A",
    rating: "A",
    rating_basis: "decided",
  });
  // the official table rates only the parent row
  const sub = body.rows.find((r: { kpi: string }) => r.kpi === "regen-out-1-s1");
  expect(sub).toMatchObject({ parent: "regen-out-1", name_ja: "うち遺伝子治療", target: 5, cumulative: 40 });
  expect(sub).toMatchObject({ rating_auto: null, rating: null, rating_basis: null });
});

test("the follow-up as CSV is UTF-8 with a BOM, for Excel", async ({ request }) => {
  const res = await request.get("/api/plans/plan2/follow-up?fy=2024&format=csv");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toContain("plan2-follow-up-FY2024.csv");
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  expect(text.endsWith("\r\n")).toBe(true);
  const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields!.slice(0, 5)).toEqual(["project", "kpi", "parent", "name_ja", "name_en"]);
  expect(csv.data).toHaveLength(52);
  const seeds = csv.data.find((r) => r.kpi === "seeds-out-1")!;
  expect(seeds).toMatchObject({
    project: "6",
    name_ja: "研究成果の科学誌（インパクトファクター５以上）への論文掲載件数",
    value_2020: "180",
    value_2023: "",
    cumulative: "1860",
    cumulative_basis: "reported",
    known_only_as_sum: "FY2023-FY2024: 694",
    achieved: "true",
  });
  // the R6 summary prints no A/B: every rating of FY2024 is automatic, and none is decided
  const rated = csv.data.filter((r) => r.rating_auto !== "");
  expect(rated.length).toBeGreaterThan(30);
  for (const r of rated) expect(r, r.kpi).toMatchObject({ rating: "", rating_basis: "automatic" });
  expect(csv.data.filter((r) => r.rating_auto === "").map((r) => r.rating_basis)).toEqual(csv.data.filter((r) => r.rating_auto === "").map(() => ""));
});

test("bad requests get clear, translated errors", async ({ request }) => {
  const cases: [string, number, string, RegExp][] = [
    ["/api/plans/plan2/follow-up", 400, "fyMissing", /年度（fy）を指定してください/],
    ["/api/plans/plan2/follow-up?fy=22", 400, "fyMalformed", /西暦4桁/],
    ["/api/plans/plan2/follow-up?fy=2030", 400, "fyOutsidePlan", /2020～2024年度/],
    ["/api/plans/plan2/follow-up?fy=2022&format=xml", 400, "formatInvalid", /json、csv または xlsx/],
    ["/api/plans/plan2/follow-up?fy=2023", 404, "roundNotFound", /令和5年度の公表済みフォローアップはありません/],
    ["/api/plans/plan9/follow-up?fy=2022", 404, "planNotFound", /計画「plan9」は見つかりません/],
  ];
  for (const [url, status, code, message] of cases) {
    const res = await request.get(url, { headers: { "Accept-Language": "ja" } });
    expect(res.status(), url).toBe(status);
    const { error } = await res.json();
    expect(error.code, url).toBe(code);
    expect(error.message, url).toMatch(message);
  }
  const en = await request.get("/api/plans/plan2/follow-up?fy=2030", { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
  expect((await en.json()).error.message).toBe("FY2030 is outside this plan (FY2020 to FY2024).");
  const lang = await request.get("/api/plans/plan2/follow-up?fy=2023&lang=en");
  expect((await lang.json()).error.message).toBe("There is no published follow-up for FY2023.");
});

test("a fiscal year typed in full-width digits is understood", async ({ request }) => {
  const res = await request.get(`/api/plans/plan2/follow-up?fy=${encodeURIComponent("２０２２")}`);
  expect(res.status()).toBe(200);
  expect((await res.json()).round.fiscal_year).toBe(2022);
});
