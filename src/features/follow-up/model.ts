/**
 * A plan as plain data, and its follow-up as of a fiscal year, computed by the domain
 * core. The export, the dashboards and the slides all build on followUpAt().
 */
import { fourDigitYear, fyLabel, inSpan, spanYears } from "@/domain/fiscal-year";
import { MAX_TEXT, readYearInput, type EntryError, type YearValues } from "@/domain/entry";
import { kpiStatus, type KpiStatus } from "@/domain/follow-up";
import { projectMark } from "@/domain/format";
import { annualTargets, carriesRating, overrideNeedsReason } from "@/domain/rating";
import type { GridRow, GridSave } from "@/features/follow-up/schema";
import type { Counting, KpiKind, Measure, PlanRule, Rating, RatingRule, YearFact, PlanSpan } from "@/domain/types";

export interface KpiDef {
  code: string;
  parentCode: string | null;
  /** null for a plan-wide KPI (the 3rd plan's 全体目標 and アウトカム指標) */
  projectNo: number | null;
  kind: KpiKind;
  management: boolean;
  measure: Measure;
  /** what its yearly figures count: fiscal years, or calendar years (the FY2025 round reports calendar 2025) */
  counting: Counting;
  unit: string | null;
  groupJa: string | null;
  groupEn: string | null;
  nameJa: string;
  nameEn: string;
  target: number | null;
  targetQualifier: "at_least" | null;
  /** the years whose target an admin set apart from the default (the total ÷ the plan's years) */
  yearTargets: Record<number, number>;
  definitionJa: string | null;
  definitionEn: string | null;
  /** with each stored row's version, for optimistic locking in data entry */
  facts: (YearFact & { version?: number })[];
}

export interface RoundEntryData {
  ratingFinal: Rating | null;
  overrideReason: string | null;
  detailJa: string | null;
  detailEn: string | null;
  noteJa: string | null;
  noteEn: string | null;
  version: number;
}

export interface FootnoteData {
  kpi: string;
  marker: string;
  textJa: string;
  textEn: string | null;
}

export interface RoundData {
  fiscalYear: number;
  meetingNo: number | null;
  meetingDate: string | null;
  asOfDate: string | null;
  status: "draft" | "final";
  titleJa: string | null;
  titleEn: string | null;
  assessmentJa: string | null;
  assessmentEn: string | null;
  entries: Record<string, RoundEntryData>;
  footnotes: FootnoteData[];
  evaluations: Record<number, { textJa: string; textEn: string | null; version: number }>;
  highlights: { projectNo: number | null; textJa: string; textEn: string | null }[];
  /** for optimistic locking of the round's footnotes and highlights */
  version: number;
}

export interface ProjectDef {
  no: number;
  code: string;
  nameJa: string;
  nameEn: string;
  ministries: { ministry: string; lead: boolean }[];
  budgets: { fiscalYear: number; kind: string; okuYen: number }[];
}

export interface PlanData {
  code: string;
  nameJa: string;
  nameEn: string;
  firstFy: number;
  lastFy: number;
  /** how the plan's KPIs are rated, as the plan declares it (src/domain/rating.ts) */
  ratingRule: RatingRule;
  projects: ProjectDef[];
  /** in display order: the plan-wide KPIs first, then by project and the order of the KPI list, sub-targets after their parent */
  kpis: KpiDef[];
  /** the rounds the viewer may see, by fiscal year */
  rounds: RoundData[];
}

export interface FollowUpRow extends KpiDef {
  entry: RoundEntryData | null;
  markers: string[];
  status: KpiStatus;
}

export interface FollowUp {
  round: RoundData | null;
  rows: FollowUpRow[];
}

/**
 * A plan read back from a snapshot taken before a field existed gets the value every record
 * had then: the 2nd plan's rule, fiscal-year counting, no year set apart, no definition.
 */
export function withDefaults(plan: PlanData): PlanData {
  return {
    ...plan,
    ratingRule: plan.ratingRule ?? "pro_rata",
    kpis: plan.kpis.map((k) => ({
      ...k,
      counting: k.counting ?? "fiscal_year",
      yearTargets: k.yearTargets ?? {},
      definitionJa: k.definitionJa ?? null,
      definitionEn: k.definitionEn ?? null,
    })),
  };
}

