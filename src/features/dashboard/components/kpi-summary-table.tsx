import type { CSSProperties } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatRatio } from "@/domain/format";
import type { FollowUpRow, PlanData } from "@/features/follow-up/model";
import { PlainLink } from "@/components/plain-link";
import { CountingTag, LatestValue, TargetValue, YearTarget, useName } from "@/features/dashboard/components/figures";
import { RatingBadge } from "@/features/dashboard/components/rating-badge";
import { reportGroups } from "@/features/dashboard/model";

interface Props {
  rows: FollowUpRow[];
  plan: PlanData;
  fy: number;
  caption: string;
  ratingColumn: string;
  /** the KPI list's groups as rows of their own (○全体目標, ○アウトカム指標) */
  grouped?: boolean;
}

/** The overview's table of some KPIs: each with its latest value, target, achievements and rating (cards of two by two on a phone). */
export function KpiSummaryTable({ rows, plan, fy, caption, ratingColumn, grouped = false }: Props) {
  const t = useTranslations("Overview");
  const tf = useTranslations("Figures");
  const trr = useTranslations("RatingRule");
  const locale = useLocale();
  const name = useName();
  const ofExpected = plan.ratingRule === "annual_targets" ? trr("achievementOfExpected") : tf("achievementOfExpected");
  const groups = grouped ? reportGroups(rows) : [{ ja: null, en: null, rows }];
  return (
    <table className="report compact stack stack--pairs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("kpiColumn")}</th>
          <th scope="col">{tf("target")}</th>
          <th scope="col">{tf("achievementOfTarget")}</th>
          <th scope="col">{ofExpected}</th>
          <th scope="col">{ratingColumn}</th>
        </tr>
      </thead>
      {groups.map((g, gi) => (
        <tbody key={gi}>
          {g.ja && (
            <tr className="group">
              <th scope="rowgroup" colSpan={5}>
                ○{locale === "ja" ? g.ja : g.en}
              </th>
            </tr>
          )}
          {g.rows.map((r) => (
            <tr key={r.code}>
              <th scope="row" className={r.parentCode ? "sub" : undefined}>
                <PlainLink href={`/plans/${plan.code}/${fy}/kpis/${r.code}`}>{name(r)}</PlainLink>
                <CountingTag row={r} />
                <span className="latest">
                  <LatestValue row={r} plan={plan} fy={fy} />
                </span>
              </th>
              <td className="num" data-label={tf("target")}>
                <TargetValue row={r} />
                <YearTarget row={r} fy={fy} />
              </td>
              <td className="num" data-label={tf("achievementOfTarget")}>
                <Ratio value={r.status.achievementOfTarget} noData={tf("noData")} />
              </td>
              <td className="num" data-label={ofExpected}>
                <Ratio value={r.status.achievement} noData={tf("noData")} />
              </td>
              <td className="center" data-label={ratingColumn}>
                {!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function Ratio({ value, noData }: { value: number | null; noData: string }) {
  const locale = useLocale();
  if (value === null) return <span className="muted">{noData}</span>;
  return (
    // the bar is drawn by the stylesheet (.ratio::before), as wide as --ratio: one element per figure
    <span className="ratio" style={{ "--ratio": `${Math.min(100, value * 100)}%` } as CSSProperties}>
      {formatRatio(value, locale)}
    </span>
  );
}
