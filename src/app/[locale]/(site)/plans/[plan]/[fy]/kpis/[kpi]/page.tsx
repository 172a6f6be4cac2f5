import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { countedYearLabel, fyLabel, fyShortLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate, formatFigure, formatRatio, parenthesized } from "@/domain/format";
import { FootnoteList, LatestValue, Localized, TargetValue } from "@/features/dashboard/components/figures";
import { LazyKpiChart } from "@/features/dashboard/components/lazy-kpi-chart";
import { RatingBadge, RatingLegend } from "@/features/dashboard/components/rating-badge";
import { RuleExplanation } from "@/features/dashboard/components/rule-explanation";
import { dashboardViewer, getPlanAsOf } from "@/features/dashboard/server";
import { ReviewSection } from "@/features/review/components/review-section";
import { loadThreads } from "@/features/review/data";
import { chartPoints, exactDecimals, figureFormat, footnotesOf, kpiHistory, ratingKinds, ruleExplanation } from "@/features/dashboard/model";
import { presentedSnapshot } from "@/features/follow-up/data";
import { followUpAt, rowChanged } from "@/features/follow-up/model";
import { PlainLink } from "@/components/plain-link";
import { pageLocale } from "@/i18n/locale";

type Props = PageProps<"/[locale]/plans/[plan]/[fy]/kpis/[kpi]">;

export async function generateStaticParams() {
  return [];
}

async function load(params: Props["params"]) {
  const { plan: code, fy: fyText, kpi } = await params;
  const locale = await pageLocale(params);
  const { plan, fy } = await getPlanAsOf(code, fyText);
  const followUp = plan ? followUpAt(plan, fy) : null;
  const row = followUp?.rows.find((r) => r.code === kpi);
  // The figures as first presented, shown next to today's when a correction changed them.
  const presented = row && followUp?.round ? await presentedSnapshot(code, fy) : null;
  const before = presented && row && followUpAt(presented.plan, fy).rows.find((r) => r.code === kpi);
  const asPresented = before && rowChanged(before, row) ? { snapshot: presented, row: before } : null;
  return { locale, plan, fy, followUp, row, asPresented };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, row } = await load(params);
  return row ? { title: locale === "ja" ? row.nameJa : row.nameEn } : {};
}

