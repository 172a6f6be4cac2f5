import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, parenthesized } from "@/domain/format";
import { MINISTRIES, type Ministry } from "@/domain/types";
import { getPlanWithProjects, listPlans } from "@/features/plans/data";
import { Phrased } from "@/components/phrased";
import { PlainLink } from "@/components/plain-link";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

/** A budget in 億円, with its value in billions of yen for English. */
const budget = (okuYen: number) => ({ amount: okuYen, billions: okuYen / 10 });

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Home" });
  const tm = await getTranslations({ locale, namespace: "Ministries" });
  const ts = await getTranslations({ locale, namespace: "MinistriesShort" });
  const plans = await Promise.all((await listPlans()).reverse().map((p) => getPlanWithProjects(p.code)));
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);

  return (
    <>
      <h1>{t("heading")}</h1>
      {plans.map((plan) => {
        if (!plan) return null;
        // the budget column names its year; a plan with no budget figures has no year to name
        const year = budgetYear(plan.projects);
        const budgetHeading = year === null ? t("budgetNoYear") : t("budget", { year: fyLabel(year, locale) });
        const kpisShown = projectKpisShown(plan);
        // the plan's pages open at its latest final round
        const fy = plan.rounds[0]?.fiscalYear ?? plan.firstFy;
        return (
          <section key={plan.code} className="plan" aria-labelledby={`plan-${plan.code}`}>
            <h2 id={`plan-${plan.code}`}>
              {plan.projects.length > 0 ? (
                <PlainLink href={`/plans/${plan.code}`}>
                  <Phrased text={name(plan)} />
                </PlainLink>
              ) : (
                <Phrased text={name(plan)} />
              )}
            </h2>
            <p className="muted">{t("period", { from: fyLabel(plan.firstFy, locale), to: fyLabel(plan.lastFy, locale) })}</p>
            {plan._count.kpis > 0 && (
              // the KPIs of the plan as a whole (the 3rd plan's are all so): said, so that no project's count suggests the plan has none
              <p>
                {t(kpisShown ? "planWideKpisToo" : "planWideKpisOnly", { count: plan._count.kpis })}{" "}
                <PlainLink href={`/plans/${plan.code}/${fy}/plan-wide`}>{tw("openReport")}</PlainLink>
              </p>
            )}
            {plan.projects.length === 0 ? (
              <p>{t("noProjects")}</p>
            ) : (
              <div className="table-wrap">
                <table className="report stack">
                  <caption>{t("projectsHeading")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("no")}</th>
                      <th scope="col">{t("project")}</th>
                      <th scope="col">{t("ministries")}</th>
                      {kpisShown && <th scope="col">{t("kpis")}</th>}
                      <th scope="col">{budgetHeading}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.projects.map((p) => {
                      const amed = p.budgets.find((b) => b.kind === "amed" && b.fiscalYear === year);
                      const inhouse = p.budgets.find((b) => b.kind === "inhouse" && b.fiscalYear === year);
                      return (
                        <tr key={p.no}>
                          <td className="stack-lead">{circledNumber(p.no)}</td>
                          <th scope="row">
                            <PlainLink href={`/plans/${plan.code}/${fy}/projects/${p.no}`}>{name(p)}</PlainLink>
                          </th>
                          <td data-label={t("ministries")}>
                            {p.ministries.length > 0 ? (
                              <ul className="ministries">
                                {p.ministries.map((m) => (
                                  <li key={m.ministry}>
                                    {m.lead && <span aria-hidden="true">◎</span>}
                                    {ts(m.ministry as Ministry)}
                                    {m.lead && <span className="sr-only">{parenthesized(t("lead"), locale)}</span>}
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              t("noData")
                            )}
                          </td>
                          {kpisShown && (
                            <td className="num" data-label={t("kpis")}>
                              {p._count.kpis}
                            </td>
                          )}
                          <td className="num" data-label={budgetHeading}>
                            {amed ? t("budgetValue", budget(amed.okuYen)) : t("noData")}
                            {inhouse && (
                              <>
                                <br />
                                <span className="muted">{t("inhouse", budget(inhouse.okuYen))}</span>
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <p className="muted">{t("leadNote")}</p>
                <dl className="legend" aria-label={t("ministriesLegend")}>
                  {MINISTRIES.filter((m) => plan.projects.some((p) => p.ministries.some((x) => x.ministry === m))).map((m) => (
                    <div key={m}>
                      <dt>{ts(m)}</dt>
                      <dd>{tm(m)}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The fiscal year the budget column shows: the latest year any project has a budget for. */
function budgetYear(projects: { budgets: { fiscalYear: number }[] }[]): number | null {
  const years = projects.flatMap((p) => p.budgets.map((b) => b.fiscalYear));
  return years.length ? Math.max(...years) : null;
}

/**
 * Whether the projects' KPI counts are a column: unless every project has none and the plan's
 * KPIs are all plan-wide (the 3rd plan), where a column of zeros would say the plan has none.
 */
function projectKpisShown(plan: { _count: { kpis: number }; projects: { _count: { kpis: number } }[] }): boolean {
  return plan._count.kpis === 0 || plan.projects.some((p) => p._count.kpis > 0);
}
