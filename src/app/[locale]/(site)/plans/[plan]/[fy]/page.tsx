import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate, parenthesized } from "@/domain/format";
import { CountingNote, FootnoteList, Localized, NoRoundNotice } from "@/features/dashboard/components/figures";
import { KpiSummaryTable } from "@/features/dashboard/components/kpi-summary-table";
import { RatingBadge, RatingLegend } from "@/features/dashboard/components/rating-badge";
import { getPlanAsOf } from "@/features/dashboard/server";
import { budgetAsOf, footnotesOf, projectRows, projectSummary, ratingKinds } from "@/features/dashboard/model";
import { followUpAt } from "@/features/follow-up/model";
import { PlainLink } from "@/components/plain-link";
import { Phrased } from "@/components/phrased";
import { pageLocale } from "@/i18n/locale";

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
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const { round, rows } = followUpAt(plan, fy);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const year = fyLabel(fy, locale);
  // the plan-wide KPIs (全体目標, アウトカム指標) and the projects' each say what kind of rating they show
  const planWide = projectRows(rows, null);
  const planWideRows = [...planWide.output, ...planWide.outcome];
  const planWideKinds = ratingKinds(planWideRows.map((r) => r.status));
  const projectKpis = rows.filter((r) => r.projectNo !== null);
  const kinds = ratingKinds(projectKpis.map((r) => r.status));
  const projectsColumn = tr(kinds.onlyAutomatic ? "columnAutomatic" : "column");

  // A final round's decks are addressed with its version, so that they can be cached for good (see the slides route).
  const deck = `/api/plans/${plan.code}/follow-up/slides?fy=${fy}&lang=${locale}${round?.status === "final" ? `&v=${round.version}` : ""}`;

  return (
    <>
      <h1>
        <Phrased text={t("title", { plan: name(plan), year })} />
      </h1>
      {round ? (
        <p className="round-meta">
          {round.meetingNo !== null && round.meetingDate && <span>{t("meeting", { no: round.meetingNo, date: formatDate(round.meetingDate, locale) })}</span>}
          {round.asOfDate && <span>{t("asOfDate", { date: formatDate(round.asOfDate, locale) })}</span>}
          <a href={`${deck}&format=pdf`} title={tsl("downloadHint", { year })}>
            {tsl("download")}
          </a>
          <a href={`${deck}&format=pptx`} title={tsl("downloadPptxHint", { year })}>
            {tsl("downloadPptx")}
          </a>
        </p>
      ) : (
        <NoRoundNotice rows={rows} fy={fy} />
      )}
      {round?.assessmentJa && (
        <section aria-labelledby="assessment">
          <h2 id="assessment">{t("assessment")}</h2>
          <Localized ja={round.assessmentJa} en={round.assessmentEn} block />
        </section>
      )}

      {planWideRows.length > 0 && (
        <section aria-labelledby="plan-wide">
          <h2 id="plan-wide">{tw("heading")}</h2>
          <div className="project-card">
            <p className="small muted">{tw("intro")}</p>
            <dl className="facts">
              <div>
                <dt>{t("counts")}</dt>
                <dd>
                  <RatingCounts {...projectSummary(rows, null).counts} noneLabel={t("countNone")} />
                </dd>
              </div>
            </dl>
            <KpiSummaryTable
              rows={planWideRows}
              plan={plan}
              fy={fy}
              caption={tw("heading")}
              ratingColumn={tr(planWideKinds.onlyAutomatic ? "columnAutomatic" : "column")}
              grouped
            />
            <p className="small">
              <PlainLink href={`/plans/${plan.code}/${fy}/plan-wide`}>{tw("openReport")}</PlainLink>
            </p>
            <FootnoteList notes={footnotesOf([round], planWideRows)} />
          </div>
          <CountingNote rows={planWideRows} fy={fy} />
          <RatingLegend {...planWideKinds} rule={plan.ratingRule} />
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
              const hasKpis = projectKpis.some((r) => r.projectNo === p.no);
              return (
                <section key={p.no} className="project-card" aria-labelledby={`project-${p.no}`}>
                  <h3 id={`project-${p.no}`}>
                    <PlainLink href={`/plans/${plan.code}/${fy}/projects/${p.no}`}>
                      {circledNumber(p.no)} {name(p)}
                    </PlainLink>
                  </h3>
                  <dl className="facts">
                    {hasKpis && (
                      <div>
                        <dt>{t("counts")}</dt>
                        <dd>
                          <RatingCounts {...counts} noneLabel={t("countNone")} />
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>{t("ministries")}</dt>
                      <dd>
                        {p.ministries.map((m, i) => (
                          <span key={m.ministry}>
                            {i > 0 && (locale === "ja" ? "、" : ", ")}
                            {m.lead && <span aria-hidden="true">◎</span>}
                            {tm(m.ministry as "MHLW")}
                            {m.lead && <span className="sr-only">{parenthesized(th("lead"), locale)}</span>}
                          </span>
                        ))}
                        {p.ministries.length === 0 && tf("noData")}
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
                  {hasKpis ? (
                    <KpiSummaryTable rows={listed} plan={plan} fy={fy} caption={name(p)} ratingColumn={projectsColumn} />
                  ) : (
                    <p className="muted">{tw("emptyCard")}</p>
                  )}
                  {unlisted.total > 0 && (
                    <p className="small muted">
                      {t("unlisted", {
                        count: unlisted.total,
                        summary: t("countsSummary", { a: unlisted.counts.A, b: unlisted.counts.B, none: unlisted.counts.none }),
                      })}{" "}
                      <PlainLink href={`/plans/${plan.code}/${fy}/projects/${p.no}`}>{t("openReport")}</PlainLink>
                    </p>
                  )}
                  <FootnoteList notes={notes} />
                </section>
              );
            })}
          </div>
          {projectKpis.length > 0 && <RatingLegend {...kinds} rule={plan.ratingRule} />}
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

/** A, B and unrated, counted: the figures of a card's 評価の内訳. */
function RatingCounts({ A, B, none, noneLabel }: { A: number; B: number; none: number; noneLabel: string }) {
  return (
    <>
      <span className="count">
        <RatingBadge rating="A" /> {A}
      </span>
      <span className="count">
        <RatingBadge rating="B" /> {B}
      </span>
      <span className="count">
        {noneLabel} {none}
      </span>
    </>
  );
}
