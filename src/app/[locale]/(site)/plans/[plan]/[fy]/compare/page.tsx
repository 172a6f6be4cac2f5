import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatRatio } from "@/domain/format";
import { AttentionFilter } from "@/features/dashboard/components/attention-filter";
import { CountingNote, CountingTag } from "@/features/dashboard/components/figures";
import { RatingBadge, RatingLegend } from "@/features/dashboard/components/rating-badge";
import { getPlanAsOf } from "@/features/dashboard/server";
import { comparison, ratingKinds } from "@/features/dashboard/model";
import { PlainLink } from "@/components/plain-link";
import { Phrased } from "@/components/phrased";
import { pageLocale } from "@/i18n/locale";

type Props = PageProps<"/[locale]/plans/[plan]/[fy]/compare">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan: code, fy } = await params;
  const locale = await pageLocale(params);
  const { plan } = await getPlanAsOf(code, fy);
  if (!plan) return {};
  const t = await getTranslations({ locale, namespace: "Compare" });
  return { title: t("title", { plan: locale === "ja" ? plan.nameJa : plan.nameEn }) };
}

export default async function ComparePage({ params }: Props) {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const { plan, fy } = await getPlanAsOf(code, fyText);
  if (!plan) notFound();
  const t = await getTranslations({ locale, namespace: "Compare" });
  const tf = await getTranslations({ locale, namespace: "Figures" });
  const tr = await getTranslations({ locale, namespace: "Rating" });
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const ta = await getTranslations({ locale, namespace: "AttentionFilter" });
  const { rounds, rows, atPlanEnd } = comparison(plan, fy);
  const cols = rounds.length + (atPlanEnd ? 2 : 1);
  // the plan-wide KPIs (全体目標, アウトカム指標) first, as a group of their own, then each project's
  const groups = [
    ...(rows.some((r) => r.row.projectNo === null) ? [{ key: "plan-wide", no: null, heading: tw("heading") }] : []),
    ...plan.projects.map((p) => ({ key: String(p.no), no: p.no, heading: `${circledNumber(p.no)} ${name(p)}` })),
  ];

  return (
    <>
      <h1>
        <Phrased text={t("title", { plan: name(plan) })} />
      </h1>
      <AttentionFilter
        label={ta("label")}
        shownAll={ta("shown", { shown: rows.length, total: rows.length })}
        shownAttention={ta("shown", { shown: rows.filter((r) => r.attention).length, total: rows.length })}
      >
        <div className="table-wrap" role="region" aria-labelledby="compare-caption" tabIndex={0}>
          <table className={rounds.length === 0 ? "report compare compare--names-only" : "report compare"}>
            <caption id="compare-caption">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colKpi")}</th>
                {rounds.map((r) => (
                  <th scope="col" key={r.fiscalYear}>
                    {fyLabel(r.fiscalYear, locale)}
                  </th>
                ))}
                {atPlanEnd && <th scope="col">{t("colAchieved")}</th>}
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.key}>
                <tr className="group">
                  <th scope="rowgroup" colSpan={cols}>
                    {g.heading}
                  </th>
                </tr>
                {!rows.some((r) => r.row.projectNo === g.no) && (
                  <tr>
                    <td colSpan={cols} className="muted">
                      {tw("emptyCard")}
                    </td>
                  </tr>
                )}
                {rows
                  .filter((r) => r.row.projectNo === g.no)
                  .map(({ row, cells, achieved, attention }) => (
                    <tr key={row.code} data-attention={attention} className={row.parentCode ? "sub" : undefined}>
                      <th scope="row">
                        <PlainLink href={`/plans/${plan.code}/${fy}/kpis/${row.code}`}>{name(row)}</PlainLink>
                        <CountingTag row={row} />
                      </th>
                      {cells.map((c) => (
                        <td key={c.round.fiscalYear} className="center">
                          {!row.parentCode && <RatingBadge rating={c.rating} basis={c.ratingBasis} />}
                          {c.achievement !== null && <span className="small"> {formatRatio(c.achievement, locale)}</span>}
                        </td>
                      ))}
                      {atPlanEnd && (
                        <td className="center">
                          {achieved === null ? (
                            <>
                              <span aria-hidden="true">—</span>
                              <span className="sr-only">{tr("none")}</span>
                            </>
                          ) : achieved ? (
                            <span className="achieved">✓ {tf("achieved")}</span>
                          ) : (
                            <span className="not-achieved">✗ {tf("notAchieved")}</span>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
        </div>
      </AttentionFilter>
      <CountingNote rows={rows.map((r) => r.row)} fy={fy} />
      <RatingLegend {...ratingKinds(rows.flatMap((r) => r.cells))} rule={plan.ratingRule} />
      {!atPlanEnd && <p className="small muted">{t("endNote")}</p>}
    </>
  );
}
