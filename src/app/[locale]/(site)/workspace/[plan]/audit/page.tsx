import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInNeeded } from "@/components/sign-in-needed";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber } from "@/domain/format";
import { getViewer } from "@/features/auth/server";
import { AuditTable } from "@/features/audit/components/audit-table";
import { auditTrail } from "@/features/audit/data";
import { auditFilterSchema } from "@/features/audit/schema";
import { loadPlanData } from "@/features/follow-up/data";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/workspace/[plan]/audit">;

const LIMIT = 500;
const FIELDS = [
  ...["value", "numerator", "denominator", "text", "ratingFinal", "overrideReason", "detailJa", "detailEn", "noteJa", "noteEn", "footnote"],
  ...["textJa", "textEn", "highlight", "status", "target", "nameJa", "nameEn", "ministries", "budget_amed", "budget_inhouse"],
] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Audit" });
  return { title: t("title") };
}

/** A plan's audit trail for signed-in users, filtered by indicator, fiscal year and item (read-only for every role). */
export default async function AuditPage({ params, searchParams }: Props) {
  const { plan: code } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Audit" });
  const tp = await getTranslations({ locale, namespace: "PlanWide" });
  const viewer = await getViewer();
  if (!viewer) return <SignInNeeded locale={locale} title={t("title")} reason={t("intro")} />;
  const plan = await loadPlanData(code, viewer);
  if (!plan) notFound();
  const query = auditFilterSchema.safeParse(await searchParams);
  const filter: { kpi?: string; fy?: number; field?: string } = query.success ? query.data : {};
  const entries = (await auditTrail(code, filter, LIMIT)) ?? [];
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  const years = Array.from({ length: plan.lastFy - plan.firstFy + 1 }, (_, i) => plan.firstFy + i);

  return (
    <>
      <p className="breadcrumb">
        {t("plan")}: {name(plan)}
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {!query.success && <p className="notice">{t("invalidFilter")}</p>}
      <form method="get" className="filters" aria-label={t("filters")}>
        <label>
          {t("kpi")}
          <select name="kpi" defaultValue={filter.kpi ?? ""}>
            <option value="">{t("all")}</option>
            {/* the plan-wide KPIs first, as the plan lists them; a project without KPIs has no group */}
            {[{ label: tp("section"), no: null }, ...plan.projects.map((p) => ({ label: `${circledNumber(p.no)} ${name(p)}`, no: p.no }))].map((group) => {
              const list = plan.kpis.filter((k) => k.projectNo === group.no);
              return list.length === 0 ? null : (
                <optgroup key={group.no ?? "plan"} label={group.label}>
                  {list.map((k) => (
                    <option key={k.code} value={k.code}>
                      {k.parentCode ? `　${name(k)}` : name(k)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        <label>
          {t("fy")}
          <select name="fy" defaultValue={filter.fy ? String(filter.fy) : ""}>
            <option value="">{t("all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {fyLabel(y, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("field")}
          <select name="field" defaultValue={filter.field ?? ""}>
            <option value="">{t("all")}</option>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`fields.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("apply")}</button>
        <a href={`/${locale}/workspace/${plan.code}/audit`}>{t("reset")}</a>
      </form>
      {entries.length === LIMIT && <p className="small muted">{t("shown", { count: LIMIT })}</p>}
      <AuditTable entries={entries} plan={plan} />
    </>
  );
}
