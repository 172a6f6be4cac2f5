import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { plan2 } from "../support/documents";
import { parseR4, parseSummary } from "../support/printed";
import { readPptx } from "../support/pptx";

const OUT = path.resolve(__dirname, "../.tmp/slides");
mkdirSync(OUT, { recursive: true });

async function deck(request: APIRequestContext, fy: number, lang: "ja" | "en") {
  const res = await request.get(`/api/plans/plan2/follow-up/slides?fy=${fy}&lang=${lang}`, { timeout: 60_000 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const file = path.join(OUT, `plan2-FY${fy}-${lang}.pdf`);
  writeFileSync(file, await res.body());
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  // pdftotext in reading order keeps each table cell's text together; whitespace (and so
  // line wrapping) is dropped before comparing
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  return { info, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text, flat: text.replace(/\s+/g, "") };
}

const round = (fy: number) => plan2.rounds.find((r) => r.fy === fy)!;
const kpis = plan2.projects.flatMap((p) => p.kpis.map((k) => ({ ...k, project: p.no })));
// For each project, its first count KPI with a figure in both reports.
const samples = plan2.projects.map((p) => {
  const kpi = kpis.find((k) => k.project === p.no && k.measure === "count" && k.target !== null)!;
  return {
    project: p,
    kpi,
    r4: parseR4(round(2022).entries.find((e) => e.kpi === kpi.code)!.printed!),
    r6: parseSummary(round(2024).entries.find((e) => e.kpi === kpi.code)!.printed!),
  };
});
const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n);

for (const lang of ["ja", "en"] as const) {
  test(`the FY2022 deck in ${lang}: 16:9, every project with its figures, no draft mark`, async ({ request }) => {
    const d = await deck(request, 2022, lang);
    expect(d.info).toMatch(/Page size:\s+960 x 540 pts/); // 1280 × 720 CSS px: 16:9
    // title, summary, ratings, and for each project a table slide and a chart slide, at least
    expect(d.pages).toBeGreaterThanOrEqual(15);
    expect(d.pages).toBeLessThanOrEqual(40);
    expect(d.flat).toContain(`1/${d.pages}`);
    expect(d.flat).toContain(`${d.pages}/${d.pages}`);
    for (const s of samples) {
      expect(d.flat).toContain((lang === "ja" ? s.project.nameJa : s.project.nameEn).replace(/\s+/g, ""));
      expect(d.flat).toContain((lang === "ja" ? s.kpi.nameJa : s.kpi.nameEn).replace(/\s+/g, ""));
      expect(d.flat).toContain(`${fmt(s.r4.cumulative!)}${lang === "ja" ? "件" : ""}`);
      expect(d.flat).toContain(s.r4.perYear.join("/"));
    }
    expect(d.flat).not.toContain(lang === "ja" ? "案（未確定）" : "DRAFT");
    if (lang === "ja") {
      expect(d.flat).toContain("第２期医療分野研究開発推進計画令和4年度フォローアップ"); // the footer
      expect(d.flat).toContain("＊先進医療B2件、医療機器1件を含む"); // a footnote
    } else {
      expect(d.flat).toContain("2ndMedicalR&DPromotionPlan·FY2022follow-up");
    }
  });

  test(`the FY2024 deck in ${lang} carries the R6 figures and the meeting`, async ({ request }) => {
    const d = await deck(request, 2024, lang);
    expect(d.info).toMatch(/Page size:\s+960 x 540 pts/);
    for (const s of samples) {
      expect(d.flat).toContain((lang === "ja" ? s.project.nameJa : s.project.nameEn).replace(/\s+/g, ""));
      expect(d.flat).toContain(`${fmt(s.r6.cumulative!)}${lang === "ja" ? "件" : ""}`);
    }
    expect(d.flat).toContain(
      lang === "ja" ? "第43回健康・医療戦略推進専門調査会（2025年5月14日）" : "43rdmeetingoftheExpertCommitteeonHealthcarePolicy(14May2025)",
    );
    expect(d.flat).not.toContain(lang === "ja" ? "案（未確定）" : "DRAFT");
  });
}

test("the Japanese text is real text in an embedded Noto Sans JP", async ({ request }) => {
  const res = await request.get("/api/plans/plan2/follow-up/slides?fy=2022&lang=ja", { timeout: 60_000 });
  const file = path.join(OUT, "fonts.pdf");
  writeFileSync(file, await res.body());
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) {
    expect(line).toMatch(/NotoSansJP/);
    expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
  }
});

