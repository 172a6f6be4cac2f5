import { useLocale, useTranslations } from "next-intl";
import { fyShortLabel } from "@/domain/fiscal-year";
import { formatFigure, formatTarget } from "@/domain/format";
import type { FollowUpRow, FootnoteData, PlanData } from "@/features/follow-up/model";
import { breakdown, figureFormat } from "@/features/dashboard/model";

/** The latest (cumulative) value with its single years, as the report prints it: 128件（45/36/47）. */
export function LatestValue({ row, plan, fy }: { row: FollowUpRow; plan: PlanData; fy: number }) {
  const locale = useLocale();
  const t = useTranslations("Figures");
  const format = figureFormat(row);
  const value = row.status.cumulative.value;
  const parts = breakdown(row, plan, fy);
  const short = (y: number) => fyShortLabel(y, locale);
  return (
    <>
      <span className="figure">{value === null ? t("noData") : formatFigure(value, format, locale)}</span>
      {row.markers.length > 0 && <span className="marker">{row.markers.join("")}</span>}
      {parts.length > 0 && (
        <span className="breakdown">
          {locale === "ja" ? "（" : " ("}
          {parts
            .map((p) =>
              p.kind === "value"
                ? formatFigure(p.value, { ...format, unit: null }, locale).replace("%", "")
                : p.kind === "sum"
                  ? p.from === p.to
                    ? t("sumOnlyOne", { year: short(p.from), sum: formatFigure(p.sum, { ...format, unit: null }, locale) })
                    : t("sumOnly", { from: short(p.from), to: short(p.to), sum: formatFigure(p.sum, { ...format, unit: null }, locale) })
                  : t("unknownYears", { from: short(p.from), to: short(p.to) }),
            )
            .join("/")}
          {locale === "ja" ? "）" : ")"}
        </span>
      )}
    </>
  );
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
