/**
 * The deck's layout, as pure functions: which columns a table has and how wide they are,
 * how tall a row will be (estimated from its texts and the column widths), and how rows
 * flow onto slides, balanced, so that no slide holds a lone row or a lone footnote. The
 * sizes mirror `components/slides.css`; the deck renders the slides these functions emit.
 */
import { isRated } from "@/domain/rating";
import { countedYearLabel, fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate, formatFigure, formatRatio, formatTarget, projectMark } from "@/domain/format";
import type { Rating, RatingBasis } from "@/domain/types";
import {
  breakdownText,
  figureFormat,
  footnotesOf,
  localizedText,
  plainText,
  projectRows,
  ratingCounts,
  ratingKinds,
  reportGroups,
  type LocalizedText,
  type RatingCounts,
  type Translate,
} from "@/features/dashboard/model";
import type { FollowUpRow, PlanData, ProjectDef, RoundData } from "@/features/follow-up/model";

/** A slide's content box in CSS px: 1280 × 720 less the @page margins (36 / 48 / 48). */
export const SLIDE_WIDTH = 1184;
export const SLIDE_HEIGHT = 636;

/** The sizes the stylesheet gives the deck's tables and lists (px). */
export const TABLE_STYLE = {
  fontSize: 13,
  detailFontSize: 12,
  lineHeight: 1.5,
  detailLineHeight: 1.55,
  breakdownFontSize: 11.5,
  /** left + right padding of a cell */
  padX: 16,
  /** top + bottom padding and a border */
  padY: 11,
  /** the rating badge's line: 13px text in a 2px border */
  badge: 26,
  /** the table's title row (22px text, 6px padding, 4px rule) and its bottom margin */
  title: 44,
  /** the column headings: two lines of 13px */
  header: 51,
  /** a group heading row: one line */
  group: 31,
  /** margin below a table */
  gap: 12,
  notesFontSize: 12,
  notesLineHeight: 1.5,
} as const;

export type ColumnKey = "kpi" | "target" | "latest" | "progress" | "detail" | "note";

export interface Column {
  key: ColumnKey;
  /** share of the table's width, 0–1; the shares add up to 1 */
  share: number;
}

/**
 * The columns of a project's tables. A round without narratives has no 進捗の詳細 column
 * and its indicator names get the room; 備考 only when some row has a note. Every table of
 * a project uses the same columns, so tables stacked on a slide line up. When some rating is
 * automatic, a table may head its column 進捗（自動判定） / Progress (automatic): next to a
 * narrative column, the progress column takes from it the room that heading needs.
 */
export function tableColumns({ detail, note, automatic = false }: { detail: boolean; note: boolean; automatic?: boolean }): Column[] {
  const widths: Record<string, Partial<Record<ColumnKey, number>>> = {
    "detail+note": { kpi: 0.22, target: 0.09, latest: 0.13, progress: 0.07, detail: 0.36, note: 0.13 },
    detail: { kpi: 0.24, target: 0.09, latest: 0.13, progress: 0.07, detail: 0.47 },
    note: { kpi: 0.44, target: 0.12, latest: 0.2, progress: 0.07, note: 0.17 },
    none: { kpi: 0.45, target: 0.17, latest: 0.28, progress: 0.1 },
  };
  const w = { ...widths[detail && note ? "detail+note" : detail ? "detail" : note ? "note" : "none"] };
  if (automatic && detail) {
    w.progress! += 0.02;
    w.detail! -= 0.02;
  }
  return (Object.keys(w) as ColumnKey[]).map((key) => ({ key, share: w[key]! }));
}

/**
 * The deck's sections of KPI tables, in order: the plan-wide KPIs (null) when the plan has
 * any, before the integrated projects, each of which has its own.
 */
export function deckSections<P extends { no: number }>(projects: readonly P[], rows: readonly { projectNo: number | null }[]): (P | null)[] {
  return [...(rows.some((r) => r.projectNo === null) ? [null] : []), ...projects];
}