test("slides of a round that does not exist, or a bad year, are clear errors", async ({ request }) => {
  const missing = await request.get("/api/plans/plan2/follow-up/slides?fy=2023&lang=en");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("roundNotFound");
  const bad = await request.get("/api/plans/plan2/follow-up/slides?fy=R4&lang=en");
  expect(bad.status()).toBe(400);
  const lang = await request.get("/api/plans/plan2/follow-up/slides?fy=2022&lang=fr");
  expect(lang.status()).toBe(400);
  expect((await lang.json()).error.code).toBe("langInvalid");
  const format = await request.get("/api/plans/plan2/follow-up/slides?fy=2022&lang=en&format=key");
  expect(format.status()).toBe(400);
  expect((await format.json()).error.code).toBe("deckFormatInvalid");
});

for (const lang of ["ja", "en"] as const) {
  test(`the overview links to both formats; the PowerPoint deck (${lang}) has the PDF's slides, in the same order`, async ({ page, request }) => {
    await page.goto(`/${lang}/plans/plan2/2022`);
    const pptxLink = page.getByRole("link", { name: lang === "ja" ? "スライド（PowerPoint）" : "Slides (PowerPoint)" });
    // the round's version in the address: a final deck there is cached for good
    await expect(pptxLink).toHaveAttribute("href", new RegExp(`^/api/plans/plan2/follow-up/slides\\?fy=2022&lang=${lang}&v=\\d+&format=pptx$`));
    await expect(page.getByRole("link", { name: lang === "ja" ? "スライド（PDF）" : "Slides (PDF)" })).toBeVisible();

    const res = await request.get(`/api/plans/plan2/follow-up/slides?fy=2022&lang=${lang}&format=pptx`, { timeout: 60_000 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    expect(res.headers()["content-disposition"]).toContain(`plan2-follow-up-FY2022-${lang}.pptx`);
    const { slides } = await readPptx(await res.body());
    const pdf = await deck(request, 2022, lang);
    expect(slides.length).toBe(pdf.pages);
    const file = path.join(OUT, `plan2-FY2022-${lang}.pdf`);
    slides.forEach((slide, i) => {
      // the slide's own text, after the footer and page number that every slide begins with
      const own = slide.text.slice(slide.text.indexOf(`${i + 1} / ${slides.length}`) + `${i + 1} / ${slides.length}`.length);
      const page = execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(page, `slide ${i + 1}`).toContain(own.replace(/\s+/g, "").slice(0, 16));
    });
  });
}

test("a print page of no visible round is not found, said in the reader's language, in a document of that language", async ({ page }) => {
  for (const [path, lang, heading, home] of [
    ["/ja/print/plans/plan3/2025", "ja", "ページが見つかりません", "トップページへ"],
    ["/ja/print/plans/plan2/1999", "ja", "ページが見つかりません", "トップページへ"],
    ["/en/print/plans/plan2/2023", "en", "Page not found", "Go to the home page"],
  ]) {
    expect((await page.goto(path))!.status(), path).toBe(404);
    await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.getByRole("link", { name: home }), path).toHaveAttribute("href", `/${lang}`);
  }
});

test("on a phone the print page reads without scrolling sideways; printed, its slides keep their page size", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/ja/print/plans/plan2/2022");
  await expect(page.locator("#print-end")).toBeAttached();
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const title = page.locator(".slide__title").first();
  expect(await title.evaluate((el) => getComputedStyle(el).fontSize)).toBe("20px");
  // printed, it is the deck's own layout: the narrow screen's rules do not apply
  await page.emulateMedia({ media: "print" });
  expect(await title.evaluate((el) => getComputedStyle(el).fontSize)).toBe("26px");
  await context.close();
});

test("the print page is the same deck in a browser, chrome-less", async ({ page }) => {
  await page.goto("/en/print/plans/plan2/2022");
  await expect(page.locator("#print-end")).toBeAttached();
  await expect(page.getByRole("banner")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Follow-up of the Medical R&D Promotion Plan for FY2022 (summary)");
});
