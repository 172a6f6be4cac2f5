import "../../../admin.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { AdminNav } from "@/components/admin-nav";
import { SignInNeeded } from "@/components/sign-in-needed";
import { countedYearLabel, fyLabel, spanYears } from "@/domain/fiscal-year";
import { circledNumber, formatNumber, formatTarget } from "@/domain/format";
import { annualTarget } from "@/domain/rating";
import { KPI_GROUPS, structureState } from "@/domain/structure";
import type { Counting, KpiKind, Measure } from "@/domain/types";
import { canAdminister } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { auditTrail } from "@/features/audit/data";
import { StructureAdmin, type GroupOption, type StructureKpi, type StructureList } from "@/features/plans/components/structure-admin";
import { listPlans, planStructure } from "@/features/plans/data";
import { ministriesLine } from "@/features/plans/model";
import { pageLocale } from "@/i18n/locale";
import { PlainLink } from "@/components/plain-link";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/admin/plans/[plan]/structure">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AdminStructure" });
  return { title: t("titleShort") };
}

/**
 * A plan's structure for admins: the lock, projects and KPIs to add, remove and reorder,
 * special targets, each KPI's counting basis and definition, annual targets and their history.
 */
export default async function StructureAdminPage({ params }: Props) {
  const { plan: code } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "AdminStructure" });
  const ta = await getTranslations({ locale, namespace: "Admin" });
  if (!canAdminister(await getViewer())) {
    return <SignInNeeded locale={locale} title={t("titleShort")} reason={ta("adminsOnly")} />;
  }
  const [plan, plans] = await Promise.all([planStructure(code), listPlans()]);
  if (!plan) notFound();
  const [history, unlocks] = await Promise.all([auditTrail(code, { action: "kpi.yearTarget" }, 1000), auditTrail(code, { action: "plan.structureUnlock" }, 1)]);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const when = (iso: string) => new Date(iso).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo" });
  const num = (n: number) => formatNumber(n, locale, Number.isInteger(n) ? 0 : 2);

  const state = structureState({ finalRounds: plan.rounds.length, structureUnlockedAt: plan.structureUnlockedAt });
  const lastFinal = plan.rounds.at(-1)?.fiscalYear;
  const stateText =
    state === "open"
      ? t("state_open")
      : state === "locked"
        ? t("state_locked", { year: fyLabel(lastFinal!, locale) })
        : t("state_unlocked", { at: when(plan.structureUnlockedAt!.toISOString()) });
  const annual = plan.ratingRule === "annual_targets";

  const kpi = (k: (typeof plan.kpis)[number]): StructureKpi => {
    const f = { measure: k.measure as Measure, unit: k.unit, decimals: 0 };
    const yearTargets = Object.fromEntries(k.yearTargets.map((y) => [y.fiscalYear, y.target]));
    const spec = { measure: k.measure as Measure, management: k.management, target: k.target, yearTargets };
    const hasYears = annual && annualTarget(spec, plan, plan.firstFy) !== null;
    const years = hasYears
      ? spanYears(plan).map((fy) => {
          const value = annualTarget(spec, plan, fy)!;
          const set = yearTargets[fy] !== undefined;
          return {
            fy,
            label: countedYearLabel(fy, k.counting as Counting, locale),
            target: `${num(value)}${f.measure === "share" ? "%" : locale === "ja" ? (k.unit ?? "") : ""}`,
            value: set ? String(value) : "",
            set,
          };
        })
      : null;
    const sum = years && k.measure === "count" ? spanYears(plan).reduce((s, fy) => s + annualTarget(spec, plan, fy)!, 0) : null;
    return {
      code: k.code,
      name: name(k),
      sub: k.parent !== null,
      kind: k.kind as KpiKind,
      measure: k.measure as Measure,
      unit: k.unit,
      groupJa: k.groupJa,
      groupEn: k.groupEn,
      group: locale === "ja" ? k.groupJa : k.groupEn,
      target: k.target === null ? null : formatTarget(k.target, k.targetQualifier === "at_least" ? "at_least" : null, f, locale),
      counting: k.counting as Counting,
      definitionJa: k.definitionJa,
      definitionEn: k.definitionEn,
      figures: k._count.values + k._count.entries + k._count.footnotes,
      years,
      sum: sum === null ? null : t("sum", { sum: num(sum), total: num(k.target!) }),
      history: (history ?? [])
        .filter((h) => h.kpi === k.code)
        .map((h) => ({
          id: h.id,
          year: h.fiscalYear ? countedYearLabel(h.fiscalYear, k.counting as Counting, locale) : "",
          old: h.oldValue === null ? null : num(Number(h.oldValue)),
          new: h.newValue === null ? null : num(Number(h.newValue)),
          reason: h.reason,
          who: h.user,
          when: when(h.at),
          at: h.at,
        })),
    };
  };
  const lists: StructureList[] = [
    { project: null, heading: t("planWide"), kpis: plan.kpis.filter((k) => k.projectId === null).map(kpi) },
    ...plan.projects.map((p) => ({
      project: p.no,
      heading: `${circledNumber(p.no)} ${name(p)}`,
      kpis: plan.kpis.filter((k) => k.projectId === p.id).map(kpi),
    })),
  ];
  // The groups the forms offer, then the plan's own (as the 2nd plan's ○… headings).
  const groups: GroupOption[] = KPI_GROUPS.map((g) => ({ ja: g.ja, en: g.en, label: locale === "ja" ? g.ja : g.en }));
  for (const k of plan.kpis) {
    if (k.groupJa === null || groups.some((g) => g.ja === k.groupJa && g.en === (k.groupEn ?? ""))) continue;
    groups.push({ ja: k.groupJa, en: k.groupEn ?? "", label: (locale === "ja" ? k.groupJa : k.groupEn) || k.groupJa });
  }

  return (
    <>
      <AdminNav locale={locale} current={`/admin/plans/${plan.code}/structure`} plans={plans.map((p) => ({ code: p.code, name: name(p) }))} />
      <h1>{t("title", { plan: name(plan) })}</h1>
      <p className="admin-intro">{t("intro")}</p>
      <p>
        <PlainLink href={`/admin/projects/${plan.code}`}>{t("projectsPageLink")}</PlainLink>
      </p>
      <ClientMessages namespaces={["AdminStructure", "Admin"]}>
        <StructureAdmin
          plan={plan.code}
          locale={locale}
          state={state}
          stateText={stateText}
          unlockReason={state === "unlocked" ? (unlocks?.[0]?.reason ?? null) : null}
          annual={annual}
          projects={plan.projects.map((p) => ({
            no: p.no,
            heading: `${circledNumber(p.no)} ${name(p)}`,
            code: p.code,
            ministries: ministriesLine(p.ministries),
            kpis: p._count.kpis,
          }))}
          lists={lists}
          groups={groups}
          auditHref={`/${locale}/workspace/${plan.code}/audit`}
        />
      </ClientMessages>
    </>
  );
}
