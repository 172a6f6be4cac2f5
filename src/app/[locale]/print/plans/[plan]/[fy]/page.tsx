import "@/features/slides/components/slides.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { fyLabel, fourDigitYear } from "@/domain/fiscal-year";
import { verifyPrintToken } from "@/features/auth/server";
import { getViewer } from "@/features/auth/server";
import { lookupVisibleRound } from "@/features/follow-up/data";
import { Deck } from "@/features/slides/components/deck";
import { pageLocale } from "@/i18n/locale";

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/print/plans/[plan]/[fy]">;

async function load(params: Props["params"], searchParams: Props["searchParams"]) {
  const { plan: code, fy: segment } = await params;
  const locale = await pageLocale(params);
  const fy = fourDigitYear(segment);
  if (fy === null) return { locale, result: null };
  const { token } = await searchParams;
  // Drafts: a signed-in user printing from the browser, or the PDF export's own Chromium.
  const viewer = verifyPrintToken(typeof token === "string" ? token : undefined, code, fy) ? ({ id: 0, role: "committee" } as const) : await getViewer();
  return { locale, result: await lookupVisibleRound(code, fy, viewer) };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, result } = await load(params, searchParams);
  if (result?.kind !== "ok") return {};
  const t = await getTranslations({ locale, namespace: "Slides" });
  return { title: t("title", { year: fyLabel(result.round.fiscalYear, locale) }) };
}

/** The chrome-less print page of a round's slides: what the PDF export prints, and what a browser can print. */
export default async function PrintPage({ params, searchParams }: Props) {
  const { locale, result } = await load(params, searchParams);
  if (result?.kind !== "ok") notFound();
  setRequestLocale(locale);
  return (
    <>
      <Deck plan={result.plan} round={result.round} rows={result.rows} />
      <div id="print-end" hidden />
    </>
  );
}