/** The follow-up as of a fiscal year, with that year's round where there is one. */
export function followUpAt(plan: PlanData, fy: number): FollowUp {
  const round = plan.rounds.find((r) => r.fiscalYear === fy) ?? null;
  const rows = plan.kpis.map((k) => {
    const entry = round?.entries[k.code] ?? null;
    return {
      ...k,
      entry,
      markers: round?.footnotes.filter((f) => f.kpi === k.code).map((f) => f.marker) ?? [],
      status: kpiStatus(k, plan, fy, entry?.ratingFinal),
    };
  });
  return { round, rows };
}

/** The latest final round: what the dashboards show by default. */
export function latestFinalRound(plan: PlanData): RoundData | null {
  return plan.rounds.filter((r) => r.status === "final").at(-1) ?? null;
}

export type RoundLookup =
  | { kind: "plan-not-found" }
  | { kind: "fy-outside-plan"; firstFy: number; lastFy: number }
  | { kind: "round-not-found" }
  | { kind: "ok"; plan: PlanData; round: RoundData; rows: FollowUpRow[] };

/** The follow-up of a round the viewer may see (loadPlanData has already left out the others). */
export function lookupRound(plan: PlanData | null, fy: number): RoundLookup {
  if (!plan) return { kind: "plan-not-found" };
  if (!inSpan(plan, fy)) return { kind: "fy-outside-plan", firstFy: plan.firstFy, lastFy: plan.lastFy };
  const { round, rows } = followUpAt(plan, fy);
  return round ? { kind: "ok", plan, round, rows } : { kind: "round-not-found" };
}

/** The fiscal year of a URL segment when it is a year of the plan ("2023"), else null. */
export function planYear(plan: Pick<PlanData, "firstFy" | "lastFy">, text: string): number | null {
  const fy = fourDigitYear(text);
  return fy !== null && inSpan(plan, fy) ? fy : null;
}

/**
 * Where a year's follow-up stands for data entry: its own round's status; else "covered" when a
 * later (or its own year's) final round already sums its figures, so that it cannot be opened
 * (saveRound refuses it); else "none", a round not yet started.
 */
export type YearState = { kind: "draft" | "final" | "none" } | { kind: "covered"; by: number };
export function yearState(rounds: readonly { fiscalYear: number; status: string }[], fy: number): YearState {
  const own = rounds.find((r) => r.fiscalYear === fy);
  if (own) return { kind: own.status === "final" ? "final" : "draft" };
  const covering = rounds.filter((r) => r.status === "final" && r.fiscalYear > fy).sort((a, b) => a.fiscalYear - b.fiscalYear)[0];
  return covering ? { kind: "covered", by: covering.fiscalYear } : { kind: "none" };
}

/** The plan as it stood for a round: the facts and rounds of the years up to and including fy. */
export function planUpTo(plan: PlanData, fy: number): PlanData {
  return {
    ...plan,
    kpis: plan.kpis.map((k) => ({ ...k, facts: k.facts.filter((f) => f.fiscalYear <= fy) })),
    rounds: plan.rounds.filter((r) => r.fiscalYear <= fy),
  };
}

/**
 * Whether a KPI's figures, target or ratings differ between two follow-ups of the same round
 * (e.g. as presented and now), as the public sees them: a year's row that holds nothing (a
 * value entered during an unlock, then cleared) is no figure, and no correction.
 */
export function rowChanged(before: FollowUpRow, after: FollowUpRow): boolean {
  const shown = (f: YearFact) => [f.value, f.numerator, f.denominator, f.text, f.cumulativeReported].map((v) => (v === undefined || v === "" ? null : v));
  const key = (r: FollowUpRow) =>
    JSON.stringify([
      r.target,
      r.status.cumulative.value,
      r.status.values,
      r.status.ratingAuto,
      r.status.ratingDecided,
      [...r.facts]
        .sort((a, b) => a.fiscalYear - b.fiscalYear)
        .map((f) => [f.fiscalYear, ...shown(f)])
        .filter(([, ...v]) => v.some((x) => x !== null)),
    ]);
  return key(before) !== key(after);
}

/** The open-data shapes of the follow-up: JSON rows and CSV records. */

/** Rounds a ratio for output, so that 0.1 + 0.2 noise never reaches a reader. */
function round4(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10_000) / 10_000;
}

