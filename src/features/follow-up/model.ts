/**
 * A plan as plain data, and its follow-up as of a fiscal year, computed by the domain
 * core. The export, the dashboards and the slides all build on followUpAt().
 */
import { fyLabel, inSpan, parseFiscalYear, spanYears } from "@/domain/fiscal-year";
import { kpiStatus, type KpiStatus } from "@/domain/follow-up";
import type { KpiKind, Measure, Rating, YearFact, PlanSpan } from "@/domain/types";

export interface KpiDef {
  code: string;
  parentCode: string | null;
  projectNo: number;
  kind: KpiKind;
  management: boolean;
  measure: Measure;
  unit: string | null;
  groupJa: string | null;
  groupEn: string | null;
  nameJa: string;
  nameEn: string;
  target: number | null;
  targetQualifier: "at_least" | null;
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
  projects: ProjectDef[];
  /** in display order: by project, then the order of the KPI list, sub-targets after their parent */
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

/** The fiscal year of a URL segment when it is a year of the plan ("2023", "R5"), else null. */
export function planYear(plan: Pick<PlanData, "firstFy" | "lastFy">, text: string): number | null {
  const fy = parseFiscalYear(decodeURIComponent(text));
  return fy !== null && inSpan(plan, fy) ? fy : null;
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
      r.status.rating,
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
    target: row.target,
    target_qualifier: row.targetQualifier,
    values: Object.fromEntries(Object.entries(s.values).map(([fy, v]) => [String(fy), v])),
    cumulative: s.cumulative.value,
    cumulative_basis: s.cumulative.basis,
    missing_years: s.cumulative.missing.map((m) => ({ from: m.fromFy, to: m.toFy, sum: m.sum })),
    expected: round4(s.expected),
    achievement: round4(s.achievement),
    achievement_of_target: round4(s.achievementOfTarget),
    rating_auto: s.ratingAuto,
    rating: s.rating,
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
    return rec;
  });
}

/** The open-data JSON of a round: the plan, the round, one row per KPI and sub-target, the footnotes. */
export function openDataJson({ plan, round, rows }: { plan: PlanData; round: RoundData; rows: FollowUpRow[] }) {
  return {
    plan: { code: plan.code, name_ja: plan.nameJa, name_en: plan.nameEn, first_fy: plan.firstFy, last_fy: plan.lastFy },
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
