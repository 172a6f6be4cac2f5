"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

const NAMES = { ja: "日本語", en: "English" } as const;

/** Switches the language and keeps the current page and its query (e.g. the "as of" year). */
export function LocaleSwitch() {
  const t = useTranslations("Layout");
  const locale = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams());
  return (
    <nav aria-label={t("language")}>
      <ul className="locale-switch">
        {routing.locales.map((l) => (
          <li key={l} lang={l}>
            {l === locale ? (
              <span aria-current="true">{NAMES[l]}</span>
            ) : (
              <Link href={{ pathname, query }} locale={l} hrefLang={l}>
                {NAMES[l]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