export default async function KpiPage({ params }: Props) {
  const { locale, plan, fy, followUp, row, asPresented } = await load(params);
  if (!plan || !followUp || !row) notFound();
  const t = await getTranslations({ locale, namespace: "Kpi" });
  const tf = await getTranslations({ locale, namespace: "Figures" });
  const tr = await getTranslations({ locale, namespace: "Rating" });
  const tn = await getTranslations({ locale, namespace: "Nav" });
  const trr = await getTranslations({ locale, namespace: "RatingRule" });
  const ti = await getTranslations({ locale, namespace: "KpiInfo" });
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  // a plan-wide KPI (全体目標, アウトカム指標) belongs to no project
  const project = plan.projects.find((p) => p.no === row.projectNo) ?? null;
  const parent = row.parentCode ? followUp.rows.find((r) => r.code === row.parentCode) : null;
  const subs = followUp.rows.filter((r) => r.parentCode === row.code);
  const format = figureFormat(row);
  const fig = (n: number | null) => (n === null ? tf("noData") : formatFigure(n, format, locale));
  const points = chartPoints(plan, row.code, fy);
  const sumSpans = row.status.cumulative.missing.filter((m) => m.sum !== null);
  const history = kpiHistory(plan, row.code, fy);
  const title = parent ? `${name(parent)}${parenthesized(name(row), locale)}` : name(row);
  const s = row.status;
  // under annual_targets: each year's target and whether its actual met it
  const annual = new Map(s.annual?.map((y) => [y.fiscalYear, y]));
  const byAnnualTargets = s.rule === "annual_targets";
  const year = (y: number) => countedYearLabel(y, row.counting, locale);
  const exact = (n: number | null) => (n === null ? tf("noData") : formatFigure(n, { ...format, decimals: exactDecimals(n, format.decimals) }, locale));
  const noFigures = points.every((p) => p.single === null && p.cumulative === null) && sumSpans.length === 0;
  // the committee's threads: signed-in viewers only (the public's pages are rendered without a viewer)
  const member = followUp.round ? await dashboardViewer() : null;
  const threads = member ? await loadThreads(plan.code, fy, { kpi: row.code }) : null;

  return (
    <>
      <p className="breadcrumb">
        {project ? (
          <PlainLink href={`/plans/${plan.code}/${fy}/projects/${project.no}`}>
            {circledNumber(project.no)} {name(project)}
          </PlainLink>
        ) : (
          <PlainLink href={`/plans/${plan.code}/${fy}/plan-wide`}>{tw("heading")}</PlainLink>
        )}
        {parent && (
          <>
            {" › "}
            <PlainLink href={`/plans/${plan.code}/${fy}/kpis/${parent.code}`}>{name(parent)}</PlainLink>
          </>
        )}
      </p>
      <h1>{title}</h1>
      {(row.definitionJa || row.definitionEn) && (
        <p className="definition">
          <span aria-hidden="true">※</span>
          {ti("definition")}
          <Localized ja={row.definitionJa} en={row.definitionEn} />
        </p>
      )}

      <dl className="summary">
        <div>
          <dt>{tf("target")}</dt>
          <dd>
            <TargetValue row={row} />
            {row.management && <span className="tag">{tf("management")}</span>}
          </dd>
        </div>
        <div>
          <dt>{tn("asOfCurrent", { year: fyLabel(fy, locale) })}</dt>
          <dd>
            <LatestValue row={row} plan={plan} fy={fy} />
            <span className="small muted">{tf(`basis_${s.cumulative.basis}`)}</span>
          </dd>
        </div>
        {row.measure !== "qualitative" && (
          <div>
            <dt>{ti("counting")}</dt>
            <dd>
              {ti(row.counting)}
              {row.counting === "calendar_year" && <span className="small muted">{ti("calendarNote", { fy: fyLabel(fy, locale), cy: year(fy) })}</span>}
            </dd>
          </div>
        )}
        {s.expected !== null && row.measure === "count" && (
          <div>
            <dt>{byAnnualTargets ? trr("expected", { year: year(fy) }) : tf("expected")}</dt>
            <dd>{exact(s.expected)}</dd>
          </div>
        )}
        {s.achievementOfTarget !== null && (
          <div>
            <dt>{tf("achievementOfTarget")}</dt>
            <dd>{formatRatio(s.achievementOfTarget, locale)}</dd>
          </div>
        )}
        {!row.parentCode && (
          <>
            <div>
              <dt>{tr("auto")}</dt>
              <dd>
                <RatingBadge rating={s.ratingAuto} basis="automatic" />
              </dd>
            </div>
            <div>
              <dt>{tr("decided")}</dt>
              <dd>
                {s.ratingDecided ? <RatingBadge rating={s.ratingDecided} basis="decided" /> : <span className="muted">{tr("notDecided")}</span>}
                {s.overridden && row.entry?.overrideReason && (
                  <span className="small">
                    {tr("reason")}: {row.entry.overrideReason}
                  </span>
                )}
              </dd>
            </div>
          </>
        )}
        {s.achieved !== null && (
          <div>
            <dt>{tf("achievedAtEnd")}</dt>
            <dd>{s.achieved ? tf("achieved") : tf("notAchieved")}</dd>
          </div>
        )}
      </dl>

      <RuleExplanation explanation={ruleExplanation(row, plan, fy)} row={row} fy={fy} />

      {asPresented && (
        <section aria-labelledby="presented" className="presented">
          <h2 id="presented">{t("presented")}</h2>
          <p className="notice">{t("presentedCaption")}</p>
          <div className="table-wrap">
            <table className="report">
              <thead>
                <tr>
                  <th scope="col">{t("colItem")}</th>
                  <th scope="col">
                    {asPresented.snapshot.meetingNo !== null && asPresented.snapshot.meetingDate
                      ? t("presentedAt", { no: asPresented.snapshot.meetingNo, date: formatDate(asPresented.snapshot.meetingDate, locale) })
                      : t("presentedOn", { date: formatDate(asPresented.snapshot.takenOn, locale) })}
                  </th>
                  <th scope="col">{t("colNow")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{tf("target")}</th>
                  <td className="num">
                    <TargetValue row={asPresented.row} />
                  </td>
                  <td className="num">
                    <TargetValue row={row} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">{tn("asOfCurrent", { year: fyLabel(fy, locale) })}</th>
                  <td className="num">
                    <LatestValue row={asPresented.row} plan={asPresented.snapshot.plan} fy={fy} />
                  </td>
                  <td className="num">
                    <LatestValue row={row} plan={plan} fy={fy} />
                  </td>
                </tr>
                {!row.parentCode &&
                  (["auto", "decided"] as const).map((which) => (
                    <tr key={which}>
                      <th scope="row">{tr(which)}</th>
                      {[asPresented.row.status, s].map((st, i) => (
                        <td className="center" key={i}>
                          {which === "auto" ? (
                            <RatingBadge rating={st.ratingAuto} basis="automatic" />
                          ) : st.ratingDecided ? (
                            <RatingBadge rating={st.ratingDecided} basis="decided" />
                          ) : (
                            <span className="muted">{tr("notDecided")}</span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {row.measure !== "qualitative" && noFigures && <p className="notice">{ti("noFigures", { year: fyLabel(fy, locale) })}</p>}
      {row.measure !== "qualitative" && !noFigures && (
        <figure className="chart" aria-labelledby="chart-title">
          <figcaption id="chart-title">
            {t("chartTitle", { kpi: title })} <span className="muted small">{t("chartAlt")}</span>
          </figcaption>
          <div aria-hidden="true">
            <LazyKpiChart
              points={points.map((p) => ({ ...p, label: row.counting === "calendar_year" ? year(p.fy) : fyShortLabel(p.fy, locale) }))}
              labels={{
                single: t("seriesSingle"),
                cumulative: t("seriesCumulative"),
                sumOnly: t("seriesSumOnly"),
                target: t("seriesTarget"),
                path: byAnnualTargets ? trr("seriesPath") : t("seriesPath"),
              }}
              decimals={format.decimals}
              locale={locale === "ja" ? "ja-JP" : "en-US"}
            />
          </div>
        </figure>
      )}
      {sumSpans.map((m) => (
        <p key={m.fromFy} className="notice">
          {m.fromFy === m.toFy
            ? tf("sumOnlyNoteOne", { year: year(m.fromFy), sum: fig(m.sum) })
            : tf("sumOnlyNote", { from: year(m.fromFy), to: year(m.toFy), sum: fig(m.sum) })}
        </p>
      ))}

      {row.measure !== "qualitative" && (
        <div className="table-wrap" role="region" aria-labelledby="years-caption" tabIndex={0}>
          <table className="report years">
            <caption id="years-caption">
              {row.counting === "calendar_year" ? ti("tableCaption_calendar_year", { kpi: title }) : t("tableCaption", { kpi: title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{row.counting === "calendar_year" ? ti("colYear_calendar_year") : t("colYear")}</th>
                <th scope="col">{t("colSingle")}</th>
                {annual.size > 0 && (
                  <>
                    <th scope="col">{trr("colYearTarget")}</th>
                    <th scope="col">{trr("colMet")}</th>
                  </>
                )}
                <th scope="col">{t("colCumulative")}</th>
                {row.measure === "count" && row.target !== null && <th scope="col">{byAnnualTargets ? trr("colTargetsToDate") : t("colExpected")}</th>}
                {row.target !== null && !byAnnualTargets && <th scope="col">{t("colTarget")}</th>}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => {
                const span = sumSpans.find((m) => p.fy >= m.fromFy && p.fy <= m.toFy);
                const ofYear = annual.get(p.fy);
                return (
                  <tr key={p.fy}>
                    <th scope="row">{year(p.fy)}</th>
                    {span ? (
                      span.fromFy === p.fy && (
                        <td className="num" rowSpan={span.toFy - span.fromFy + 1}>
                          {span.fromFy === span.toFy
                            ? tf("sumOnlyOne", { year: fyShortLabel(span.fromFy, locale), sum: fig(span.sum) })
                            : tf("sumOnly", { from: fyShortLabel(span.fromFy, locale), to: fyShortLabel(span.toFy, locale), sum: fig(span.sum) })}
                        </td>
                      )
                    ) : (
                      <td className="num">{fig(p.single)}</td>
                    )}
                    {ofYear && (
                      <>
                        <td className="num">{exact(ofYear.target)}</td>
                        <td className="center">
                          {ofYear.met === null ? (
                            <span className="muted">{tf("noData")}</span>
                          ) : ofYear.met ? (
                            <span className="achieved">✓ {trr("met")}</span>
                          ) : (
                            <span className="not-achieved">✗ {trr("notMet")}</span>
                          )}
                        </td>
                      </>
                    )}
                    <td className="num">{fig(p.cumulative)}</td>
                    {row.measure === "count" && row.target !== null && <td className="num">{exact(p.path)}</td>}
                    {row.target !== null && !byAnnualTargets && <td className="num">{fig(p.target)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="history">
        <h2 id="history">{t("history")}</h2>
        {history.length > 0 && (
          <p className="history-line">
            {history.map((h, i) => (
              <span key={h.round.fiscalYear}>
                {i > 0 && " → "}
                {fyShortLabel(h.round.fiscalYear, locale)}: {fig(h.row.status.cumulative.value)}
              </span>
            ))}
          </p>
        )}
        <table className="report">
          <caption className="sr-only">{t("historyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colRound")}</th>
              <th scope="col">{t("colValue")}</th>
              <th scope="col">{t("colRating")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map(({ round, row: r }) => (
              <tr key={round.fiscalYear}>
                <th scope="row">{fyLabel(round.fiscalYear, locale)}</th>
                <td className="num">
                  <LatestValue row={r} plan={plan} fy={round.fiscalYear} />
                </td>
                <td className="center">{!r.parentCode && <RatingBadge rating={r.status.rating} basis={r.status.ratingBasis} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <RatingLegend {...ratingKinds(row.parentCode ? [] : [s, ...history.map((h) => h.row.status)])} rule={s.rule} />
        <FootnoteList notes={footnotesOf([followUp.round, ...history.map((h) => h.round)], [row, ...subs])} />
      </section>

      {subs.length > 0 && (
        <section aria-labelledby="subs">
          <h2 id="subs">{t("subTargets")}</h2>
          <ul>
            {subs.map((sub) => (
              <li key={sub.code}>
                <PlainLink href={`/plans/${plan.code}/${fy}/kpis/${sub.code}`}>{name(sub)}</PlainLink>
                {": "}
                <LatestValue row={sub} plan={plan} fy={fy} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {row.entry && (row.entry.detailJa || row.entry.noteJa) && (
        <section aria-labelledby="detail">
          <h2 id="detail">{t("detail", { year: fyLabel(fy, locale) })}</h2>
          <Localized ja={row.entry.detailJa} en={row.entry.detailEn} block />
          {row.entry.noteJa && (
            <p className="small">
              {t("note")}: <Localized ja={row.entry.noteJa} en={row.entry.noteEn} />
            </p>
          )}
        </section>
      )}

      {member && threads && (
        <ReviewSection
          locale={locale}
          heading="onKpi"
          threads={threads}
          me={member}
          plan={plan.code}
          fy={fy}
          writable={followUp.round?.status === "draft"}
          ask={{ scope: "kpi", kpi: row.code }}
        />
      )}
    </>
  );
}
