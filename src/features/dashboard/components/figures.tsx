import { useLocale, useTranslations } from "next-intl";
import { countedYearLabel, fyLabel } from "@/domain/fiscal-year";
import { formatFigure, formatTarget } from "@/domain/format";
import type { FollowUpRow, FootnoteData, PlanData } from "@/features/follow-up/model";
import { breakdownText, exactDecimals, figureFormat } from "@/features/dashboard/model";

/** The latest (cumulative) value with its single years, as the report prints it: 128件（45/36/47）. */
export function LatestValue({ row, plan, fy }: { row: FollowUpRow; plan: PlanData; fy: number }) {
  const locale = useLocale();
  const t = useTranslations("Figures");
  const format = figureFormat(row);
  const value = row.status.cumulative.value;
  const singleYears = useBreakdownText()(row, plan, fy);
  return (
    <>
      <span className="figure">{value === null ? t("noData") : formatFigure(value, format, locale)}</span>
      {row.markers.length > 0 && <span className="marker">{row.markers.join("")}</span>}
      {singleYears && <span className="breakdown">{singleYears}</span>}
    </>
  );
}

/** The single years under a latest value as text, "（45/36/47）", or null when there are none. */
export function useBreakdownText() {
  const locale = useLocale();
  const t = useTranslations();
  return (row: FollowUpRow, plan: PlanData, fy: number): string | null => breakdownText(row, plan, fy, locale, t);
}

export function TargetValue({ row }: { row: FollowUpRow }) {
  const locale = useLocale();
  const t = useTranslations("Figures");
  if (row.target === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("noTarget")}</span>
      </>
    );
  }
  return <>{formatTarget(row.target, row.targetQualifier, figureFormat(row), locale)}</>;
}

/**
 * Under a plan rated against annual targets, the as-of year's target of a KPI, beside its
 * target for the whole plan: "令和7年度の目標 130件" (nothing under the pro-rata rule).
 */
export function YearTarget({ row, fy }: { row: FollowUpRow; fy: number }) {
  const locale = useLocale();
  const t = useTranslations("RatingRule");
  const year = row.status.annual?.find((y) => y.fiscalYear === fy);
  if (!year) return null;
  const format = figureFormat(row);
  const target = formatFigure(year.target, { ...format, decimals: exactDecimals(year.target, format.decimals) }, locale);
  return <span className="breakdown year-target">{t("yearTarget", { year: countedYearLabel(fy, row.counting, locale), target })}</span>;
}

/** A KPI counted by calendar year is marked so wherever its figures are (暦年 / calendar year); one counted by fiscal year is not. */
export function CountingTag({ row }: { row: Pick<FollowUpRow, "counting"> }) {
  const t = useTranslations("KpiInfo");
  if (row.counting !== "calendar_year") return null;
  return <span className="tag">{t("tag")}</span>;
}

/** What the 暦年 mark means, under a table that has a KPI counted by calendar year (with the year the as-of round reports). */
export function CountingNote({ rows, fy }: { rows: readonly Pick<FollowUpRow, "counting">[]; fy: number }) {
  const locale = useLocale();
  const t = useTranslations("KpiInfo");
  if (!rows.some((r) => r.counting === "calendar_year")) return null;
  return <p className="legend-line">{t("tableNote", { fy: fyLabel(fy, locale), cy: countedYearLabel(fy, "calendar_year", locale) })}</p>;
}

/** Text that exists only in Japanese is marked as such, so that it is read in Japanese. */
export function Localized({ ja, en, block = false }: { ja: string | null; en: string | null; block?: boolean }) {
  const locale = useLocale();
  const t = useTranslations("Overview");
  const Tag = block ? "p" : "span";
  if (locale === "ja" || en) return <Tag>{locale === "ja" ? ja : en}</Tag>;
  if (!ja) return null;
  return (
    <Tag lang="ja">
      {ja}{" "}
      <span lang="en" className="muted">
        {t("japaneseOnly")}
      </span>
    </Tag>
  );
}

/** A KPI or project name in the page's language. */
export function useName() {
  const locale = useLocale();
  return (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
}

/** The notes of the markers (※) that the figures above carry: each ※ has its note on the same page. */
export function FootnoteList({ notes }: { notes: FootnoteData[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="footnote-list">
      {notes.map((f) => (
        <li key={`${f.marker}${f.textJa}`}>
          <span className="marker">{f.marker}</span> <Localized ja={f.textJa} en={f.textEn} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Said on a page of a year that has no follow-up (no round): there is none, and where figures
 * are shown all the same, that they are computed from the yearly actuals.
 */
export function NoRoundNotice({ rows, fy }: { rows: readonly FollowUpRow[]; fy: number }) {
  const locale = useLocale();
  const t = useTranslations("Overview");
  return (
    <p className="notice">
      {t("noRound", { year: fyLabel(fy, locale) })}
      {rows.some((r) => r.status.cumulative.value !== null) && ` ${t("computedFromActuals")}`}
    </p>
  );
}
