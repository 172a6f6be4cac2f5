import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber, formatDate } from "@/domain/format";
import { AsOfNav } from "@/features/dashboard/components/as-of-nav";
import { PlanNav } from "@/features/dashboard/components/plan-nav";
import { getPlanAsOf } from "@/features/dashboard/server";
import { elapsed, hasPlanWide, yearsOfPlan } from "@/features/dashboard/model";
import { pageLocale } from "@/i18n/locale";

// Rendered on first request, then served from the cache until a write invalidates it.
export async function generateStaticParams() {
  return [];
}

export default async function PlanLayout({ children, params }: LayoutProps<"/[locale]/plans/[plan]/[fy]">) {
  const { plan: code, fy: fyText } = await params;
  const locale = await pageLocale(params);
  const { plan, live, fy, correcting } = await getPlanAsOf(code, fyText);
  if (!plan) notFound();
  const round = plan.rounds.find((r) => r.fiscalYear === fy);
  const t = await getTranslations({ locale, namespace: "Nav" });
  const tf = await getTranslations({ locale, namespace: "Figures" });
  const tw = await getTranslations({ locale, namespace: "PlanWide" });
  const base = `/${locale}/plans/${code}/${fy}`;
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  return (
    <>
      <div className="plan-bar">
        <p className="plan-bar__name">{name(plan)}</p>
        <p className="plan-bar__elapsed">{tf("elapsed", elapsed(plan, fy))}</p>
      </div>
      <PlanNav
        label={t("plan")}
        tabs={[
          { href: base, text: t("overview") },
          ...(hasPlanWide(plan) ? [{ href: `${base}/plan-wide`, text: tw("tab"), title: tw("heading") }] : []),
          ...plan.projects.map((p) => ({
            href: `${base}/projects/${p.no}`,
            text: `${circledNumber(p.no)} ${name(p).replace(/プロジェクト$| Project.*$/, "")}`,
            title: name(p),
          })),
          { href: `${base}/compare`, text: t("compare") },
        ]}
      />
      <AsOfNav
        label={t("asOf")}
        current={fy}
        years={yearsOfPlan(live).map((y) => ({
          fy: y.fy,
          text: fyLabel(y.fy, locale),
          note:
            y.fy === fy && correcting ? t("roundCorrecting") : y.round ? (y.round.status === "final" ? t("roundFinal") : t("roundDraft")) : t("noRoundYear"),
        }))}
      />
      {round?.status === "draft" && (
        <p className="notice notice--draft" role="status">
          {t("draftBanner", { year: fyLabel(fy, locale) })}
        </p>
      )}
      {correcting && (
        <p className="notice" role="status">
          {t("correctingBanner", { year: fyLabel(fy, locale), date: formatDate(correcting.takenOn, locale) })}
        </p>
      )}
      {children}
    </>
  );
}
