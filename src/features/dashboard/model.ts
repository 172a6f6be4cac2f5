/**
 * View models of the dashboards: plain data computed from a plan's follow-up, for the
 * pages (and the slides) to render. No React, no database.
 */
import type { useTranslations } from "next-intl";
import { fyShortLabel, spanYears } from "@/domain/fiscal-year";
import { displayDecimals, formatFigure, parenthesized, type FigureFormat } from "@/domain/format";
import { carriesRating, elapsedYears, isRated, planLength } from "@/domain/rating";
import type { Rating, RatingBasis, RatingRule } from "@/domain/types";
import { followUpAt, type FootnoteData, type FollowUpRow, type PlanData, type RoundData } from "@/features/follow-up/model";

export function figureFormat(row: Pick<FollowUpRow, "measure" | "unit" | "facts">): FigureFormat {
  return { measure: row.measure, unit: row.unit, decimals: displayDecimals(row.facts) };
}

export function elapsed(plan: PlanData, fy: number) {
  return { elapsed: elapsedYears(plan, fy), total: planLength(plan) };
}

export interface RatingCounts {
  A: number;
  B: number;
  none: number;
}

/** The ratings of these rows, counted as the tables show them: parent rows only (sub-targets are not rated). */
export function ratingCounts(rows: readonly FollowUpRow[]): RatingCounts {
  const counts: RatingCounts = { A: 0, B: 0, none: 0 };
  for (const r of rows) if (carriesRating(r)) counts[r.status.rating ?? "none"]++;
  return counts;
}

/**
 * Which kinds of rating some rows show, for the legend and the column heading: `onlyAutomatic`
 * when every rating shown is automatic (the heading says so), `legend` the Rating message that
 * explains the 自動 mark when any is (null when none is).
 */
export function ratingKinds(ratings: readonly { rating: Rating | null; ratingBasis: RatingBasis | null }[]) {
  const automatic = ratings.some((s) => s.ratingBasis === "automatic");
  const decided = ratings.some((s) => s.ratingBasis === "decided");
  return {
    decided,
    onlyAutomatic: automatic && !decided,
    legend: automatic ? (decided ? ("legendMixed" as const) : ("legendAutomatic" as const)) : null,
  };
}

/** The AMED budget a round shows for a project: its year's, else the latest before it (labelled with its own year). */
export function budgetAsOf(budgets: readonly { fiscalYear: number; kind: string; okuYen: number }[], fy: number) {
  return budgets.filter((b) => b.kind === "amed" && b.fiscalYear <= fy).at(-1) ?? null;
}

/**
 * A project on the overview: the KPIs with targets are listed; the counts are of every
 * indicator, as on the project's report and the slides; what is counted but not listed
 * (management and qualitative indicators) is counted apart, so that the page can say so.
 */
export function projectSummary(rows: readonly FollowUpRow[], projectNo: number | null) {
  const { output, outcome } = projectRows(rows, projectNo);
  const all = [...output, ...outcome];
  const listed = all.filter(isRated);
  const unlisted = all.filter((r) => !isRated(r) && carriesRating(r));
  return { listed, counts: ratingCounts(all), unlisted: { total: unlisted.length, counts: ratingCounts(unlisted) } };
}

/** The footnotes of some rows in some rounds, each once (a ※ that several KPIs share is one note). */
export function footnotesOf(rounds: readonly (RoundData | null)[], rows: readonly FollowUpRow[]): FootnoteData[] {
  const notes = rounds.flatMap((round) => round?.footnotes ?? []).filter((f) => rows.some((r) => r.code === f.kpi));
  return [...new Map(notes.map((f) => [`${f.marker}${f.textJa}`, f])).values()];
}

/** The rows of one project (null: the plan-wide KPIs), outputs and outcomes apart, sub-targets right after their parent. */
export function projectRows(rows: readonly FollowUpRow[], projectNo: number | null) {
  const mine = rows.filter((r) => r.projectNo === projectNo);
  return {
    output: mine.filter((r) => r.kind === "output"),
    outcome: mine.filter((r) => r.kind === "outcome"),
  };
}

/** A KPI's figures as each visible follow-up round reported them (R3: 81 → R4: 128 → R6: 214). */
export function kpiHistory(plan: PlanData, code: string, uptoFy = plan.lastFy) {
  return plan.rounds
    .filter((r) => r.fiscalYear <= uptoFy)
    .map((round) => ({ round, row: followUpAt(plan, round.fiscalYear).rows.find((r) => r.code === code)! }));
}

export interface ComparisonRow {
  row: FollowUpRow;
  cells: { round: RoundData; rating: Rating | null; ratingBasis: RatingBasis | null; achievement: number | null; cumulative: number | null }[];
  /** at the plan's end, when the last year's round is among them */
  achieved: boolean | null;
  /** rated B in any round, or not achieved at the end */
  attention: boolean;
}

