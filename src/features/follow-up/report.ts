/** The open-data shapes of the follow-up: JSON rows and CSV records. */
import { fyLabel } from "@/domain/fiscal-year";
import type { PlanSpan } from "@/domain/types";
import type { FollowUpRow } from "./model";

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
  const years: number[] = [];
  for (let fy = span.firstFy; fy <= span.lastFy; fy++) years.push(fy);
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
