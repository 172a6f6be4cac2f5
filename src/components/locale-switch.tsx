"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

interface Props {
  label: string;
  current: string;
  locales: { code: string; name: string }[];
}

/**
 * Switches the language and keeps the current page and its query (e.g. the "as of" year).
 * Labels come from the server, so that no translation runtime ships to the browser.
 */
export function LocaleSwitch({ label, current, locales }: Props) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = (code: string) => pathname.replace(/^\/[a-z]{2}(?=\/|$)/, `/${code}`) + (query ? `?${query}` : "");
  return (
    <nav aria-label={label}>
      <ul className="locale-switch">
        {locales.map((l) => (
          <li key={l.code} lang={l.code}>
            {l.code === current ? (
              <span aria-current="true">{l.name}</span>
            ) : (
              <Link href={href(l.code)} hrefLang={l.code}>
                {l.name}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