/** Projects × KPIs × rounds: how each rating and achievement moved, up to a fiscal year. */
export function comparison(plan: PlanData, uptoFy: number) {
  const rounds = plan.rounds.filter((r) => r.status === "final" && r.fiscalYear <= uptoFy);
  const followUps = rounds.map((round) => ({ round, rows: followUpAt(plan, round.fiscalYear).rows }));
  const endRound = followUps.find((f) => f.round.fiscalYear === plan.lastFy);
  const rows: ComparisonRow[] = plan.kpis.map((kpi, i) => {
    const cells = followUps.map(({ round, rows }) => ({
      round,
      rating: rows[i].status.rating,
      ratingBasis: rows[i].status.ratingBasis,
      achievement: rows[i].status.achievement,
      cumulative: rows[i].status.cumulative.value,
    }));
    const achieved = endRound ? endRound.rows[i].status.achieved : null;
    const row = (followUps.at(-1)?.rows ?? followUpAt(plan, uptoFy).rows)[i];
    return { row, cells, achieved, attention: achieved === false || cells.some((c) => c.rating === "B") };
  });
  return { rounds, rows, atPlanEnd: endRound !== undefined };
}

/** The plan's fiscal years, each with its round if one is visible. */
export function yearsOfPlan(plan: PlanData) {
  return spanYears(plan).map((fy) => ({ fy, round: plan.rounds.find((r) => r.fiscalYear === fy) ?? null }));
}

export type BreakdownPart =
  { kind: "value"; fy: number; value: number } | { kind: "sum"; from: number; to: number; sum: number } | { kind: "unknown"; from: number; to: number };

/**
 * A translator over every namespace, keys as "Namespace.key": `useTranslations()` in a
 * component, `createTranslator({ locale, messages })` where there is no React (the PowerPoint
 * deck). Pure view models that produce text take one.
 */
export type Translate = ReturnType<typeof useTranslations<never>>;

/** A text in the reader's language; a text that exists only in Japanese is given in Japanese and marked so (Localized). */
export interface LocalizedText {
  text: string;
  /** set when an English reader gets the Japanese text */
  lang?: "ja";
  /** "(Japanese only)", after a text given in Japanese to an English reader */
  note?: string;
}

export function localizedText(ja: string | null | undefined, en: string | null | undefined, locale: "ja" | "en", t: Translate): LocalizedText | null {
  if (locale === "ja" || en) {
    const text = locale === "ja" ? ja : en;
    return text ? { text } : null;
  }
  return ja ? { text: ja, lang: "ja", note: t("Overview.japaneseOnly") } : null;
}

/** A localized text as one string, its note after it (for what measures or prints plain text). */
export function plainText(text: LocalizedText | null): string {
  return text ? (text.note ? `${text.text} ${text.note}` : text.text) : "";
}

/**
 * The single years under a latest value as text, "（45/36/47）", or null when there are none,
 * or when they would only repeat the value's "no data" ("no data (no data for FY2025)").
 */
export function breakdownText(row: FollowUpRow, plan: PlanData, fy: number, locale: "ja" | "en", t: Translate): string | null {
  const short = (y: number) => fyShortLabel(y, locale);
  const parts = breakdown(row, plan, fy);
  if (parts.length === 0) return null;
  if (row.status.cumulative.value === null && parts.every((p) => p.kind === "unknown")) return null;
  const figure = (n: number) => formatFigure(n, { ...figureFormat(row), unit: null }, locale);
  const text = parts
    .map((p) =>
      p.kind === "value"
        ? figure(p.value).replace("%", "")
        : p.kind === "sum"
          ? p.from === p.to
            ? t("Figures.sumOnlyOne", { year: short(p.from), sum: figure(p.sum) })
            : t("Figures.sumOnly", { from: short(p.from), to: short(p.to), sum: figure(p.sum) })
          : p.from === p.to
            ? t("Figures.unknownYearsOne", { year: short(p.from) })
            : t("Figures.unknownYears", { from: short(p.from), to: short(p.to) }),
    )
    .join("/");
  return parenthesized(text, locale);
}

/** The single years behind a cumulative, as the report prints them in (…): known values, sums, gaps. */
export function breakdown(row: FollowUpRow, plan: PlanData, fy: number): BreakdownPart[] {
  const parts: BreakdownPart[] = [];
  const missing = row.status.cumulative.missing;
  for (let y = plan.firstFy; y <= Math.min(fy, plan.lastFy); y++) {
    // a sum spans several years: the loop jumps over them
    const span = missing.find((m) => m.fromFy === y);
    if (span) {
      parts.push(span.sum === null ? { kind: "unknown", from: span.fromFy, to: span.toFy } : { kind: "sum", from: span.fromFy, to: span.toFy, sum: span.sum });
      y = span.toFy;
    } else if (row.status.values[y] !== undefined) {
      parts.push({ kind: "value", fy: y, value: row.status.values[y] });
    }
  }
  return parts;
}

export interface ChartPoint {
  fy: number;
  single: number | null;
  cumulative: number | null;
  /** the dashed line across years known only as a sum: set at the span's two ends */
  bridge: number | null;
  target: number | null;
  path: number | null;
}

