"use client";

import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

const NAMES: Record<(typeof routing.locales)[number], string> = { ja: "日本語", en: "English" };

/** Switches the language and keeps the current page and its query (e.g. the "as of" year). */
export function LocaleSwitch({ label }: { label: string }) {
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams());
  return (
    <nav aria-label={label}>
      <ul className="locale-switch">
        {routing.locales.map((code) => (
          <li key={code} lang={code}>
            {code === current ? (
              <span aria-current="true">{NAMES[code]}</span>
            ) : (
              <Link href={{ pathname, query }} locale={code} hrefLang={code}>
                {NAMES[code]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
