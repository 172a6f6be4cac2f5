import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type AppLocale } from "./routing";

/**
 * The language of a page or layout under [locale]: checked here, once per render (any other
 * segment is a 404), and set for the request so that next-intl renders it statically.
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<AppLocale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