/** The open-data shape of one row (snake_case, stable field names). */
export function exportRow(row: FollowUpRow) {
  const s = row.status;
  return {
    /** the project's number; null for a plan-wide KPI */
    project: row.projectNo,
    kpi: row.code,
    parent: row.parentCode,
    name_ja: row.nameJa,
    name_en: row.nameEn,
    group_ja: row.groupJa,
    group_en: row.groupEn,
    kind: row.kind,
    management: row.management,
    measure: row.measure,
    unit: row.unit,
    /** fiscal_year, or calendar_year: the values keyed 2025 are then calendar 2025's, reported in the FY2025 round */
    counting: row.counting,
    target: row.target,
    target_qualifier: row.targetQualifier,
    /** each year's target, for a plan rated against annual targets; null otherwise */
    target_per_year: s.annual && Object.fromEntries(s.annual.map((y) => [String(y.fiscalYear), round4(y.target)])),
    /** the plan's rating rule: pro_rata (cumulative ≥ target × elapsed ÷ years) or annual_targets (≥ the sum of the annual targets to date) */
    rating_rule: s.rule,
    values: Object.fromEntries(Object.entries(s.values).map(([fy, v]) => [String(fy), v])),
    cumulative: s.cumulative.value,
    cumulative_basis: s.cumulative.basis,
    missing_years: s.cumulative.missing.map((m) => ({ from: m.fromFy, to: m.toFy, sum: m.sum })),
    expected: round4(s.expected),
    achievement: round4(s.achievement),
    achievement_of_target: round4(s.achievementOfTarget),
    /** the automatic rating (the rule in src/domain/rating.ts) */
    rating_auto: s.ratingAuto,
    /** the committee's rating, printed in the report or entered with the round; null when none was decided */
    rating: s.ratingDecided,
    /** where the rating shown on the pages and slides comes from: decided, automatic, or null when none is shown */
    rating_basis: s.ratingBasis,
    overridden: s.overridden,
    achieved: s.achieved,
    markers: row.markers,
  };
}

export type ExportRow = ReturnType<typeof exportRow>;

const CSV_LEADING = [
  "project",
  "kpi",
  "parent",
  "name_ja",
  "name_en",
  "group_ja",
  "group_en",
  "kind",
  "management",
  "measure",
  "unit",
  "target",
  "target_qualifier",
] as const;
const CSV_TRAILING = [
  "cumulative",
  "cumulative_basis",
  "expected",
  "achievement",
  "achievement_of_target",
  "rating_auto",
  "rating",
  "rating_basis",
  "overridden",
  "achieved",
] as const;

type CsvValue = string | number | boolean | null;

/** Flat columns for CSV: one column per fiscal year of the plan. */
export function csvRecords(rows: readonly ExportRow[], span: PlanSpan): Record<string, CsvValue>[] {
  const years = spanYears(span);
  return rows.map((r) => {
    const rec: Record<string, CsvValue> = {};
    for (const k of CSV_LEADING) rec[k] = r[k];
    for (const fy of years) rec[`value_${fy}`] = r.values[String(fy)] ?? null;
    for (const k of CSV_TRAILING) rec[k] = r[k];
    rec.known_only_as_sum = r.missing_years
      .filter((m) => m.sum !== null)
      .map((m) => `${fyLabel(m.from, "en")}-${fyLabel(m.to, "en")}: ${m.sum}`)
      .join("; ");
    rec.markers = r.markers.join("");
    // Added with the 3rd plan, after every earlier column, so that a reader of the old columns reads them as before.
    rec.counting = r.counting;
    rec.rating_rule = r.rating_rule;
    for (const fy of years) rec[`target_${fy}`] = r.target_per_year?.[String(fy)] ?? null;
    return rec;
  });
}

/** The open-data JSON of a round: the plan, the round, one row per KPI and sub-target, the footnotes. */
export function openDataJson({ plan, round, rows }: { plan: PlanData; round: RoundData; rows: FollowUpRow[] }) {
  return {
    plan: { code: plan.code, name_ja: plan.nameJa, name_en: plan.nameEn, first_fy: plan.firstFy, last_fy: plan.lastFy, rating_rule: plan.ratingRule },
    round: {
      fiscal_year: round.fiscalYear,
      label_ja: fyLabel(round.fiscalYear, "ja"),
      label_en: fyLabel(round.fiscalYear, "en"),
      meeting_no: round.meetingNo,
      meeting_date: round.meetingDate,
      as_of: round.asOfDate,
      status: round.status,
    },
    rows: rows.map(exportRow),
    footnotes: round.footnotes.map((f) => ({ kpi: f.kpi, marker: f.marker, text_ja: f.textJa, text_en: f.textEn })),
  };
}

