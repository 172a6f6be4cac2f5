/**
 * The PowerPoint deck against the reports: on the slides of each project, every KPI's row
 * carries the figures the documents print (cumulative, single years, sub-targets, target,
 * rating), as the PDF does; the draft mark is on every slide of a draft and on none of a
 * final deck; what does not fit goes into the speaker notes; LibreOffice opens the file.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { circledNumber } from "@/domain/format";
import { ratingText } from "@/features/slides/model";
import { appDb } from "../support/app-db";
import { ROOT } from "../support/db";
import { plan2 } from "../support/documents";
import { parseR4, parseSummary } from "../support/printed";
import { readPptx, type SlideText } from "../support/pptx";
import ja from "../../messages/ja.json";
import en from "../../messages/en.json";

appDb("pptx");
const OUT = path.join(ROOT, "tests/.tmp/pptx-decks");
mkdirSync(OUT, { recursive: true });

type Files = typeof import("@/features/slides/files");
let files: Files;
beforeAll(async () => {
  files = await import("@/features/slides/files");
});

const decks = new Map<string, Promise<{ buffer: Buffer; slides: SlideText[] }>>();
/** A deck, made once per file and kept in tests/.tmp/pptx-decks for a person to open. */
function deck(code: string, fy: number, lang: "ja" | "en", draft = false) {
  const key = `${code}-FY${fy}-${lang}`;
  if (!decks.has(key)) {
    decks.set(
      key,
      files.pptxDeck(code, fy, lang, draft).then(async (buffer) => {
        writeFileSync(path.join(OUT, `${key}.pptx`), buffer);
        return { buffer, slides: (await readPptx(buffer)).slides };
      }),
    );
  }
  return decks.get(key)!;
}

const messages = { ja, en };
const fmt = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(n);
const flat = (s: string) => s.replace(/\s+/g, "");
const round = (fy: number) => plan2.rounds.find((r) => r.fy === fy)!;

/** The rows of the tables on a project's table slides (their title row names the project). */
function projectRows(slides: SlideText[], no: number, lang: "ja" | "en") {
  const t = createTranslator({ locale: lang, messages: messages[lang] });
  const p = plan2.projects.find((x) => x.no === no)!;
  const title = flat(`${circledNumber(no)} ${t("Slides.tableTitle", { project: lang === "ja" ? p.nameJa : p.nameEn })}`);
  const mine = slides.filter((s) => s.tables.some((tbl) => flat(tbl[0]?.[0] ?? "").startsWith(title)));
  return { slides: mine, rows: mine.flatMap((s) => s.tables.flatMap((tbl) => tbl.slice(2))) };
}

