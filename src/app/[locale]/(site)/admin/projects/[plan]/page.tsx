import "../../admin.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { AdminNav } from "@/components/admin-nav";
import { SignInNeeded } from "@/components/sign-in-needed";
import { fyLabel, spanYears } from "@/domain/fiscal-year";
import { circledNumber } from "@/domain/format";
import { MINISTRIES, type Ministry } from "@/domain/types";
import { canAdminister } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { ProjectAdmin } from "@/features/plans/components/project-admin";
import { getPlanWithProjects, listPlans } from "@/features/plans/data";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/admin/projects/[plan]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AdminProjects" });
  return { title: t("titleShort") };
}

/** A plan's integrated projects for admins: names, ministries in charge, budgets by fiscal year. */
export default async function ProjectsAdminPage({ params }: Props) {
  const { plan: code } = await params;
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "AdminProjects" });
  const ta = await getTranslations({ locale, namespace: "Admin" });
  const tm = await getTranslations({ locale, namespace: "Ministries" });
  if (!canAdminister(await getViewer())) {
    return <SignInNeeded locale={locale} title={t("titleShort")} reason={ta("adminsOnly")} />;
  }
  const [plan, plans] = await Promise.all([getPlanWithProjects(code), listPlans()]);
  if (!plan) notFound();
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);

  return (
    <>
      <AdminNav locale={locale} current={`/admin/projects/${plan.code}`} plans={plans.map((p) => ({ code: p.code, name: name(p) }))} />
      <h1>{t("title", { plan: name(plan) })}</h1>
      <p className="admin-intro">{t("intro")}</p>
      {plan.projects.length === 0 ? (
        <p>{t("noProjects")}</p>
      ) : (
        <ClientMessages namespaces={["AdminProjects", "Admin"]}>
          <ProjectAdmin
            plan={plan.code}
            locale={locale}
            years={spanYears(plan).map((fy) => ({ fy, label: fyLabel(fy, locale) }))}
            ministryNames={Object.fromEntries(MINISTRIES.map((m) => [m, tm(m)])) as Record<Ministry, string>}
            projects={plan.projects.map((p) => ({
              no: p.no,
              heading: `${circledNumber(p.no)} ${name(p)}`,
              nameJa: p.nameJa,
              nameEn: p.nameEn,
              ministries: p.ministries.map((m) => ({ ministry: m.ministry as Ministry, lead: m.lead })),
              budgets: Object.fromEntries(p.budgets.map((b) => [`${b.fiscalYear}.${b.kind}`, b.okuYen])),
            }))}
          />
        </ClientMessages>
      )}
    </>
  );
}
