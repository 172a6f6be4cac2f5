import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { SignInNeeded } from "@/components/sign-in-needed";
import { fyLabel } from "@/domain/fiscal-year";
import { canEditRound } from "@/features/auth/ability";
import { getViewer } from "@/features/auth/server";
import { listPlans } from "@/features/plans/data";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/workspace">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Workspace" });
  const viewer = await getViewer();
  return { title: t(viewer && !canEditRound(viewer) ? "linkReadOnly" : "link") };
}

/** The way into data entry: each plan's fiscal years. */
export default async function WorkspaceIndex({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Workspace" });
  const viewer = await getViewer();
  if (!viewer) {
    return <SignInNeeded locale={locale} title={t("link")} reason={t("signInNeeded")} />;
  }
  const plans = await listPlans();
  return (
    <>
      <h1>{t(canEditRound(viewer) ? "link" : "linkReadOnly")}</h1>
      {plans.reverse().map((p) => (
        <section key={p.code} aria-labelledby={`ws-${p.code}`}>
          <h2 id={`ws-${p.code}`}>{locale === "ja" ? p.nameJa : p.nameEn}</h2>
          <ul className="year-links">
            {Array.from({ length: p.lastFy - p.firstFy + 1 }, (_, i) => p.firstFy + i).map((fy) => (
              <li key={fy}>
                <Link href={`/workspace/${p.code}/${fy}`}>{fyLabel(fy, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