/** How wide a character is in Noto Sans JP, in em (CJK and full-width forms are 1). */
function charEm(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80 || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2160 && c <= 0x217f) || (c >= 0x25a0 && c <= 0x25ff)) {
    return c >= 0xff61 && c <= 0xff9f ? 0.5 : 1; // half-width katakana
  }
  if (ch === " ") return 0.23;
  if (/[mwMW@%]/.test(ch)) return 0.85;
  if (/[A-Z]/.test(ch)) return 0.66;
  if (/[fijlrtI]/.test(ch)) return 0.32;
  if (/[a-z]/.test(ch)) return 0.56;
  if (/[0-9]/.test(ch)) return 0.57;
  if (/[.,:;'!|]/.test(ch)) return 0.26;
  return 0.4;
}

/** The width of a text in em, on one line. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

const isWide = (ch: string) => charEm(ch) === 1;

/**
 * How many lines a text takes in a box of `widthPx` at `fontPx`: words wrap whole, CJK
 * characters one at a time (a line may not start with 、。）」 and the like).
 */
export function lineCount(text: string, widthPx: number, fontPx: number): number {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return 0;
  // half an em of slack: kinsoku shoves a character over, and sub-pixel widths add up
  const max = widthPx / fontPx - 0.5;
  // tokens: one wide character, or a run of narrow ones up to and including a space
  const tokens =
    clean.match(
      /[\u2e80-\uffff\u2460-\u24ff\u2160-\u217f\u25a0-\u25ff][、。，．）」』】〕・ー：；！？]*|[^\s\u2e80-\uffff\u2460-\u24ff\u2160-\u217f\u25a0-\u25ff]+\s?|\s/g,
    ) ?? [];
  let lines = 1;
  let used = 0;
  for (const token of tokens) {
    const w = textEm(token.trimEnd());
    const advance = textEm(token);
    if (used > 0 && used + w > max) {
      lines++;
      used = 0;
      if (token === " ") continue;
    }
    // a word longer than the line breaks anywhere
    if (w > max && !isWide(token[0])) {
      lines += Math.ceil(w / max) - 1;
      used = w % max;
    } else used += advance;
  }
  return lines;
}

/** The texts of one table row, as the deck prints them. */
export interface RowTexts {
  kpi: string;
  /** a sub-target's name is indented */
  sub?: boolean;
  target: string;
  /** under the target, on its own lines (the annual targets to date, for a plan rated against them) */
  targetNote?: string;
  latest: string;
  /** the single years under the latest value, on their own line */
  breakdown?: string;
  detail?: string;
  note?: string;
}

/** The estimated height in px of a table row whose table is `tableWidth` px wide. */
export function rowHeight(row: RowTexts, columns: Column[], tableWidth = SLIDE_WIDTH): number {
  const s = TABLE_STYLE;
  const inner = (key: ColumnKey) => {
    const c = columns.find((col) => col.key === key);
    return c ? c.share * tableWidth - s.padX : 0;
  };
  const body = (text: string | undefined, width: number, font: number, lh: number) => (text && width > 0 ? lineCount(text, width, font) * font * lh : 0);
  const line = s.fontSize * s.lineHeight;
  const cells = [
    body(row.kpi, inner("kpi") - (row.sub ? 16 : 0), s.fontSize, s.lineHeight),
    body(row.target, inner("target"), s.fontSize, s.lineHeight) + body(row.targetNote, inner("target"), s.breakdownFontSize, s.lineHeight),
    body(row.latest, inner("latest"), s.fontSize, s.lineHeight) + body(row.breakdown, inner("latest"), s.breakdownFontSize, s.lineHeight),
    s.badge,
    body(row.detail, inner("detail"), s.detailFontSize, s.detailLineHeight),
    body(row.note, inner("note"), s.detailFontSize, s.detailLineHeight),
  ];
  return Math.ceil(Math.max(line, ...cells) + s.padY);
}

/** The height of a block of notes (one line each, wrapped) under a table. */
export function notesHeight(lines: string[], width = SLIDE_WIDTH): number {
  const s = TABLE_STYLE;
  return Math.ceil(lines.reduce((h, l) => h + lineCount(l, width, s.notesFontSize) * s.notesFontSize * s.notesLineHeight, 0) + 4);
}

/**
 * One unbreakable piece of a flow of tables: a row, or a row with its sub-targets. `table`
 * numbers the tables of the flow; `group` and `management` say which headings the row
 * sits under, so that a slide can repeat them.
 */
export interface FlowUnit {
  table: number;
  height: number;
  /** the table rows it holds (a KPI and its sub-targets) */
  rows: number;
  group?: string | null;
  management?: boolean;
}

export interface FlowOptions {
  /** the height a slide's content may take */
  capacity: number;
  /** a table's title, column headings and margin, on every slide the table is on */
  tableHeight: number;
  /** a ○group heading row */
  groupHeight?: number;
  /** the （その他管理指標） row */
  managementHeight?: number;
  /** what follows the last unit on the last slide (the notes) */
  tailHeight?: number;
  /** what precedes the first unit on the first slide (a slide title, a paragraph) */
  leadHeight?: number;
  /** what every slide has above its tables (a slide title) */
  slideHeight?: number;
  /** the notes a slide carries for the units [start, end) it holds (each slide explains what it shows) */
  slideNotes?: (start: number, end: number) => number;
}

/** A slide's share of the flow: units [start, end). */
export interface FlowSlide {
  start: number;
  end: number;
}

/** The height of the slide that holds units [start, end), with the headings it repeats. */
export function flowHeight(units: readonly FlowUnit[], start: number, end: number, o: FlowOptions): number {
  let h = (o.slideHeight ?? 0) + (o.slideNotes?.(start, end) ?? 0);
  if (start === 0) h += o.leadHeight ?? 0;
  if (end === units.length) h += o.tailHeight ?? 0;
  for (let i = start; i < end; i++) {
    const u = units[i];
    const prev = i > start ? units[i - 1] : null;
    if (!prev || prev.table !== u.table) h += o.tableHeight;
    const newGroup = !prev || prev.table !== u.table || prev.group !== u.group || !!prev.management !== !!u.management;
    if (newGroup && u.group) h += o.groupHeight ?? 0;
    if (u.management && (!prev || prev.table !== u.table || !prev.management)) h += o.managementHeight ?? 0;
    h += u.height;
  }
  return h;
}

/**
 * Whether a slide may end after unit `end - 1`: between two tables always; inside a table
 * only if this slide keeps at least two rows of it (three when it continues the table from
 * the slide before) and the next slide gets at least two.
 */
function validCut(units: readonly FlowUnit[], start: number, end: number): boolean {
  if (end >= units.length) return true;
  const table = units[end].table;
  if (units[end - 1].table !== table) return true;
  const rowsOf = (from: number, to: number) => units.slice(from, to).reduce((n, u) => n + (u.table === table ? u.rows : 0), 0);
  let tableEnd = end;
  while (tableEnd < units.length && units[tableEnd].table === table) tableEnd++;
  const continues = start > 0 && units[start - 1].table === table;
  return rowsOf(start, end) >= (continues ? 3 : 2) && rowsOf(end, tableEnd) >= 2;
}

/**
 * The units on as few slides as fit, balanced: among the layouts with that many slides, the
 * one whose fullest slide is least full, so that continuation slides carry their share
 * instead of a lone row. Every cut is valid (see validCut) when some layout allows it. A
 * dynamic programme over the cut positions: a flow is a project's few dozen rows at most.
 */
export function paginate(units: readonly FlowUnit[], o: FlowOptions): FlowSlide[] {
  if (units.length === 0) return [];
  const solve = (strict: boolean) => {
    const n = units.length;
    // best[j]: the best layout of units [0, j)
    const best: ({ count: number; max: number; from: number } | null)[] = [{ count: 0, max: 0, from: -1 }];
    for (let j = 1; j <= n; j++) {
      best[j] = null;
      for (let i = j - 1; i >= 0; i--) {
        const prev = best[i];
        const h = flowHeight(units, i, j, o);
        if (h > o.capacity && j - i > 1) break; // more units only make the slide taller
        if (!prev || (strict && !validCut(units, i, j))) continue;
        const candidate = { count: prev.count + 1, max: Math.max(prev.max, h), from: i };
        const cur = best[j];
        if (!cur || candidate.count < cur.count || (candidate.count === cur.count && candidate.max < cur.max)) best[j] = candidate;
      }
    }
    if (!best[n]) return null;
    const slides: FlowSlide[] = [];
    for (let j = n; j > 0; j = best[j]!.from) slides.unshift({ start: best[j]!.from, end: j });
    return slides;
  };
  return solve(true) ?? solve(false)!;
}

/**
 * A logarithmic scale for achievement ratios (1 = 100%), from `min` to the smallest of
 * 200%, 500%, 1,000%, 2,000%, 5,000%… that holds the largest ratio. Bars of 120% and 850%
 * stay apart, and 100% sits at a fixed place. `position` is 0–1 along the axis (0 below
 * `min`), `ticks` the ratios to label.
 */
export function achievementScale(ratios: readonly (number | null)[], min = 0.1) {
  const top = Math.max(0, ...ratios.filter((r): r is number => r !== null && Number.isFinite(r)));
  let max = 2;
  for (let decade = 1; max < top; decade *= 10) {
    max = [2, 5, 10].map((m) => m * decade).find((m) => m >= top) ?? 10 * decade;
  }
  const span = Math.log(max / min);
  const position = (ratio: number | null) => (ratio === null || ratio <= min ? 0 : Math.min(1, Math.log(ratio / min) / span));
  const ticks: number[] = [];
  for (let decade = min; decade <= max; decade *= 10) {
    for (const m of [1, 2, 5]) if (decade * m <= max * (1 + 1e-9)) ticks.push(Math.round(decade * m * 1000) / 1000);
  }
  return { min, max, position, ticks };
}

/* ------------------------------------------------------------------------------------------
 * The deck's content: every slide's texts, figures and layout, computed once from a round's
 * follow-up. The print page (components/deck.tsx, for the PDF) and the PowerPoint deck
 * (files.ts) both render this model, so that the two formats cannot disagree.
 * ---------------------------------------------------------------------------------------- */

/** A rating as the tables show it: its letter, and whether the app computed it (自動). */
export interface RatingMark {
  rating: Rating | null;
  basis: RatingBasis | null;
}

export interface DeckRow {
  code: string;
  /** a sub-target (うち数): indented, never rated */
  sub: boolean;
  name: string;
  /** the target as printed, or null for none (—) */
  target: string | null;
  /** under the target: the annual targets to date, for a plan rated against them */
  targetNote?: string;
  latest: { figure: string; markers: string; breakdown?: string };
  /** null for a sub-target */
  rating: RatingMark | null;
  detail: LocalizedText | null;
  note: LocalizedText | null;
  /** the row's estimated height on the slide (px; rowHeight) */
  height: number;
}

export interface DeckTable {
  title: string;
  columns: (Column & { heading: string })[];
  /** rows under their headings: （その他管理指標） and ○group rows open a group when set */
  groups: { management?: string; group?: string; rows: DeckRow[] }[];
}

export interface ChartBar {
  kind: "target" | "expected";
  ratio: number | null;
  /** 0–1 along the logarithmic axis; null for no figure: no bar is drawn, the label says so */
  position: number | null;
  /** a figure at or below the axis start (10%, 0% too): drawn as a short mark there, not as a bar, its figure in the label */
  below: boolean;
  label: string;
}

export type DeckSlide =
  | {
      kind: "title";
      title: string;
      plan: string;
      lines: string[];
      /** the committee's evaluation of the round as a whole, when it gave one */
      evaluation: { heading: string; text: LocalizedText } | null;
    }
  | {
      kind: "summary";
      title: string;
      shares: [number, number];
      rows: { label: string; text: LocalizedText | null }[];
      /** said when the round has no highlights */
      empty: string | null;
    }
  | {
      kind: "ratings";
      title: string;
      legend: { A: string; B: string; none: string };
      /** more rows than the 2nd plan's six: the bars sit closer together */
      compact: boolean;
      /** empty: what a row without any KPI says in place of its bar (none registered yet), else null */
      bars: { key: string; label: string; counts: RatingCounts; empty: string | null }[];
      /** the longest bar's count: bars are drawn to it */
      max: number;
      headings: { project: string; total: string };
      table: { key: string; label: string; total: boolean; counts: RatingCounts }[];
      notes: string[];
    }
  /** notes: what explains the marks and figures this slide shows (each table slide carries its own) */
  | { kind: "table"; tables: DeckTable[]; notes: { label?: string; text: LocalizedText }[] }
  | {
      kind: "chart";
      title: string;
      /**
       * scale: the PDF's note on its axis (the thick line at 100%); range: the same without it, for a chart that draws no such line;
       * below: how a figure below the axis start is drawn, when the slide has one
       */
      legend: { target: string; expected: string | null; scale: string; range: string; below: string | null };
      ticks: { ratio: number; label: string; position: number }[];
      /** where 100% sits, 0–1 */
      one: number;
      min: number;
      max: number;
      rows: { code: string; sub: boolean; name: string; rating: RatingMark | null; bars: ChartBar[] }[];
      /** under the chart: what its rating marks mean (自動), when it shows any */
      notes: string[];
    };

export interface DeckModel {
  locale: "ja" | "en";
  draft: boolean;
  /** 案 on the slide, 案（未確定） in the page's corner */
  draftMark: string;
  draftLong: string;
  footer: string;
  slides: DeckSlide[];
}

/** The room a slide gives its content, less a margin for what the estimates miss. */
export const CAPACITY = SLIDE_HEIGHT - 16;
/** A slide title (26px, its rule and margin). */
export const SLIDE_TITLE = 64;
/** The share of a chart slide the labels take, the gap between rows, the legend and the axis (px). */
export const BAR_LABEL_SHARE = 0.36;
const BAR_GAP = 10;
const BAR_LEGEND = 50;
const BAR_AXIS = 28;

/** A rating's words in plain text: A, "A 自動" when the app computed it, — when there is none. */
export function ratingText(mark: RatingMark | null, t: Translate): string {
  if (!mark) return "";
  if (mark.rating === null) return "—";
  return mark.basis === "automatic" ? `${mark.rating} ${t("Rating.autoMark")}` : mark.rating;
}

/** The deck of a round: title, summary, the ratings by project, then per section (plan-wide KPIs, each project) its tables and charts. */
export function deckModel(plan: PlanData, round: RoundData, rows: FollowUpRow[], locale: "ja" | "en", t: Translate): DeckModel {
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const year = fyLabel(round.fiscalYear, locale);
  const sections = deckSections(plan.projects, rows);
  return {
    locale,
    draft: round.status !== "final",
    draftMark: t("Slides.draft"),
    draftLong: t("Slides.draftLong"),
    footer: t("Slides.footer", { plan: name(plan), year }),
    slides: [
      titleSlide(plan, round, locale, t),
      ...summarySlides(plan, round, locale, t),
      ratingsSlide(plan, round, rows, locale, t),
      ...sections.flatMap((p) => sectionSlides(plan, round, rows, p, locale, t)),
    ],
  };
}

function titleSlide(plan: PlanData, round: RoundData, locale: "ja" | "en", t: Translate): DeckSlide {
  const year = fyLabel(round.fiscalYear, locale);
  return {
    kind: "title",
    title: (locale === "ja" ? round.titleJa : round.titleEn) ?? t("Slides.title", { year }),
    plan: locale === "ja" ? plan.nameJa : plan.nameEn,
    lines: [
      ...(round.meetingNo !== null && round.meetingDate ? [t("Slides.meeting", { no: round.meetingNo, date: formatDate(round.meetingDate, locale) })] : []),
      ...(round.asOfDate ? [t("Slides.asOf", { date: formatDate(round.asOfDate, locale) })] : []),
    ],
    evaluation: round.assessmentJa ? { heading: t("Slides.assessment"), text: localizedText(round.assessmentJa, round.assessmentEn, locale, t)! } : null,
  };
}

/** The plan-wide KPIs' name in the deck, or a project's with its number. */
function sectionName(plan: PlanData, no: number | null, locale: "ja" | "en", t: Translate): string {
  if (no === null) return t("PlanWide.projectName");
  const project = plan.projects.find((p) => p.no === no);
  return project ? `${circledNumber(project.no)} ${locale === "ja" ? project.nameJa : project.nameEn}` : "";
}

function summarySlides(plan: PlanData, round: RoundData, locale: "ja" | "en", t: Translate): DeckSlide[] {
  const year = fyLabel(round.fiscalYear, locale);
  const shares: [number, number] = [0.24, 0.76];
  const s = TABLE_STYLE;
  const highlights = round.highlights.map((h) => ({ label: sectionName(plan, h.projectNo, locale, t), text: localizedText(h.textJa, h.textEn, locale, t) }));
  const units: FlowUnit[] = highlights.map((h) => ({
    table: 0,
    rows: 1,
    height: Math.ceil(
      Math.max(
        lineCount(h.label, shares[0] * SLIDE_WIDTH - s.padX, s.fontSize) * s.fontSize * s.lineHeight,
        lineCount(plainText(h.text), shares[1] * SLIDE_WIDTH - s.padX, 14) * 14 * s.lineHeight,
      ) + s.padY,
    ),
  }));
  const slides = paginate(units, { capacity: CAPACITY, tableHeight: s.title + s.gap });
  return (slides.length ? slides : [{ start: 0, end: 0 }]).map((slide, i) => ({
    kind: "summary",
    title: t(i === 0 ? "Slides.summary" : "Slides.summaryContinued", { year }),
    shares,
    rows: highlights.slice(slide.start, slide.end),
    empty: highlights.length === 0 ? t("Slides.noHighlights") : null,
  }));
}

/** Where the automatic ratings come from, by the plan's rule (pro rata, or annual targets). */
function ratingLegend(plan: PlanData, legend: "legendAutomatic" | "legendMixed", t: Translate): string {
  return plan.ratingRule === "annual_targets" ? t(`RatingRule.${legend}`) : t(`Rating.${legend}`);
}

function ratingsSlide(plan: PlanData, round: RoundData, rows: FollowUpRow[], locale: "ja" | "en", t: Translate): DeckSlide {
  // The plan-wide KPIs (when there are any) first, as a row of their own, then each project.
  const counts = deckSections(plan.projects, rows).map((p) => ({
    key: p ? String(p.no) : "plan-wide",
    label: sectionName(plan, p?.no ?? null, locale, t),
    mark: projectMark(p?.no ?? null, locale),
    counts: ratingCounts(rows.filter((r) => r.projectNo === (p?.no ?? null))),
  }));
  const total = { A: 0, B: 0, none: 0 };
  for (const { counts: c } of counts) for (const k of ["A", "B", "none"] as const) total[k] += c[k];
  const kinds = ratingKinds(rows.map((r) => r.status));
  return {
    kind: "ratings",
    title: t("Slides.ratingsTitle", { year: fyLabel(round.fiscalYear, locale) }),
    legend: { A: t("Slides.ratingsLegendA"), B: t("Slides.ratingsLegendB"), none: t("Slides.ratingsLegendNone") },
    compact: counts.length > 6,
    bars: counts.map(({ key, label, counts: c }) => ({ key, label, counts: c, empty: c.A + c.B + c.none === 0 ? t("PlanWide.emptyCard") : null })),
    max: Math.max(...counts.map(({ counts: c }) => c.A + c.B + c.none)),
    headings: { project: t("Slides.ratingsProject"), total: t("Slides.ratingsTotal") },
    table: [
      ...counts.map(({ key, mark, counts: c }) => ({ key, label: mark, total: false, counts: c })),
      { key: "total", label: t("Slides.ratingsTotal"), total: true, counts: total },
    ],
    notes: [
      t("Slides.ratingsNote"),
      ...(counts.some((c) => c.key === "plan-wide") ? [t("PlanWide.ratingsNote")] : []),
      ...(kinds.legend ? [ratingLegend(plan, kinds.legend, t)] : []),
    ],
  };
}

/** A section's rows in units that never split: a KPI with its sub-targets. */
function sectionUnits(tables: FollowUpRow[][], height: (r: FollowUpRow) => number) {
  const units: (FlowUnit & { items: FollowUpRow[] })[] = [];
  tables.forEach((list, table) => {
    for (const r of list) {
      const last = units.at(-1);
      if (r.parentCode && last && last.table === table && last.items[0].code === r.parentCode) {
        last.items.push(r);
        last.rows++;
        last.height += height(r);
      } else units.push({ table, rows: 1, height: height(r), group: r.groupJa, management: r.management, items: [r] });
    }
  });
  return units;
}

/**
 * The slides of a project, or with project null of the plan-wide KPIs: the official table
 * (outputs, then outcomes), flowing onto continuation slides with its headings repeated,
 * its notes after the last row; then the achievement chart of the KPIs with targets.
 */
function sectionSlides(plan: PlanData, round: RoundData, rows: FollowUpRow[], project: ProjectDef | null, locale: "ja" | "en", t: Translate): DeckSlide[] {
  const year = fyLabel(round.fiscalYear, locale);
  const { output, outcome } = projectRows(rows, project?.no ?? null);
  const mine = [...output, ...outcome];
  const section = sectionName(plan, project?.no ?? null, locale, t);
  const title = project
    ? `${circledNumber(project.no)} ${t("Slides.tableTitle", { project: locale === "ja" ? project.nameJa : project.nameEn })}`
    : t("Slides.tableTitle", { project: t("PlanWide.projectName") });
  const deckRow = (r: FollowUpRow): DeckRow => {
    const format = figureFormat(r);
    // A KPI counted by calendar year is marked after its name; under annual_targets a count's
    // target has the sum of its annual targets to date under it. Both are explained in the notes.
    const toDate = r.status.annual && r.measure === "count" && r.status.expected !== null;
    const kpiName = locale === "ja" ? r.nameJa : r.nameEn;
    return {
      code: r.code,
      sub: r.parentCode !== null,
      name: r.counting === "calendar_year" ? `${kpiName}${t("PlanWide.slideCalendar")}` : kpiName,
      target: r.target === null ? null : formatTarget(r.target, r.targetQualifier, format, locale),
      targetNote: toDate ? t("PlanWide.slideTargetToDate", { target: formatFigure(r.status.expected!, format, locale) }) : undefined,
      latest: {
        figure: r.status.cumulative.value === null ? t("Figures.noData") : formatFigure(r.status.cumulative.value, format, locale),
        markers: r.markers.join(""),
        breakdown: breakdownText(r, plan, round.fiscalYear, locale, t) ?? undefined,
      },
      rating: r.parentCode ? null : { rating: r.status.rating, basis: r.status.ratingBasis },
      detail: localizedText(r.entry?.detailJa, r.entry?.detailEn, locale, t),
      note: localizedText(r.entry?.noteJa, r.entry?.noteEn, locale, t),
      height: 0,
    };
  };
  const deckRows = new Map(mine.map((r) => [r.code, deckRow(r)]));
  const kinds = ratingKinds(mine.map((r) => r.status));
  // The notes of a slide, for the rows it shows: the footnotes of their marks, what the figures
  // and their years are, the targets to date, calendar years and automatic ratings where they
  // appear. Every table slide carries its own, so that a mark is explained where it is seen.
  const notesOf = (shown: FollowUpRow[]): { label?: string; text: LocalizedText }[] => {
    const shownKinds = ratingKinds(shown.map((r) => r.status));
    return [
      ...footnotesOf([round], shown).map((f) => ({
        label: `${t("Slides.notesLabel")}${f.marker} `,
        text: localizedText(f.textJa, f.textEn, locale, t) ?? { text: "" },
      })),
      ...[
        t("Slides.noteLatest", { year }),
        ...(shown.some((r) => deckRows.get(r.code)!.targetNote !== undefined)
          ? [t("PlanWide.slideNoteAnnual", { year, years: plan.lastFy - plan.firstFy + 1 })]
          : []),
        ...(shown.some((r) => r.counting === "calendar_year")
          ? [t("PlanWide.slideNoteCalendar", { fy: year, year: countedYearLabel(round.fiscalYear, "calendar_year", locale) })]
          : []),
        ...(shownKinds.legend ? [ratingLegend(plan, shownKinds.legend, t)] : []),
      ].map((text) => ({ text: { text } })),
    ];
  };
  // One set of columns for every table of the section, so that stacked tables line up. A table
  // whose ratings are all automatic heads its column 進捗（自動判定）: the column has room for it when any rating is.
  const columns = tableColumns({ detail: mine.some((r) => r.entry?.detailJa), note: mine.some((r) => r.entry?.noteJa), automatic: kinds.legend !== null });
  const rowTexts = (r: DeckRow): RowTexts => ({
    kpi: r.name,
    sub: r.sub,
    target: r.target ?? "—",
    targetNote: r.targetNote,
    latest: `${r.latest.figure}${r.latest.markers}`,
    breakdown: r.latest.breakdown,
    detail: plainText(r.detail),
    note: plainText(r.note),
  });
  const tables = [
    { heading: t("Report.outputs"), list: output },
    { heading: t("Report.outcomes"), list: outcome },
  ].filter((x) => x.list.length > 0);
  for (const r of deckRows.values()) r.height = rowHeight(rowTexts(r), columns);
  const units = sectionUnits(
    tables.map((x) => x.list),
    (r) => deckRows.get(r.code)!.height,
  );
  const s = TABLE_STYLE;
  const shownIn = (start: number, end: number) => units.slice(start, end).flatMap((u) => u.items);
  const notesHeights = new Map<string, number>();
  const pages = paginate(units, {
    capacity: CAPACITY,
    tableHeight: s.title + s.header + s.gap,
    groupHeight: s.group,
    managementHeight: s.group,
    slideNotes: (start, end) => {
      const key = `${start}-${end}`;
      if (!notesHeights.has(key)) notesHeights.set(key, notesHeight(notesOf(shownIn(start, end)).map((n) => `${n.label ?? ""}${plainText(n.text)}`)));
      return notesHeights.get(key)!;
    },
  });
  const headings = (list: FollowUpRow[]): Record<ColumnKey, string> => ({
    kpi: t("Report.colKpi"),
    target: t("Report.colTarget", { fy: String(plan.lastFy) }),
    latest: t("Report.colLatest"),
    progress: t(ratingKinds(list.map((r) => r.status)).onlyAutomatic ? "Report.colProgressAutomatic" : "Report.colProgress"),
    detail: t("Report.colDetail"),
    note: t("Report.colNote"),
  });
  const slides: DeckSlide[] = pages.map((page) => ({
    kind: "table",
    tables: tables.flatMap(({ heading, list }, ti) => {
      const piece = units.slice(page.start, page.end).filter((u) => u.table === ti);
      if (piece.length === 0) return [];
      const shown = piece.flatMap((u) => u.items);
      const continued = shown[0] !== list[0];
      const names = headings(shown);
      return [
        {
          title: t("Slides.tablePart", { title, part: heading }) + (continued ? t("Slides.continued") : ""),
          columns: columns.map((c) => ({ ...c, heading: names[c.key] })),
          groups: reportGroups(shown).map((g) => ({
            management: g.opensManagement ? t("Report.managementSection") : undefined,
            group: g.ja ? `○${locale === "ja" ? g.ja : g.en}` : undefined,
            rows: g.rows.map((r) => deckRows.get(r.code)!),
          })),
        },
      ];
    }),
    notes: notesOf(shownIn(page.start, page.end)),
  }));
  const targeted = mine.filter(isRated);
  if (targeted.length > 0) slides.push(...chartSlides(plan, round, targeted, section, locale, t));
  return slides;
}

/** The chart slides of a section: achievement of target and of the expectation to date, as many slides as its rows need, balanced. */
function chartSlides(plan: PlanData, round: RoundData, rows: FollowUpRow[], section: string, locale: "ja" | "en", t: Translate): DeckSlide[] {
  const year = fyLabel(round.fiscalYear, locale);
  const annual = plan.ratingRule === "annual_targets";
  // In the plan's last year the two are the same figure: one bar.
  const lastYear = round.fiscalYear >= plan.lastFy;
  const name = (r: FollowUpRow) => (locale === "ja" ? r.nameJa : r.nameEn);
  const s = TABLE_STYLE;
  const units: FlowUnit[] = rows.map((r) => ({
    table: 0,
    rows: 1,
    // the badge after the name takes about two characters
    height: Math.ceil(Math.max(lineCount(`${name(r)}ＡＡ`, BAR_LABEL_SHARE * SLIDE_WIDTH - 40, s.fontSize) * s.fontSize * 1.35, lastYear ? 20 : 39) + BAR_GAP),
  }));
  // The legend of the automatic ratings, under a chart whose badges include one.
  const notesOf = (shown: readonly FollowUpRow[]) => {
    const legend = ratingKinds(shown.filter((r) => !r.parentCode).map((r) => r.status)).legend;
    return legend ? [ratingLegend(plan, legend, t)] : [];
  };
  const pages = paginate(units, {
    capacity: CAPACITY,
    tableHeight: 0,
    slideHeight: SLIDE_TITLE + BAR_LEGEND + BAR_AXIS,
    slideNotes: (start, end) => {
      const lines = notesOf(rows.slice(start, end));
      return lines.length ? notesHeight(lines) + BAR_GAP : 0;
    },
  });
  const scale = achievementScale(rows.flatMap((r) => [r.status.achievementOfTarget, r.status.achievement]));
  // No figure: no bar at all (a stub at the axis start would read as 10%). A figure at or below
  // the axis start: a short mark there, its figure in the label, and the legend says what it is.
  const bar = (kind: ChartBar["kind"], ratio: number | null): ChartBar => ({
    kind,
    ratio,
    position: ratio === null ? null : scale.position(ratio),
    below: ratio !== null && ratio <= scale.min,
    label: ratio === null ? t("Figures.noData") : formatRatio(ratio, locale),
  });
  return pages.map((page) => {
    const shown = rows.slice(page.start, page.end).map((r) => ({
      code: r.code,
      sub: r.parentCode !== null,
      name: name(r),
      rating: r.parentCode ? null : { rating: r.status.rating, basis: r.status.ratingBasis },
      bars: [bar("target", r.status.achievementOfTarget), ...(lastYear ? [] : [bar("expected", r.status.achievement)])],
    }));
    return {
      kind: "chart",
      title: t(annual ? "PlanWide.chartTitle" : "Slides.chartTitle", { project: section, year }),
      legend: {
        target: lastYear ? t(annual ? "PlanWide.chartLegendSame" : "Slides.chartLegendSame") : t("Slides.chartLegendTarget"),
        expected: lastYear ? null : t(annual ? "PlanWide.chartLegendExpected" : "Slides.chartLegendExpected"),
        scale: t("Slides.chartScale", { min: formatRatio(scale.min, locale), max: formatRatio(scale.max, locale) }),
        range: t("Slides.chartScaleLog", { min: formatRatio(scale.min, locale), max: formatRatio(scale.max, locale) }),
        below: shown.some((r) => r.bars.some((b) => b.below)) ? t("Slides.chartBelow", { min: formatRatio(scale.min, locale) }) : null,
      },
      ticks: scale.ticks.map((ratio) => ({ ratio, label: formatRatio(ratio, locale), position: scale.position(ratio) })),
      one: scale.position(1),
      min: scale.min,
      max: scale.max,
      rows: shown,
      notes: notesOf(rows.slice(page.start, page.end)),
    } satisfies DeckSlide;
  });
}
