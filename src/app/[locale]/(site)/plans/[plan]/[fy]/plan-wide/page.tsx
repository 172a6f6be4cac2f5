import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { ProjectTable } from "@/features/dashboard/components/project-table";
import { CountingNote, FootnoteList, NoRoundNotice } from "@/features/dashboard/components/figures";
import { RatingLegend } from "@/features/dashboard/components/rating-badge";
import { getPlanAsOf } from "@/features/dashboard/server";
import { footnotesOf, hasPlanWide, projectRows, ratingKinds } from "@/features/dashboard/model";
import { followUpAt } from "@/features/follow-up/model";
import { Phrased } from "@/components/phrased";
import { pageLocale } from "@/i18n/locale";

type Props = PageProps<"/[locale]/plans/[plan]/[fy]/plan-wide">;

async function load(params: Props["params"]) {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const { plan, fy } = await getPlanAsOf(code, fyText);
  return { locale, plan: plan && hasPlanWide(plan) ? plan : null, fy };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, plan, fy } = await load(params);
  if (!plan) return {};
  const t = await getTranslations({ locale, namespace: "PlanWide" });
  // a year without a follow-up is shown "as of" that year, as the overview does
  return { title: t(followUpAt(plan, fy).round ? "title" : "titleAsOf", { year: fyLabel(fy, locale) }) };
}

/** The report on the plan's own KPIs (the 3rd plan's 全体目標 and アウトカム指標), in the shape of a project's. */
export default async function PlanWidePage({ params }: Props) {
  const { locale, plan, fy } = await load(params);
  if (!plan) notFound();
  const t = await getTranslations({ locale, namespace: "Report" });
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const { round, rows } = followUpAt(plan, fy);
  const { output, outcome } = projectRows(rows, null);
  const all = [...output, ...outcome];
  const notes = footnotesOf([round], all);

  return (
    <>
      <h1>
        <Phrased text={tw(round ? "title" : "titleAsOf", { year: fyLabel(fy, locale) })} />
      </h1>
      {!round && <NoRoundNotice rows={all} fy={fy} />}
      <p>{tw("intro")}</p>
      <ProjectTable id="outputs" heading={t("outputs")} rows={output} plan={plan} fy={fy} />
      <ProjectTable id="outcomes" heading={t("outcomes")} rows={outcome} plan={plan} fy={fy} />
      <p className="legend-line">{t("latestNote", { year: fyLabel(fy, locale) })}</p>
      <CountingNote rows={all} fy={fy} />
      <RatingLegend {...ratingKinds(all.map((r) => r.status))} rule={plan.ratingRule} />
      {notes.length > 0 && (
        <section aria-labelledby="footnotes" className="footnotes">
          <h2 id="footnotes">{t("footnotes")}</h2>
          <FootnoteList notes={notes} />
        </section>
      )}
    </>
  );
}
