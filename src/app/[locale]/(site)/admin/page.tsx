import "./admin.css";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { AdminNav } from "@/components/admin-nav";
import { SignInNeeded } from "@/components/sign-in-needed";
import { canAdminister } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { PlanAdmin } from "@/features/plans/components/plan-admin";
import { plansWithKpis } from "@/features/plans/data";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/admin">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Admin" });
  return { title: t("title") };
}

/** Plans for admins: create a plan, change targets (with a reason, kept in the audit log); links to users and projects. */
export default async function AdminPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Admin" });
  const viewer = await getViewer();
  if (!canAdminister(viewer)) {
    return <SignInNeeded locale={locale} title={t("title")} reason={t("adminsOnly")} />;
  }
  const { plans, kpis } = await plansWithKpis();
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  return (
    <>
      <AdminNav locale={locale} current="/admin" plans={[...plans].sort((a, b) => a.firstFy - b.firstFy).map((p) => ({ code: p.code, name: name(p) }))} />
      <h1>{t("title")}</h1>
      <ClientMessages namespaces={["Admin"]}>
        <PlanAdmin
          plans={plans.map((p) => ({ code: p.code, name: name(p) }))}
          kpis={kpis.map((k) => ({ plan: k.plan.code, code: k.code, name: name(k), target: k.target, qualifier: k.targetQualifier }))}
        />
      </ClientMessages>
    </>
  );
}
