import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInNeeded } from "@/components/sign-in-needed";
import { fyLabel, fourDigitYear } from "@/domain/fiscal-year";
import { circledNumber, displayDecimals } from "@/domain/format";
import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { auditTrail } from "@/features/audit/data";
import { AuditTable } from "@/features/audit/components/audit-table";
import { EntryGrid, type GridKpi } from "@/features/follow-up/components/entry-grid";
import { ClientMessages } from "@/i18n/client-messages";
import { ImportPanel } from "@/features/follow-up/components/import-panel";
import { loadPlanData } from "@/features/follow-up/data";
import { editorStart, planYear, yearState } from "@/features/follow-up/model";
import { Phrased } from "@/components/phrased";
import { PlainLink } from "@/components/plain-link";
import { AssessmentForm } from "@/features/follow-up/components/assessment-form";
import { ThreadList } from "@/features/review/components/threads";
import { loadThreads } from "@/features/review/data";
import { threadCounts } from "@/features/review/model";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/workspace/[plan]/[fy]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { fy } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Workspace" });
  const year = fourDigitYear(fy);
  const readOnly = !canEditRound(await getViewer());
  if (year === null) return { title: t(readOnly ? "linkReadOnly" : "link") };
  return { title: t(readOnly ? "titleReadOnly" : "title", { year: fyLabel(year, locale) }) };
}

/** The secretariat's grid for one round; committee members see it read-only. */
export default async function WorkspacePage({ params }: Props) {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Workspace" });
  const te = await getTranslations({ locale, namespace: "Entry" });
  const ta = await getTranslations({ locale, namespace: "Audit" });
  const viewer = await getViewer();
  if (!viewer) {
    return <SignInNeeded locale={locale} title={t("link")} reason={t("signInNeeded")} />;
  }
  const plan = await loadPlanData(code, viewer);
  const fy = plan && planYear(plan, fyText);
  if (!plan || fy === null) notFound();
  const round = plan.rounds.find((r) => r.fiscalYear === fy) ?? null;
  const frozenBy = plan.rounds.find((r) => r.status === "final" && r.fiscalYear >= fy);
  // entered in a round of its own that is not final, or one to be opened; not in a year with no round
  // of its own whose figures a later final round sums ("covered": saveRound refuses it)
  const state = yearState(plan.rounds, fy);
  const editable = canEditRound(viewer) && (state.kind === "draft" || state.kind === "none");
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const tr = await getTranslations({ locale, namespace: "Review" });
  const threads = round ? await loadThreads(code, fy) : [];
  const counts = threadCounts(threads);
  const firstThread = (kpi: string) => threads.find((th) => th.kpi?.code === kpi)?.id;

  const kpis: GridKpi[] = plan.kpis.map((k) => ({
    code: k.code,
    projectNo: k.projectNo,
    parentCode: k.parentCode,
    name: name(k),
    measure: k.measure,
    unit: k.unit,
    management: k.management,
    target: k.target,
    yearTargets: k.yearTargets,
    counting: k.counting,
    decimals: displayDecimals(k.facts),
    facts: k.facts,
    review: counts[k.code] && { ...counts[k.code], label: tr("badge", counts[k.code]), href: `#thread-${firstThread(k.code)}` },
    ...editorStart(k, round, fy),
  }));
  const trail = (await auditTrail(code, { fy }, 50)) ?? [];

  return (
    <>
      <h1>
        <Phrased text={t(canEditRound(viewer) ? "title" : "titleReadOnly", { year: fyLabel(fy, locale) })} />
      </h1>
      <p>
        <PlainLink href={`/plans/${plan.code}/${fy}`}>{name(plan)}</PlainLink>
      </p>
      <p>{t("status", { status: t(`status_${round?.status ?? "none"}` as "status_draft") })}</p>
      {!canEditRound(viewer) && <p className="notice">{t("readOnly")}</p>}
      {round?.status === "final" && <p className="notice">{te("roundFinal")}</p>}
      {state.kind === "covered" && <p className="notice">{t("frozenNoRound", { year: fyLabel(fy, locale), round: fyLabel(state.by, locale) })}</p>}
      {frozenBy && round && round.status !== "final" && <p className="notice">{t("frozen")}</p>}
      <ClientMessages namespaces={["Workspace", "Entry", "PlanWide"]}>
        <EntryGrid
          plan={plan.code}
          fy={fy}
          span={{ firstFy: plan.firstFy, lastFy: plan.lastFy, ratingRule: plan.ratingRule }}
          locale={locale}
          editable={editable}
          valuesFrozen={frozenBy !== undefined}
          kpis={kpis}
          projects={plan.projects.map((p) => ({
            no: p.no,
            name: `${circledNumber(p.no)} ${name(p)}`,
            evaluation: {
              textJa: round?.evaluations[p.no]?.textJa ?? "",
              textEn: round?.evaluations[p.no]?.textEn ?? "",
              version: round?.evaluations[p.no]?.version ?? 0,
            },
          }))}
          notes={{
            version: round?.version ?? 0,
            footnotes: round?.footnotes.map((f) => ({ kpi: f.kpi, marker: f.marker, textJa: f.textJa, textEn: f.textEn ?? "" })) ?? [],
            highlights: round?.highlights.map((h) => ({ project: h.projectNo, textJa: h.textJa, textEn: h.textEn ?? "" })) ?? [],
          }}
        />
      </ClientMessages>
      {editable && (
        <ClientMessages namespaces={["Workspace"]}>
          <ImportPanel plan={plan.code} fy={fy} />
        </ClientMessages>
      )}
      {round && (
        <section aria-labelledby="evaluation">
          <h2 id="evaluation">{tr("evaluation")}</h2>
          <ClientMessages namespaces={["Review"]}>
            <AssessmentForm
              api={`/api/plans/${encodeURIComponent(plan.code)}/rounds/${fy}/assessment`}
              ja={round.assessmentJa ?? ""}
              en={round.assessmentEn ?? ""}
              editable={editable}
            />
          </ClientMessages>
        </section>
      )}
      {round && (
        <section aria-labelledby="review">
          <h2 id="review">{tr("title")}</h2>
          <p>
            <a href={`/${locale}/workspace/${encodeURIComponent(plan.code)}/${fy}/review`}>
              {tr("reviewLink", { count: threads.filter((th) => th.state === "open").length })}
            </a>
          </p>
          <ClientMessages namespaces={["Review"]}>
            <ThreadList
              threads={threads}
              me={viewer}
              api={`/api/plans/${encodeURIComponent(plan.code)}/rounds/${fy}`}
              writable={round.status === "draft"}
              subjects
            />
          </ClientMessages>
        </section>
      )}
      <section aria-labelledby="audit">
        <h2 id="audit">{t("audit")}</h2>
        <p>
          <a href={`/${locale}/workspace/${plan.code}/audit?fy=${fy}`}>{ta("roundLink")}</a>
        </p>
        <AuditTable entries={trail} plan={plan} />
      </section>
    </>
  );
}
