import { useLocale, useTranslations } from "next-intl";
import type { FollowUpRow, PlanData } from "@/features/follow-up/model";
import { PlainLink } from "@/components/plain-link";
import { CountingTag, LatestValue, Localized, TargetValue, YearTarget, useName } from "@/features/dashboard/components/figures";
import { RatingBadge } from "@/features/dashboard/components/rating-badge";
import { ratingKinds, reportGroups } from "@/features/dashboard/model";

interface Props {
  id: string;
  heading: string;
  rows: FollowUpRow[];
  plan: PlanData;
  fy: number;
}

/** One table of the report, in the official shape: 達成目標 | 最新の数値 | 進捗 | 進捗の詳細 | 備考. */
export function ProjectTable({ id, heading, rows, plan, fy }: Props) {
  const t = useTranslations("Report");
  const tr = useTranslations("Rating");
  const locale = useLocale();
  const name = useName();
  if (rows.length === 0) return null;
  const groups = reportGroups(rows);
  const progressColumn = t(ratingKinds(rows.map((r) => r.status)).onlyAutomatic ? "colProgressAutomatic" : "colProgress");
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div className="table-wrap">
        <table className="report official stack">
          <thead>
            <tr>
              <th scope="col" className="w-kpi">
                {t("colKpi")}
              </th>
              <th scope="col" className="w-target">
                {t("colTarget", { fy: String(plan.lastFy) })}
              </th>
              <th scope="col" className="w-latest">
                {t("colLatest")}
              </th>
              <th scope="col" className="w-progress">
                {progressColumn}
              </th>
              <th scope="col">{t("colDetail")}</th>
              <th scope="col" className="w-note">
                {t("colNote")}
              </th>
            </tr>
          </thead>
          {groups.map((g, gi) => (
            <tbody key={gi}>
              {g.opensManagement && (
                <tr className="section">
                  <th scope="rowgroup" colSpan={6}>
                    {t("managementSection")}
                  </th>
                </tr>
              )}
              {g.ja && (
                <tr className="group">
                  <th scope="rowgroup" colSpan={6}>
                    ○{locale === "ja" ? g.ja : g.en}
                  </th>
                </tr>
              )}
              {g.rows.map((r) => (
                <tr key={r.code} className={r.parentCode ? "sub" : undefined}>
                  <th scope="row">
                    <PlainLink href={`/plans/${plan.code}/${fy}/kpis/${r.code}`}>{name(r)}</PlainLink>
                    <CountingTag row={r} />
                  </th>
                  <td className="num" data-label={t("colTarget", { fy: String(plan.lastFy) })}>
                    <TargetValue row={r} />
                    <YearTarget row={r} fy={fy} />
                  </td>
                  <td className="num" data-label={t("colLatest")}>
                    <LatestValue row={r} plan={plan} fy={fy} />
                  </td>
                  <td className="center" data-label={progressColumn}>
                    {!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}
                    {r.status.overridden && <span className="small">{tr("overridden", { auto: r.status.ratingAuto ?? "—" })}</span>}
                  </td>
                  <td className="text" data-label={t("colDetail")}>
                    {r.entry && <Localized ja={r.entry.detailJa} en={r.entry.detailEn} />}
                  </td>
                  <td className="text small" data-label={t("colNote")}>
                    {r.entry && <Localized ja={r.entry.noteJa} en={r.entry.noteEn} />}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