export type SaveError = {
  kpi?: string;
  project?: number;
  field: string;
  error:
    | EntryError
    | "unknownKpi"
    | "overrideNeedsReason"
    | "subTargetNotRated"
    | "unknownProject"
    | "ratingInvalid"
    | "versionInvalid"
    | "kpiDuplicate"
    | "markerMissing"
    | "footnoteDuplicate"
    | "textMissing";
};

export const VALUE_FIELDS = ["value", "numerator", "denominator", "text"] as const;
export const ENTRY_TEXT = ["detailJa", "detailEn", "noteJa", "noteEn"] as const;

/**
 * What checking a grid needs to know of the plan: its span and rating rule, the year, its KPIs
 * (a project's or plan-wide: checked alike) with their stored facts and the years' own targets,
 * its projects' numbers.
 */
export interface GridContext {
  span: PlanRule;
  fy: number;
  kpis: {
    id: number;
    code: string;
    measure: string;
    management: boolean;
    target: number | null;
    /** set for a sub-target, which takes no rating */
    parentCode?: string | null;
    /** the years whose target differs from the default, under annual_targets */
    yearTargets?: Readonly<Record<number, number>>;
    values: (YearFact & { fiscalYear: number })[];
  }[];
  projects: number[];
}

/**
 * The validation of a save, apart from writing it: every row read as typed (readYearInput),
 * text lengths, a reason for a rating other than the automatic one (computed with the values
 * being saved), evaluations, footnotes and highlights. Pure: the grid, the import and the
 * tests get the same errors; saveRound writes only when there are none.
 */
export function checkGrid(input: GridSave, context: GridContext): { errors: SaveError[]; rows: { row: GridRow; kpiId: number; values: YearValues | null }[] } {
  const { fy } = context;
  const byCode = new Map(context.kpis.map((k) => [k.code, k]));
  const projects = new Set(context.projects);
  const errors: SaveError[] = [];
  const parsed: { row: GridRow; kpiId: number; values: YearValues | null }[] = [];
  for (const row of input.rows) {
    const kpi = byCode.get(row.kpi);
    if (!kpi) {
      errors.push({ kpi: row.kpi, field: "kpi", error: "unknownKpi" });
      continue;
    }
    const touchesValues = VALUE_FIELDS.some((f) => row[f] !== undefined);
    let values: YearValues | null = null;
    if (touchesValues) {
      const read = readYearInput(kpi.measure as Measure, row);
      for (const [field, error] of Object.entries(read.errors)) errors.push({ kpi: row.kpi, field, error: error! });
      values = read.values;
    }
    for (const f of [...ENTRY_TEXT, "overrideReason"] as const) {
      if ((row[f]?.trim().length ?? 0) > MAX_TEXT) errors.push({ kpi: row.kpi, field: f, error: "tooLong" });
    }
    if (row.rating && !carriesRating(kpi)) errors.push({ kpi: row.kpi, field: "rating", error: "subTargetNotRated" });
    else if (row.rating) {
      // the automatic rating with the values being saved
      const thisYear = kpi.values.find((v) => v.fiscalYear === fy);
      const others = kpi.values.filter((v) => v.fiscalYear !== fy);
      const facts = values ? [...others, { fiscalYear: fy, ...values, cumulativeReported: thisYear?.cumulativeReported ?? null }] : kpi.values;
      const auto = kpiStatus(
        { measure: kpi.measure as Measure, management: kpi.management, target: kpi.target, yearTargets: kpi.yearTargets, facts },
        context.span,
        fy,
      ).ratingAuto;
      if (overrideNeedsReason(auto, row.rating as Rating) && !row.overrideReason?.trim())
        errors.push({ kpi: row.kpi, field: "overrideReason", error: "overrideNeedsReason" });
    }
    parsed.push({ row, kpiId: kpi.id, values });
  }
  for (const ev of input.evaluations) {
    if (!projects.has(ev.project)) errors.push({ project: ev.project, field: "project", error: "unknownProject" });
    for (const f of ["textJa", "textEn"] as const) if ((ev[f]?.trim().length ?? 0) > MAX_TEXT) errors.push({ project: ev.project, field: f, error: "tooLong" });
  }
  if (input.notes) errors.push(...notesErrors(input.notes, byCode, projects));
  return { errors, rows: parsed };
}

