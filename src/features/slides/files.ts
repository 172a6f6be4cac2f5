/**
 * The deck's files.
 *
 * PDF: from a page of the app, through Debian's Chromium (playwright-core). One browser
 * and one context are kept warm between requests (so fonts and scripts stay in its
 * cache), one page per request, and every request has a time limit, so that a PDF
 * request never hangs. A browser that dies is started again.
 *
 * PowerPoint: the same deck model (`deckModel`) drawn with pptxgenjs, as native tables,
 * charts and text boxes that the secretariat can edit.
 */
import "server-only";
import { createTranslator } from "next-intl";
import PptxGenJS from "pptxgenjs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { plainText, type Translate } from "@/features/dashboard/model";
import { parenthesized } from "@/domain/format";
import { signPrintToken } from "@/features/auth/server";
import { lookupVisibleRound } from "@/features/follow-up/data";
import {
  CAPACITY,
  deckModel,
  lineCount,
  ratingText,
  textEm,
  SLIDE_TITLE,
  SLIDE_WIDTH,
  TABLE_STYLE,
  type ChartBar as DeckChartBar,
  type DeckModel,
  type DeckRow,
  type DeckSlide,
  type DeckTable,
} from "@/features/slides/model";
import { chromiumLaunchOptions } from "@/lib/chromium";
import { loadMessages } from "@/i18n/messages";

export class PdfUnavailableError extends Error {}
export class PdfTimeoutError extends Error {}

let browser: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

function launch() {
  const launching = chromium.launch({ ...chromiumLaunchOptions(), timeout: 20_000 }).then(async (b) => {
    b.on("disconnected", () => {
      if (browser === launching) browser = null;
    });
    // The print pages are server-rendered: they need no script, and without it Chromium
    // skips hydrating a large document (about 0.4 s a deck).
    return { browser: b, context: await b.newContext({ javaScriptEnabled: false }) };
  });
  launching.catch(() => {
    if (browser === launching) browser = null;
  });
  return launching;
}

