import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate, formatRatio } from "@/domain/format";
import { FootnoteList, LatestValue, Localized, TargetValue } from "@/features/dashboard/components/figures";
import { RatingBadge, RatingLegend } from "@/features/dashboard/components/rating-badge";
import { getPlanAsOf } from "@/features/dashboard/server";
import { budgetAsOf, footnotesOf, projectSummary, ratingKinds } from "@/features/dashboard/model";
import { followUpAt } from "@/features/follow-up/model";
import { Link } from "@/i18n/navigation";
import { Phrased } from "@/components/phrased";
import { pageLocale } from "@/i18n/locale";
import type { AppLocale } from "@/i18n/routing";

type Props = PageProps<"/[locale]/plans/[plan]/[fy]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const { plan, fy } = await getPlanAsOf(code, fyText);
  if (!plan) return {};
  const t = await getTranslations({ locale, namespace: "Overview" });
  return { title: t("title", { plan: locale === "ja" ? plan.nameJa : plan.nameEn, year: fyLabel(fy, locale) }) };
}

export default async function OverviewPage({ params }: Props) {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const { plan, fy } = await getPlanAsOf(code, fyText);
  if (!plan) notFound();
  const t = await getTranslations({ locale, namespace: "Overview" });
  const tf = await getTranslations({ locale, namespace: "Figures" });
  const tm = await getTranslations({ locale, namespace: "MinistriesShort" });
  const th = await getTranslations({ locale, namespace: "Home" });
  const tr = await getTranslations({ locale, namespace: "Rating" });
  const tsl = await getTranslations({ locale, namespace: "Slides" });
  const { round, rows } = followUpAt(plan, fy);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const year = fyLabel(fy, locale);
  const kinds = ratingKinds(rows.map((r) => r.status));
  const ratingColumn = tr(kinds.onlyAutomatic ? "columnAutomatic" : "column");

  return (
    <>
      <h1>
        <Phrased text={t("title", { plan: name(plan), year })} />
      </h1>
      {round ? (
        <p className="round-meta">
          {round.meetingNo !== null && round.meetingDate && <span>{t("meeting", { no: round.meetingNo, date: formatDate(round.meetingDate, locale) })}</span>}
          {round.asOfDate && <span>{t("asOfDate", { date: formatDate(round.asOfDate, locale) })}</span>}
          <a href={`/api/plans/${plan.code}/follow-up/slides?fy=${fy}&lang=${locale}`} title={tsl("downloadHint", { year })}>
            {tsl("download")}
          </a>
        </p>
      ) : (
        <p className="notice">
          {t("noRound", { year })}
          {rows.some((r) => r.status.cumulative.value !== null) && ` ${t("computedFromActuals")}`}
        </p>
      )}
      {round?.assessmentJa && (
        <section aria-labelledby="assessment">
          <h2 id="assessment">{t("assessment")}</h2>
          <Localized ja={round.assessmentJa} en={round.assessmentEn} block />
        </section>
      )}

      {plan.projects.length === 0 && <p>{t("noProjects")}</p>}
      {plan.projects.length > 0 && (
        <section aria-labelledby="projects">
          <h2 id="projects">{t("projectsHeading")}</h2>
          <div className="project-grid">
            {plan.projects.map((p) => {
              const { listed, counts, unlisted } = projectSummary(rows, p.no);
              const notes = footnotesOf([round], listed);
              const budget = budgetAsOf(p.budgets, fy);
              return (
                <section key={p.no} className="project-card" aria-labelledby={`project-${p.no}`}>
                  <h3 id={`project-${p.no}`}>
                    <Link href={`/plans/${plan.code}/${fy}/projects/${p.no}`}>
                      {circledNumber(p.no)} {name(p)}
                    </Link>
                  </h3>
                  <dl className="facts">
                    <div>
                      <dt>{t("counts")}</dt>
                      <dd>
                        <span className="count">
                          <RatingBadge rating="A" /> {counts.A}
                        </span>
                        <span className="count">
                          <RatingBadge rating="B" /> {counts.B}
                        </span>
                        <span className="count">
                          {t("countNone")} {counts.none}
                        </span>
                      </dd>
                    </div>
                    <div>
                      <dt>{t("ministries")}</dt>
                      <dd>
                        {p.ministries.map((m, i) => (
                          <span key={m.ministry}>
                            {i > 0 && (locale === "ja" ? "、" : ", ")}
                            {m.lead && <span aria-hidden="true">◎</span>}
                            {tm(m.ministry as "MHLW")}
                            {m.lead && <span className="sr-only">（{th("lead")}）</span>}
                          </span>
                        ))}
                      </dd>
                    </div>
                    <div>
                      <dt>{t("budget")}</dt>
                      <dd>
                        {budget
                          ? t(budget.fiscalYear === fy ? "budgetOfYear" : "budgetOfEarlierYear", {
                              amount: th("budgetValue", { amount: budget.okuYen, billions: budget.okuYen / 10 }),
                              year: fyLabel(budget.fiscalYear, locale),
                              current: year,
                            })
                          : tf("noData")}
                      </dd>
                    </div>
                  </dl>
                  <table className="report compact stack stack--pairs">
                    <caption className="sr-only">{name(p)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("kpiColumn")}</th>
                        <th scope="col">{tf("target")}</th>
                        <th scope="col">{tf("achievementOfTarget")}</th>
                        <th scope="col">{tf("achievementOfExpected")}</th>
                        <th scope="col">{ratingColumn}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {listed.map((r) => (
                        <tr key={r.code}>
                          <th scope="row" className={r.parentCode ? "sub" : undefined}>
                            <Link href={`/plans/${plan.code}/${fy}/kpis/${r.code}`}>{name(r)}</Link>
                            <span className="latest">
                              <LatestValue row={r} plan={plan} fy={fy} />
                            </span>
                          </th>
                          <td className="num" data-label={tf("target")}>
                            <TargetValue row={r} />
                          </td>
                          <td className="num" data-label={tf("achievementOfTarget")}>
                            <Ratio value={r.status.achievementOfTarget} locale={locale} noData={tf("noData")} />
                          </td>
                          <td className="num" data-label={tf("achievementOfExpected")}>
                            <Ratio value={r.status.achievement} locale={locale} noData={tf("noData")} />
                          </td>
                          <td className="center" data-label={ratingColumn}>
                            {!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {unlisted.total > 0 && (
                    <p className="small muted">
                      {t("unlisted", {
                        count: unlisted.total,
                        summary: t("countsSummary", { a: unlisted.counts.A, b: unlisted.counts.B, none: unlisted.counts.none }),
                      })}{" "}
                      <Link href={`/plans/${plan.code}/${fy}/projects/${p.no}`}>{t("openReport")}</Link>
                    </p>
                  )}
                  <FootnoteList notes={notes} />
                </section>
              );
            })}
          </div>
          <RatingLegend {...kinds} />
        </section>
      )}

      {round && (
        <section aria-labelledby="highlights">
          <h2 id="highlights">{t("highlights")}</h2>
          {round.highlights.length > 0 ? (
            <ul className="highlights">
              {round.highlights.map((h, i) => {
                const project = plan.projects.find((p) => p.no === h.projectNo);
                return (
                  <li key={i}>
                    <Localized ja={h.textJa} en={h.textEn} />
                    {project && <span className="tag">{`${circledNumber(project.no)} ${name(project)}`}</span>}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t("noHighlights")}</p>
          )}
        </section>
      )}
    </>
  );
}

function Ratio({ value, locale, noData }: { value: number | null; locale: AppLocale; noData: string }) {
  if (value === null) return <span className="muted">{noData}</span>;
  return (
    <span className="ratio">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, value * 100)}%` }} />
      </span>
      {formatRatio(value, locale)}
    </span>
  );
}