/** What is wrong with a round's footnotes and highlights, by their position in the lists. */
function notesErrors(notes: NonNullable<GridSave["notes"]>, kpis: Map<string, unknown>, projects: Set<number>): SaveError[] {
  const errors: SaveError[] = [];
  const seen = new Set<string>();
  notes.footnotes.forEach((f, i) => {
    const field = `footnotes.${i}`;
    if (!kpis.has(f.kpi)) errors.push({ kpi: f.kpi, field, error: "unknownKpi" });
    if (!f.marker.trim()) errors.push({ kpi: f.kpi, field, error: "markerMissing" });
    else if (seen.has(`${f.kpi} ${f.marker.trim()}`)) errors.push({ kpi: f.kpi, field, error: "footnoteDuplicate" });
    seen.add(`${f.kpi} ${f.marker.trim()}`);
    if (!f.textJa.trim()) errors.push({ kpi: f.kpi, field, error: "textMissing" });
    if (f.textJa.trim().length > MAX_TEXT || (f.textEn?.trim().length ?? 0) > MAX_TEXT) errors.push({ kpi: f.kpi, field, error: "tooLong" });
  });
  notes.highlights.forEach((h, i) => {
    const field = `highlights.${i}`;
    if (h.project !== null && !projects.has(h.project)) errors.push({ project: h.project, field, error: "unknownProject" });
    if (!h.textJa.trim()) errors.push({ field, error: "textMissing" });
    if (h.textJa.trim().length > MAX_TEXT || (h.textEn?.trim().length ?? 0) > MAX_TEXT) errors.push({ field, error: "tooLong" });
  });
  return errors;
}

/**
 * The rows of a round's template (files.ts writes them): one per KPI, the plan-wide ones first
 * (their project 全体), each with what its figure counts and, under annual_targets, the
 * year's target, prefilled with the year's values and the round's texts.
 */
export function templateRows(plan: PlanData, fy: number) {
  const round = plan.rounds.find((r) => r.fiscalYear === fy);
  return plan.kpis.map((k) => {
    const { input, entry } = editorStart(k, round, fy);
    const yearTarget = annualTargets(k, plan)?.find((y) => y.fiscalYear === fy)?.target ?? null;
    return {
      kpi: k.code,
      project: k.projectNo ?? projectMark(null, "ja"),
      name_ja: k.nameJa,
      name_en: k.nameEn,
      measure: k.measure,
      counting: k.counting,
      unit: k.unit ?? "",
      target: k.target ?? "",
      year_target: round4(yearTarget) ?? "",
      value: input.value,
      numerator: input.numerator,
      denominator: input.denominator,
      text: input.text,
      rating: entry.rating,
      override_reason: entry.overrideReason,
      detail_ja: entry.detailJa,
      detail_en: entry.detailEn,
      note_ja: entry.noteJa,
      note_en: entry.noteEn,
      value_version: input.version,
      entry_version: entry.version,
    };
  });
}

/** What an editor starts from for a KPI and a year: the stored values and the round's texts as typed text, with the versions they carry. */
export function editorStart(k: KpiDef, round: RoundData | null | undefined, fy: number) {
  const f = k.facts.find((x) => x.fiscalYear === fy);
  const e = round?.entries[k.code];
  const text = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    input: { value: text(f?.value), numerator: text(f?.numerator), denominator: text(f?.denominator), text: f?.text ?? "", version: f?.version ?? 0 },
    entry: {
      // a sub-target carries no rating: one stored before that rule is not offered back, and
      // the next save of the row clears it (through the audit, as any change)
      rating: (carriesRating(k) ? (e?.ratingFinal ?? "") : "") as Rating | "",
      overrideReason: e?.overrideReason ?? "",
      detailJa: e?.detailJa ?? "",
      detailEn: e?.detailEn ?? "",
      noteJa: e?.noteJa ?? "",
      noteEn: e?.noteEn ?? "",
      version: e?.version ?? 0,
    },
  };
}
