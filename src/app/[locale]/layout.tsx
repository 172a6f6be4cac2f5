import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-jp/700.css";
import "../globals.css";
import type { Metadata } from "next";
import type { Messages } from "next-intl";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { routing } from "@/i18n/routing";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("title"), description: t("description") };
}

/**
 * What client components may translate: only these namespaces travel to the browser (the
 * others stay on the server; their texts are rendered there).
 */
function clientMessages(messages: Messages) {
  const { Auth, Error, NotFound } = messages;
  return {
    Auth,
    Error,
    NotFound,
    Workspace: { link: messages.Workspace.link, linkReadOnly: messages.Workspace.linkReadOnly },
    Admin: { title: messages.Admin.title },
  };
}

/** The document: its language decides the CJK glyphs Blink picks, so it is always set. */
export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={clientMessages(await getMessages())}>
          {children as ReactNode}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
