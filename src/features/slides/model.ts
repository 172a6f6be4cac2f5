/**
 * The deck's layout, as pure functions: which columns a table has and how wide they are,
 * how tall a row will be (estimated from its texts and the column widths), and how rows
 * flow onto slides, balanced, so that no slide holds a lone row or a lone footnote. The
 * sizes mirror `components/slides.css`; the deck renders the slides these functions emit.
 */

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
}

/** A slide's share of the flow: units [start, end). */
export interface FlowSlide {
  start: number;
  end: number;
}

/** The height of the slide that holds units [start, end), with the headings it repeats. */
export function flowHeight(units: readonly FlowUnit[], start: number, end: number, o: FlowOptions): number {
  let h = o.slideHeight ?? 0;
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
