import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { fyLabel, fourDigitYear } from "@/domain/fiscal-year";
import { PlainLink } from "@/components/plain-link";
import { pageLocale } from "@/i18n/locale";

// It reads ?reason=, so it is rendered per request (the round's other pages are cached).
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/plans/[plan]/[fy]/slides-unavailable">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Slides" });
  return { title: t("unavailableTitle"), robots: { index: false } };
}

/**
 * Where the overview's slides link leads when the PDF cannot be made (the slides API sends a
 * browser here; API clients keep its JSON error): why, and what to do, in the site's layout.
 */
export default async function SlidesUnavailablePage({ params, searchParams }: Props) {
  const { plan, fy } = await params;
  const locale = await pageLocale(params);
  const { reason } = await searchParams;
  const t = await getTranslations({ locale, namespace: "Slides" });
  const parsed = fourDigitYear(fy);
  const year = parsed === null ? fy : fyLabel(parsed, locale);
  return (
    <section aria-labelledby="slides-unavailable" className="notice-page">
      <h1 id="slides-unavailable">{t("unavailableTitle")}</h1>
      <p role="alert">{reason === "timeout" ? t("unavailableTimeout") : t("unavailableBrowser")}</p>
      <h2>{t("unavailableWhatToDo")}</h2>
      <ul>
        <li>{reason === "timeout" ? t("unavailableRetry") : t("unavailableOperator")}</li>
        <li>
          {t("unavailablePrint")} <PlainLink href={`/print/plans/${plan}/${fy}`}>{t("unavailablePrintLink", { year })}</PlainLink>
        </li>
      </ul>
      <p>
        <PlainLink href={`/plans/${plan}/${fy}`}>{t("unavailableBack", { year })}</PlainLink>
      </p>
    </section>
  );
}