async function warmBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  browser ??= launch();
  try {
    return await browser;
  } catch (error) {
    throw new PdfUnavailableError(`Chromium could not be started: ${(error as Error).message}`);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeoutError(`PDF not ready after ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * Prints a URL to PDF once the whole document has arrived (its #print-end marker) and
 * every font is loaded. The page size comes from the page's own @page rule.
 */
export async function printToPdf(url: string, timeoutMs = Number(process.env.PDF_TIMEOUT_MS ?? 30_000)): Promise<Buffer> {
  const { context } = await warmBrowser();
  const page = await context.newPage();
  const work = (async () => {
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    if (!response || !response.ok()) throw new Error(`The print page answered ${response?.status() ?? "nothing"}`);
    await page.waitForSelector("#print-end", { state: "attached", timeout: timeoutMs });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  })();
  try {
    return await withTimeout(work, timeoutMs);
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw new PdfTimeoutError((error as Error).message);
    throw error;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Where the server reaches its own print pages (never taken from the request's Host header). */
function internalBaseUrl(): string {
  return process.env.INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/**
 * The PDF of a round's deck, printed from its print page. The server's Chromium has no
 * session: for a draft, a short-lived token opens this one round for it.
 */
export function printDeck(code: string, fy: number, lang: string, draft: boolean): Promise<Buffer> {
  const url = new URL(`${internalBaseUrl()}/${lang}/print/plans/${encodeURIComponent(code)}/${fy}`);
  if (draft) url.searchParams.set("token", signPrintToken(code, fy));
  return printToPdf(url.toString());
}

/* ---------------------------------------------------------------------------------------
 * PowerPoint. Positions are worked out in the print page's CSS px (a 1280 × 720 slide, 96
 * px to the inch) and converted, so that both formats lay out alike; font sizes in px × 0.75
 * are points.
 * ------------------------------------------------------------------------------------- */

/** The deck's latin typeface. Japanese text takes the theme's Japanese font, 游ゴシック (Yu Gothic), which Office for Windows and Mac has. */
export const PPTX_FONT = "Noto Sans JP";
const inch = (px: number) => px / 96;
const pt = (px: number) => Math.round(px * 0.75 * 10) / 10;
const MARGIN = { top: 36, side: 48, bottom: 48 };
const COLOR = {
  text: "1A1A1C",
  muted: "4D4D4D",
  rule: "949494",
  heading: "E8F1FE",
  group: "F2F2F2",
  draft: "CE0000",
  target: "0031D8",
  expected: "9DB7F9",
  A: { fill: "E6F5EC", text: "0C5B2B" },
  B: { fill: "FFEEE2", text: "8B3E00" },
  none: { fill: "F2F2F2", text: "4D4D4D" },
} as const;

/** Charts name the deck's font for their Latin text too (pptxgenjs would name Arial); their Japanese takes the theme's. */
const CHART_FONTS = { catAxisLabelFontFace: PPTX_FONT, valAxisLabelFontFace: PPTX_FONT, dataLabelFontFace: PPTX_FONT, legendFontFace: PPTX_FONT };

type Slide = ReturnType<PptxGenJS["addSlide"]>;
type Cell = PptxGenJS.TableCell;

/**
 * A text cut to the lines a box holds, with a mark that says where the rest is: what does not
 * fit on a slide goes into the speaker notes, never cut off silently.
 */
function fitLines(text: string, widthPx: number, fontPx: number, maxLines: number, more: string): { text: string; cut: boolean } {
  if (lineCount(text, widthPx, fontPx) <= maxLines) return { text, cut: false };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (lineCount(`${chars.slice(0, mid).join("")}…${more}`, widthPx, fontPx) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return { text: `${chars.slice(0, lo).join("")}…${more}`, cut: true };
}

/** The PowerPoint file of a deck model. */
export async function deckPptx(deck: DeckModel, title: string, t: Translate): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE"; // 13.33 × 7.5 in: 16:9, the print page's 1280 × 720 px
  pptx.theme = { headFontFace: PPTX_FONT, bodyFontFace: PPTX_FONT };
  pptx.title = title;
  pptx.subject = deck.footer;
  pptx.author = deck.footer;
  const lang = deck.locale === "ja" ? "ja-JP" : "en-US";
  const text: Drawing["text"] = (slide, content, px, options = {}) =>
    slide.addText(content, { x: inch(px.x), y: inch(px.y), w: inch(px.w), h: inch(px.h), lang, color: COLOR.text, margin: 0, valign: "top", ...options });
  deck.slides.forEach((model, i) => {
    const slide = pptx.addSlide();
    const notes: string[] = [];
    if (deck.draft) {
      text(slide, deck.draftLong, { x: 1280 - MARGIN.side - 400, y: 8, w: 400, h: 24 }, { align: "right", bold: true, fontSize: pt(16), color: COLOR.draft });
    }
    text(slide, deck.footer, { x: MARGIN.side, y: 720 - 36, w: 900, h: 20 }, { fontSize: pt(12), color: COLOR.muted });
    text(
      slide,
      `${i + 1} / ${deck.slides.length}`,
      { x: 1280 - MARGIN.side - 120, y: 720 - 36, w: 120, h: 20 },
      { fontSize: pt(12), color: COLOR.muted, align: "right" },
    );
    drawSlide(pptx, slide, model, { text, notes, t, lang });
    if (notes.length) slide.addNotes(notes.join("\n\n"));
  });
  // stream() is the output that honours compression (write() stores every part uncompressed): a seventh of the size
  return (await pptx.stream({ compression: true })) as Buffer;
}

interface Drawing {
  text: (
    slide: Slide,
    content: string | PptxGenJS.TextProps[],
    px: { x: number; y: number; w: number; h: number },
    options?: PptxGenJS.TextPropsOptions,
  ) => void;
  /** the slide's speaker notes */
  notes: string[];
  t: Translate;
  lang: string;
}

const X = MARGIN.side;
const W = SLIDE_WIDTH;

function drawSlide(pptx: PptxGenJS, slide: Slide, model: DeckSlide, d: Drawing) {
  const heading = (title: string, y: number) => {
    // one line, as in the PDF: a long title (an English chart title) is set smaller, down to 18 px
    const size = Math.max(18, Math.min(26, Math.floor((W - 8) / (textEm(title) * 1.05))));
    d.text(slide, title, { x: X, y, w: W, h: 40 }, { fontSize: pt(size), bold: true, valign: "bottom" });
    slide.addShape(pptx.ShapeType.line, { x: inch(X), y: inch(y + 46), w: inch(W), h: 0, line: { color: COLOR.rule, width: 1 } });
    return y + SLIDE_TITLE;
  };
  // the slide's notes, a line each, at its foot
  const footNotes = (notes: string[]) =>
    notes.forEach((note, j) =>
      d.text(slide, note, { x: X, y: 720 - MARGIN.bottom - 24 * (notes.length - j) - 6, w: W, h: 22 }, { fontSize: pt(12), color: COLOR.muted, fit: "shrink" }),
    );
  switch (model.kind) {
    case "title": {
      d.text(slide, model.title, { x: X, y: 200, w: W, h: 130 }, { fontSize: pt(36), bold: true, align: "center", valign: "middle" });
      d.text(slide, model.plan, { x: X, y: 350, w: W, h: 40 }, { fontSize: pt(22), align: "center" });
      model.lines.forEach((line, j) => d.text(slide, line, { x: X, y: 410 + 40 * j, w: W, h: 32 }, { fontSize: pt(20), align: "center" }));
      if (model.evaluation) {
        const y = 410 + 40 * model.lines.length + 16;
        d.text(
          slide,
          [
            { text: model.evaluation.heading, options: { bold: true, breakLine: true } },
            { text: plainText(model.evaluation.text), options: {} },
          ],
          { x: X + 96, y, w: W - 192, h: Math.max(60, 720 - MARGIN.bottom - 16 - y) },
          { fontSize: pt(18), line: { color: COLOR.rule, width: 0.75 }, margin: 8, fit: "shrink" },
        );
      }
      return;
    }
    case "summary": {
      const y = MARGIN.top;
      const rows: Cell[][] = [titleRow(model.title, 2)];
      for (const r of model.rows)
        rows.push([
          { text: r.label, options: { bold: true, fill: { color: COLOR.group } } },
          { text: plainText(r.text), options: { fontSize: pt(14) } },
        ]);
      if (model.empty) rows.push([{ text: model.empty, options: { colspan: 2 } }]);
      table(slide, rows, y, model.shares, d.lang);
      return;
    }
    case "ratings": {
      let y = heading(model.title, MARGIN.top);
      d.text(
        slide,
        (["A", "B", "none"] as const).map((k) => ({ text: `${k === "none" ? "—" : k}: ${model.legend[k]}　`, options: { color: COLOR[k].text } })),
        { x: X, y, w: W, h: 26 },
        { fontSize: pt(14) },
      );
      y += 34;
      const chartH = 636 - (y - MARGIN.top) - 24 * model.notes.length - 20;
      // The counts as a native stacked bar chart (its data opens in PowerPoint's sheet), projects top to bottom.
      // A row without any KPI has no bar: its label says why (none registered yet).
      const bars = [...model.bars].reverse();
      const sep = d.lang === "ja-JP" ? "：" : ": ";
      slide.addChart(
        pptx.ChartType.bar,
        // a count of 0 is no bar and no label
        (["A", "B", "none"] as const).map((k) => ({
          name: k === "none" ? "—" : k,
          labels: bars.map((b) => (b.empty ? `${b.label}${sep}${b.empty}` : b.label)),
          values: bars.map((b) => b.counts[k] || null) as number[],
        })),
        {
          x: inch(X),
          y: inch(y),
          w: inch(W * 0.62),
          h: inch(chartH),
          barDir: "bar",
          barGrouping: "stacked",
          chartColors: [COLOR.A.text, COLOR.B.text, COLOR.rule],
          showValue: true,
          dataLabelColor: "FFFFFF",
          dataLabelFontSize: pt(12),
          catAxisLabelFontSize: pt(model.compact ? 12 : 13),
          ...CHART_FONTS,
          valAxisHidden: true,
          valGridLine: { style: "none" },
          showLegend: false,
          lang: d.lang,
        },
      );
      const rows: Cell[][] = [
        [model.headings.project, "A", "B", "—", model.headings.total].map((h) => ({
          text: h,
          options: { bold: true, fill: { color: COLOR.heading }, align: "center" as const },
        })),
        ...model.table.map((r) => [
          { text: r.label, options: { bold: true } },
          ...[r.counts.A, r.counts.B, r.counts.none, r.counts.A + r.counts.B + r.counts.none].map((n) => ({
            text: String(n),
            options: { align: "right" as const, bold: r.total },
          })),
        ]),
      ];
      table(slide, rows, y, [0.4, 0.15, 0.15, 0.15, 0.15], d.lang, { box: { x: X + W * 0.66, w: W * 0.34 } });
      footNotes(model.notes);
      return;
    }
    case "table": {
      let y = MARGIN.top;
      for (const t of model.tables) y = sectionTable(slide, t, y, d) + TABLE_STYLE.gap;
      if (model.notes.length > 0) {
        // at the foot of the slide: an office suite may draw the rows taller than estimated
        const lines = model.notes.map((n) => `${n.label ?? ""}${plainText(n.text)}`);
        d.text(
          slide,
          lines.map((line, j) => ({ text: line, options: { breakLine: j < lines.length - 1 } })),
          { x: X, y, w: W, h: Math.max(20, 720 - MARGIN.bottom - y) },
          { fontSize: pt(TABLE_STYLE.notesFontSize), color: COLOR.muted, lineSpacingMultiple: 1.1, valign: "bottom" },
        );
      }
      return;
    }
    case "chart": {
      let y = heading(model.title, MARGIN.top);
      // the series are named in the chart's own legend
      d.text(slide, model.legend.range, { x: X, y, w: W, h: 40 }, { fontSize: pt(13), color: COLOR.muted });
      y += 44;
      // Native bars of the achievement ratios (%), on a logarithmic axis from the model's scale. A
      // horizontal bar chart draws its first category and series at the bottom: both go in
      // reverse, so that the KPIs read top to bottom, each with its target bar first, as in the PDF.
      // A bar with no figure, or one at or below the axis start, is not drawn (a log axis has no
      // room for it, and a stub would read as 10%): its row's label gives the figures instead.
      const rows = [...model.rows].reverse();
      const drawn = (b: DeckChartBar) => b.position !== null && !b.below && b.ratio !== null;
      const paren = (text: string) => parenthesized(text, d.lang === "ja-JP" ? "ja" : "en");
      const series = (model.rows[0]?.bars ?? [])
        .map((b, k) => ({
          name: k === 0 ? model.legend.target : (model.legend.expected ?? ""),
          labels: rows.map(
            (r) => `${r.name}${r.rating ? paren(ratingText(r.rating, d.t)) : ""}${r.bars.every(drawn) ? "" : paren(r.bars.map((x) => x.label).join(" / "))}`,
          ),
          values: rows.map((r) => (drawn(r.bars[k]) ? Math.round(r.bars[k].ratio! * 10000) / 100 : null)) as number[],
        }))
        .reverse();
      // under the chart, what its rating marks mean (自動)
      const notesH = model.notes.length ? 24 * model.notes.length + 8 : 0;
      footNotes(model.notes);
      slide.addChart(pptx.ChartType.bar, series, {
        x: inch(X),
        y: inch(y),
        w: inch(W),
        h: inch(720 - MARGIN.bottom - y - 8 - notesH),
        barDir: "bar",
        barGrouping: "clustered",
        chartColors: series.length > 1 ? [COLOR.expected, COLOR.target] : [COLOR.target],
        valAxisLogScaleBase: 10,
        valAxisMinVal: model.min * 100,
        valAxisMaxVal: model.max * 100,
        valAxisLabelFormatCode: '0"%"',
        showValue: true,
        dataLabelFormatCode: '#,##0"%"', // as formatRatio prints it
        dataLabelFontSize: pt(11),
        dataLabelPosition: "outEnd",
        catAxisLabelFontSize: pt(12),
        ...CHART_FONTS,
        showLegend: true,
        legendPos: "b",
        legendFontSize: pt(12),
        lang: d.lang,
      });
      d.notes.push(model.rows.map((r) => `${r.name}: ${r.bars.map((b) => b.label).join(" / ")}`).join("\n"));
      return;
    }
  }
}

/** A native table at y (px) across the slide's content box, or the box given; rows at least `rowH` px tall; every text in the deck's language. */
function table(
  slide: Slide,
  rows: Cell[][],
  y: number,
  shares: number[],
  lang: string,
  { box = { x: X, w: W }, rowH }: { box?: { x: number; w: number }; rowH?: number[] } = {},
) {
  const inLang = (cell: Cell): Cell => ({
    text: Array.isArray(cell.text) ? cell.text.map((run) => ({ ...run, options: { lang, ...run.options } })) : cell.text,
    options: { lang, ...cell.options },
  });
  slide.addTable(
    rows.map((row) => row.map(inLang)),
    {
      x: inch(box.x),
      y: inch(y),
      w: inch(box.w),
      colW: shares.map((s) => inch(s * box.w)),
      ...(rowH ? { rowH: rowH.map(inch) } : {}),
      fontSize: pt(TABLE_STYLE.fontSize),
      color: COLOR.text,
      valign: "top",
      margin: [inch(4), inch(8), inch(4), inch(8)],
      border: { type: "solid", pt: 0.75, color: COLOR.rule },
      autoPage: false,
    },
  );
}

/** A table's title row, as the PDF's: large, bold, ruled below. */
function titleRow(text: string, colspan: number): Cell[] {
  return [
    { text, options: { colspan, bold: true, fontSize: pt(22), border: [{ type: "none" }, { type: "none" }, { pt: 2, color: COLOR.text }, { type: "none" }] } },
  ];
}

/** A KPI table as the PDF draws it (title row, column headings, groups, rows); returns where it ends (px). */
function sectionTable(slide: Slide, model: DeckTable, y: number, d: Drawing): number {
  const s = TABLE_STYLE;
  const cols = model.columns.length;
  const band = { colspan: cols, bold: true, fill: { color: COLOR.group } };
  const rows: Cell[][] = [
    titleRow(model.title, cols),
    model.columns.map((c) => ({ text: c.heading, options: { bold: true, fill: { color: COLOR.heading }, fontSize: pt(s.fontSize) } })),
  ];
  const heights = [s.title - s.gap, s.header];
  // A row too tall for a slide of its own has its narrative cut to fit, and the whole text in the speaker notes.
  const room = CAPACITY - s.title - s.header - 2 * s.group;
  for (const g of model.groups) {
    for (const band_ of [g.management, g.group]) {
      if (band_) {
        rows.push([{ text: band_, options: band }]);
        heights.push(s.group);
      }
    }
    for (const r of g.rows) {
      rows.push(model.columns.map((c) => rowCell(r, c.key, c.share, r.height > room ? room : null, d)));
      heights.push(Math.min(r.height, room));
    }
  }
  table(
    slide,
    rows,
    y,
    model.columns.map((c) => c.share),
    d.lang,
    { rowH: heights },
  );
  return y + heights.reduce((a, b) => a + b, 0);
}

function rowCell(r: DeckRow, key: DeckTable["columns"][number]["key"], share: number, room: number | null, d: Drawing): Cell {
  const s = TABLE_STYLE;
  switch (key) {
    case "kpi":
      return { text: r.name, options: { bold: !r.sub, margin: r.sub ? [inch(4), inch(8), inch(4), inch(24)] : undefined } };
    case "target":
      return {
        text: [
          { text: r.target ?? "—", options: { breakLine: !!r.targetNote } },
          ...(r.targetNote ? [{ text: r.targetNote, options: { fontSize: pt(s.breakdownFontSize), color: COLOR.muted } }] : []),
        ],
        options: { align: "right" },
      };
    case "latest":
      return {
        text: [
          { text: `${r.latest.figure}${r.latest.markers}`, options: { bold: true, breakLine: !!r.latest.breakdown } },
          ...(r.latest.breakdown ? [{ text: r.latest.breakdown.trim(), options: { fontSize: pt(s.breakdownFontSize), color: COLOR.muted } }] : []),
        ],
        options: { align: "right" },
      };
    case "progress": {
      if (!r.rating) return { text: "" };
      const tone = COLOR[r.rating.rating ?? "none"];
      return { text: ratingText(r.rating, d.t), options: { align: "center", bold: true, color: tone.text, fill: { color: tone.fill } } };
    }
    case "detail":
    case "note": {
      const full = plainText(key === "detail" ? r.detail : r.note);
      if (!room || !full) return { text: full, options: { fontSize: pt(s.detailFontSize) } };
      const lines = Math.floor((room - s.padY) / (s.detailFontSize * s.detailLineHeight));
      const fitted = fitLines(full, share * W - s.padX, s.detailFontSize, lines, d.t("Slides.pptxMore"));
      if (fitted.cut) d.notes.push(`${d.t("Slides.pptxNotesCut")} ${r.name}\n${full}`);
      return { text: fitted.text, options: { fontSize: pt(s.detailFontSize) } };
    }
  }
}

/**
 * The PowerPoint deck of a round, from the same model as the PDF. A draft is read as a
 * committee member reads it: the caller has checked that its viewer may.
 */
export async function pptxDeck(code: string, fy: number, lang: string, draft: boolean): Promise<Buffer> {
  const locale = lang === "en" ? "en" : "ja";
  const found = await lookupVisibleRound(code, fy, draft ? { id: 0, role: "committee" } : null);
  if (found.kind !== "ok") throw new Error(`No round ${code} FY${fy} to draw`);
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  const deck = deckModel(found.plan, found.round, found.rows, locale, t);
  const title = deck.slides[0]?.kind === "title" ? deck.slides[0].title : deck.footer;
  return deckPptx(deck, title, t);
}
