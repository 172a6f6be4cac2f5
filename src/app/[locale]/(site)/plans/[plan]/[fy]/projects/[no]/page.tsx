import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber } from "@/domain/format";
import { ProjectTable } from "@/features/dashboard/components/project-table";
import { CountingNote, FootnoteList, Localized, NoRoundNotice } from "@/features/dashboard/components/figures";
import { RatingLegend } from "@/features/dashboard/components/rating-badge";
import { dashboardViewer, getPlanAsOf } from "@/features/dashboard/server";
import { ReviewSection } from "@/features/review/components/review-section";
import { loadThreads } from "@/features/review/data";
import { footnotesOf, projectRows, ratingKinds } from "@/features/dashboard/model";
import { followUpAt } from "@/features/follow-up/model";
import { Phrased } from "@/components/phrased";
import { pageLocale } from "@/i18n/locale";

type Props = PageProps<"/[locale]/plans/[plan]/[fy]/projects/[no]">;

export async function generateStaticParams() {
  return [];
}

async function load(params: Props["params"]) {
  const { plan: code, fy: fyText, no } = await params;
  const locale = await pageLocale(params);
  const { plan, fy } = await getPlanAsOf(code, fyText);
  const project = plan?.projects.find((p) => String(p.no) === no);
  return { locale, plan, fy, project };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, plan, fy, project } = await load(params);
  if (!plan || !project) return {};
  const t = await getTranslations({ locale, namespace: "Report" });
  // a year without a follow-up is shown "as of" that year, as the overview does
  const key = followUpAt(plan, fy).round ? "title" : "titleAsOf";
  return { title: t(key, { project: locale === "ja" ? project.nameJa : project.nameEn, year: fyLabel(fy, locale) }) };
}

export default async function ProjectPage({ params }: Props) {
  const { locale, plan, fy, project } = await load(params);
  if (!plan || !project) notFound();
  const t = await getTranslations({ locale, namespace: "Report" });
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const { round, rows } = followUpAt(plan, fy);
  // the committee's threads on the project and its KPIs: signed-in viewers only
  const member = round ? await dashboardViewer() : null;
  const threads = member ? await loadThreads(plan.code, fy, { project: project.no }) : null;
  const { output, outcome } = projectRows(rows, project.no);
  const notes = footnotesOf([round], [...output, ...outcome]);
  const evaluation = round?.evaluations[project.no];
  const name = locale === "ja" ? project.nameJa : project.nameEn;

  return (
    <>
      <h1>
        {circledNumber(project.no)} <Phrased text={t(round ? "title" : "titleAsOf", { project: name, year: fyLabel(fy, locale) })} />
      </h1>
      {!round && <NoRoundNotice rows={[...output, ...outcome]} fy={fy} />}
      {output.length + outcome.length === 0 ? (
        <p className="notice">{tw("emptyReport")}</p>
      ) : (
        <>
          <ProjectTable id="outputs" heading={t("outputs")} rows={output} plan={plan} fy={fy} />
          <ProjectTable id="outcomes" heading={t("outcomes")} rows={outcome} plan={plan} fy={fy} />
          <p className="legend-line">{t("latestNote", { year: fyLabel(fy, locale) })}</p>
          <CountingNote rows={[...output, ...outcome]} fy={fy} />
          <RatingLegend {...ratingKinds([...output, ...outcome].map((r) => r.status))} rule={plan.ratingRule} />
        </>
      )}
      {notes.length > 0 && (
        <section aria-labelledby="footnotes" className="footnotes">
          <h2 id="footnotes">{t("footnotes")}</h2>
          <FootnoteList notes={notes} />
        </section>
      )}
      <section aria-labelledby="evaluation">
        <h2 id="evaluation">{t("evaluation")}</h2>
        {evaluation ? (
          evaluation.textJa.split("\n").map((para, i) => <Localized key={i} ja={para} en={evaluation.textEn?.split("\n")[i] ?? null} block />)
        ) : (
          <p>{t("noEvaluation")}</p>
        )}
      </section>
      {member && threads && (
        <ReviewSection
          locale={locale}
          heading="onProject"
          threads={threads}
          me={member}
          plan={plan.code}
          fy={fy}
          writable={round?.status === "draft"}
          ask={{ scope: "project", project: project.no }}
        />
      )}
    </>
  );
}
