"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { routing, type AppLocale } from "@/i18n/routing";

const NAMES: Record<AppLocale, string> = { ja: "日本語", en: "English" };

/**
 * Switches the language and keeps the current page and its query (e.g. the "as of" year).
 * The chosen language is remembered in next-intl's cookie, as its Link does, so that "/"
 * opens in it next time.
 */
export function LocaleSwitch({ label, current }: { label: string; current: AppLocale }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = (code: AppLocale) => pathname.replace(/^\/[^/]+/, `/${code}`) + (query ? `?${query}` : "");
  return (
    <nav aria-label={label}>
      <ul className="locale-switch">
        {routing.locales.map((code) => (
          <li key={code} lang={code}>
            {code === current ? (
              <span aria-current="true">{NAMES[code]}</span>
            ) : (
              <Link
                href={href(code)}
                hrefLang={code}
                prefetch={false}
                onClick={() => {
                  document.cookie = `NEXT_LOCALE=${code};path=/;sameSite=lax;`;
                }}
              >
                {NAMES[code]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