describe.each(["ja", "en"] as const)("the PowerPoint decks in %s", (lang) => {
  const name = (o: { nameJa: string; nameEn: string }) => (lang === "ja" ? o.nameJa : o.nameEn);

  it.each([2022, 2024])("FY%i: every project's slides carry every KPI's printed figures, in native tables", async (fy) => {
    const { slides } = await deck("plan2", fy, lang);
    const draftLong = messages[lang].Slides.draftLong;
    slides.forEach((s, i) => {
      expect(s.text).toContain(`${i + 1} / ${slides.length}`);
      expect(s.text).not.toContain(draftLong);
    });
    const t = createTranslator({ locale: lang, messages: messages[lang] });
    const found = await (await import("@/features/follow-up/data")).lookupVisibleRound("plan2", fy, null);
    if (found.kind !== "ok") throw new Error(found.kind);
    const ratings = new Map(found.rows.map((r) => [r.code, { rating: r.status.rating, basis: r.status.ratingBasis }]));
    let checked = 0;
    for (const p of plan2.projects) {
      const { slides: mine, rows } = projectRows(slides, p.no, lang);
      expect(mine.length, `${name(p)}: table slides`).toBeGreaterThan(0);
      // A KPI's row: by its name and its target (an output and an outcome may share a name); a
      // sub-target's (うち遺伝子治療 recurs), the first of its name after its parent's.
      const targetText = (target: number | null) => (target === null ? "—" : fmt(target));
      const rowIndex = (kpi: { nameJa: string; nameEn: string; target: number | null }, after = -1) => {
        const i = rows.findIndex((r, j) => j > after && flat(r[0]) === flat(name(kpi)) && (after >= 0 || flat(r[1]).includes(targetText(kpi.target))));
        expect(i, `${name(kpi)} on the slides of ${name(p)}`).toBeGreaterThanOrEqual(0);
        return i;
      };
      for (const kpi of p.kpis) {
        const entry = round(fy).entries.find((e) => e.kpi === kpi.code);
        const at = rowIndex(kpi);
        const [, , latest, progress] = rows[at];
        const sub = (i: number) => flat(rows[rowIndex(kpi.subs[i], at)][2]);
        // the rating the app gives (decided or automatic, as the PDF shows it), and each sub-target's target
        expect(progress).toBe(ratingText(ratings.get(kpi.code)!, t));
        kpi.subs.forEach((s) => expect(flat(rows[rowIndex(s, at)][1])).toContain(targetText(s.target)));
        if (!entry?.printed) continue;
        if (fy === 2022) {
          const printed = parseR4(entry.printed);
          if (printed.cumulative !== null) expect(flat(latest)).toContain(fmt(printed.cumulative));
          const years = /（([^）]*)）/.exec(entry.printed.replace(/［[^］]*］/g, ""))?.[1];
          if (years) expect(flat(latest)).toContain(flat(years));
          if (printed.rating) expect(progress.startsWith(printed.rating)).toBe(true);
          printed.subs.forEach((figure, i) => expect(sub(i)).toContain(fmt(figure.cumulative)));
        } else {
          const printed = parseSummary(entry.printed);
          if (printed.cumulative !== null) expect(flat(latest)).toContain(fmt(printed.cumulative));
          printed.subs.forEach((figure, i) => expect(sub(i)).toContain(fmt(figure.cumulative)));
        }
        checked++;
      }
      // the achievement charts are native charts whose data hold the KPIs with targets
      const charts = slides.filter((s) => flat(s.text).includes(flat(`${circledNumber(p.no)} ${name(p)}`))).flatMap((s) => s.charts);
      expect(charts.length, `${name(p)}: chart slides`).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart).toContain("<c:barChart>");
        expect(chart).toContain('<c:logBase val="10"/>');
      }
      for (const k of p.kpis.filter((x) => x.target !== null && !x.management)) {
        expect(charts.join(""), `${name(k)} in a chart`).toContain(`<c:v>${name(k).replace(/&/g, "&amp;")}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("names Noto Sans JP, with the theme's 游ゴシック (Yu Gothic) for Japanese, and marks its text in the deck's language", async () => {
    const zip = await JSZip.loadAsync((await deck("plan2", 2022, lang)).buffer);
    const theme = await zip.file("ppt/theme/theme1.xml")!.async("string");
    expect(theme).toContain('<a:minorFont><a:latin typeface="Noto Sans JP"/>');
    expect(theme).toMatch(/<a:minorFont>.*<a:font script="Jpan" typeface="游ゴシック"\/>/);
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/(slides\/slide|charts\/chart)\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const typefaces = new Set(parts.flatMap((x) => [...x.matchAll(/typeface="([^"]*)"/g)].map((m) => m[1])));
    expect([...typefaces]).toEqual(["Noto Sans JP"]);
    const langs = new Set(parts.flatMap((x) => [...x.matchAll(/<a:rPr lang="([^"]*)"/g)].map((m) => m[1])));
    expect([...langs]).toEqual([lang === "ja" ? "ja-JP" : "en-US"]);
  });

  it("the committee's evaluation of the round is on the title slide (FY2021, document 000); FY2024 has none", async () => {
    const [title] = (await deck("plan2", 2021, lang)).slides;
    expect(title.text).toContain(messages[lang].Slides.assessment);
    expect(title.text).toContain(lang === "ja" ? "全体として、順調に進捗している" : "the plan is on track as a whole");
    const [title2024] = (await deck("plan2", 2024, lang)).slides;
    expect(title2024.text).not.toContain(messages[lang].Slides.assessment);
  });

  it("a draft says 案 / DRAFT on every slide", async () => {
    const { slides } = await deck("plan3", 2025, lang, true);
    expect(slides.length).toBeGreaterThan(3);
    for (const s of slides) expect(s.text).toContain(messages[lang].Slides.draftLong);
  });
});

it("a narrative too long for a slide is cut with a mark, and given whole in the speaker notes", async () => {
  const found = await (await import("@/features/follow-up/data")).lookupVisibleRound("plan2", 2022, null);
  if (found.kind !== "ok") throw new Error(found.kind);
  const long = `長い進捗の詳細。${"研究開発を推進し、成果を上げた。".repeat(200)}終わり。`;
  const row = found.rows.find((r) => r.projectNo === 1 && !r.parentCode)!;
  row.entry = { ...row.entry!, detailJa: long };
  const t = createTranslator({ locale: "ja", messages: ja });
  const { deckModel } = await import("@/features/slides/model");
  const buffer = await files.deckPptx(deckModel(found.plan, found.round, found.rows, "ja", t), "test", t);
  const { slides } = await readPptx(buffer);
  const slide = slides.find((s) => s.text.includes("長い進捗の詳細"))!;
  expect(slide.text).toContain(ja.Slides.pptxMore);
  expect(slide.text).not.toContain("終わり。");
  expect(slide.notes).toContain(ja.Slides.pptxNotesCut);
  expect(slide.notes).toContain(long);
});

it("LibreOffice opens the deck: one 16:9 page per slide, with the slides' text", { timeout: 180_000 }, async () => {
  for (const lang of ["ja", "en"] as const) {
    const { buffer, slides } = await deck("plan2", 2022, lang);
    const dir = path.join(OUT, `lo-${lang}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `plan2-FY2022-${lang}.pptx`);
    writeFileSync(file, buffer);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], {
      stdio: "pipe",
      timeout: 150_000,
    });
    const pdf = file.replace(/\.pptx$/, ".pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(slides.length);
    expect(info).toMatch(/Page size:\s+960(\.\d+)? x 540 pts/); // 13.33 × 7.5 in: 16:9
    const text = flat(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
    expect(text).toContain(
      flat(lang === "ja" ? "第２期医療分野研究開発推進計画　令和4年度フォローアップ" : "2nd Medical R&D Promotion Plan · FY2022 follow-up"),
    );
    for (const p of plan2.projects) expect(text).toContain(flat(lang === "ja" ? p.nameJa : p.nameEn));
    expect(text).toContain(`${slides.length}/${slides.length}`);
  }
});
