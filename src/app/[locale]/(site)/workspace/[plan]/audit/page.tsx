import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInNeeded } from "@/components/sign-in-needed";
import { fyLabel } from "@/domain/fiscal-year";
import { circledNumber } from "@/domain/format";
import { getViewer } from "@/features/auth/server";
import { AuditTable } from "@/features/audit/components/audit-table";
import { auditPage } from "@/features/audit/data";
import { auditFilterSchema, type AuditFilter } from "@/features/audit/schema";
import { planOutline } from "@/features/plans/data";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/workspace/[plan]/audit">;

const FIELDS = [
  ...["value", "numerator", "denominator", "text", "ratingFinal", "overrideReason", "detailJa", "detailEn", "noteJa", "noteEn", "footnote"],
  ...["textJa", "textEn", "highlight", "status", "target", "nameJa", "nameEn", "ministries", "budget_amed", "budget_inhouse"],
] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Audit" });
  return { title: t("title") };
}

/**
 * A plan's audit trail for signed-in users, filtered by indicator, fiscal year and item
 * (read-only for every role), a page at a time, newest first: each page links to the next
 * older one (?before=<the last id shown>) and back to the newest, filters kept.
 */
export default async function AuditPage({ params, searchParams }: Props) {
  const { plan: code } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Audit" });
  const tp = await getTranslations({ locale, namespace: "PlanWide" });
  const viewer = await getViewer();
  if (!viewer) return <SignInNeeded locale={locale} title={t("title")} reason={t("intro")} />;
  // the plan's outline only: the filters list its KPIs, projects and years, never its figures
  const plan = await planOutline(code);
  if (!plan) notFound();
  const query = auditFilterSchema.safeParse(await searchParams);
  const filter: Partial<AuditFilter> = query.success ? query.data : {};
  const { entries, older } = (await auditPage(code, filter)) ?? { entries: [], older: null };
  const filtered = Boolean(filter.kpi || filter.fy || filter.field);
  // an address of this page with the filters, from before an id or from the newest
  const pageHref = (before?: number) => {
    const q = new URLSearchParams();
    if (filter.kpi) q.set("kpi", filter.kpi);
    if (filter.fy) q.set("fy", String(filter.fy));
    if (filter.field) q.set("field", filter.field);
    if (before) q.set("before", String(before));
    const s = q.toString();
    return `/${locale}/workspace/${plan.code}/audit${s ? `?${s}` : ""}`;
  };
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
        {filtered && <a href={`/${locale}/workspace/${plan.code}/audit`}>{t("reset")}</a>}
      </form>
      {filter.before && <p className="small muted">{t("olderShown")}</p>}
      <AuditTable entries={entries} plan={plan} filtered={filtered} />
      {(filter.before || older) && (
        <nav aria-label={t("pages")} className="pager">
          {filter.before && <a href={pageHref()}>{t("newest")}</a>}
          {older && (
            <a href={pageHref(older)} rel="next">
              {t("older")}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