/** One point per fiscal year of the plan, up to the as-of year, from the same domain functions. */
export function chartPoints(plan: PlanData, code: string, fy: number): ChartPoint[] {
  const rowAt = (y: number) => followUpAt(plan, y).rows.find((r) => r.code === code)!;
  const points: ChartPoint[] = [];
  let last: FollowUpRow | null = null;
  for (const y of spanYears(plan, fy)) {
    last = rowAt(y);
    points.push({
      fy: y,
      single: last.status.values[y] ?? null,
      cumulative: last.status.cumulative.value,
      bridge: null,
      target: last.target,
      path: last.measure === "count" ? last.status.expected : null,
    });
  }
  for (const span of last?.status.cumulative.missing ?? []) {
    const before = points.find((p) => p.fy === span.fromFy - 1);
    const end = points.find((p) => p.fy === span.toFy);
    if (span.sum !== null && before?.cumulative != null && end?.cumulative != null) {
      before.bridge = before.cumulative;
      end.bridge = end.cumulative;
    }
  }
  return points;
}

export interface ReportGroup {
  ja: string | null;
  en: string | null;
  management: boolean;
  /** true for the first group of management indicators, which opens （その他管理指標） */
  opensManagement: boolean;
  rows: FollowUpRow[];
}

/** As in the KPI list (003): groups of targeted KPIs, then （その他管理指標） and its groups. */
export function reportGroups(rows: readonly FollowUpRow[]): ReportGroup[] {
  const groups: ReportGroup[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.ja === r.groupJa && last.management === r.management) last.rows.push(r);
    else groups.push({ ja: r.groupJa, en: r.groupEn, management: r.management, opensManagement: r.management && !last?.management, rows: [r] });
  }
  return groups;
}

/** Whether a plan has KPIs of its own, apart from its projects' (the 3rd plan's 全体目標 and アウトカム指標). */
export function hasPlanWide(plan: Pick<PlanData, "kpis">): boolean {
  return plan.kpis.some((k) => k.projectNo === null);
}

/**
 * Why a KPI's automatic rating is what it is, with the figures that decide it, for the KPI
 * page to say in words. Every figure comes from the KPI's status (kpiStatus), and the verdict
 * is its automatic rating: nothing here decides A or B again.
 * - unrated: no automatic rating, and why (a sub-target, a management indicator, a qualitative
 *   KPI, a KPI without target);
 * - pro_rata: cumulative against target × elapsed ÷ years;
 * - annual_targets: cumulative against the sum of the annual targets to date, year by year;
 * - share: the cumulative share against the target share (of the as-of year, under annual_targets).
 * `rating` is null when there is no cumulative yet to compare.
 */
export type RuleExplanation =
  | { kind: "unrated"; reason: "subTarget" | "management" | "qualitative" | "noTarget" }
  | { kind: "pro_rata"; cumulative: number | null; target: number; elapsed: number; total: number; expected: number; rating: Rating | null }
  | {
      kind: "annual_targets";
      cumulative: number | null;
      /** the years to date, each with its target; their sum is `expected` */
      years: { fiscalYear: number; target: number; set: boolean }[];
      expected: number;
      /** the plan's years, which divide its target into annual ones */
      total: number;
      rating: Rating | null;
    }
  | { kind: "share"; rule: RatingRule; cumulative: number | null; target: number; fiscalYear: number; rating: Rating | null };

export function ruleExplanation(row: FollowUpRow, plan: PlanData, fy: number): RuleExplanation {
  if (!carriesRating(row)) return { kind: "unrated", reason: "subTarget" };
  if (row.management) return { kind: "unrated", reason: "management" };
  if (row.measure === "qualitative") return { kind: "unrated", reason: "qualitative" };
  const s = row.status;
  if (!isRated(row) || row.target === null || s.expected === null) return { kind: "unrated", reason: "noTarget" };
  const cumulative = s.cumulative.value;
  const rating = s.ratingAuto;
  if (row.measure === "share") {
    return { kind: "share", rule: s.rule, cumulative, target: s.expected, fiscalYear: Math.min(Math.max(fy, plan.firstFy), plan.lastFy), rating };
  }
  if (s.rule === "annual_targets" && s.annual) {
    const years = s.annual.filter((y) => y.fiscalYear <= fy).map(({ fiscalYear, target, set }) => ({ fiscalYear, target, set }));
    return { kind: "annual_targets", cumulative, years, expected: s.expected, total: planLength(plan), rating };
  }
  const { elapsed: e, total } = elapsed(plan, fy);
  return { kind: "pro_rata", cumulative, target: row.target, elapsed: e, total, expected: s.expected, rating };
}

/**
 * The decimals that print a computed figure as it is (T × e ÷ n = 4.2, a target of 650 ÷ 5
 * = 130), at least `min` and at most `max`: a rule's arithmetic must not read 4 where it
 * compares with 4.2.
 */
export function exactDecimals(n: number, min = 0, max = 2): number {
  for (let d = min; d < max; d++) if (Math.abs(Math.round(n * 10 ** d) / 10 ** d - n) < 1e-9) return d;
  return max;
}
