import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-jp/700.css";
import "../globals.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { LocaleSwitch } from "@/components/locale-switch";
import { LocalLink as Link } from "@/components/local-link";
import { routing } from "@/i18n/routing";

const LOCALES = [
  { code: "ja", name: "日本語" },
  { code: "en", name: "English" },
];

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("title"), description: t("description") };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Layout" });
  return (
    <html lang={locale}>
      <body>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          <header className="site-header">
            <div className="site-header__inner">
              <Link href="/" className="site-name">
                {t("siteName")}
              </Link>
              <Suspense>
                <LocaleSwitch label={t("language")} current={locale} locales={LOCALES} />
              </Suspense>
            </div>
          </header>
          <main id="main">{children as ReactNode}</main>
          <footer className="site-footer">
            <div className="site-footer__inner">{t("footer")}</div>
          </footer>
      </body>
    </html>
  );
}
