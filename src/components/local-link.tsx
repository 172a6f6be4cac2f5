import Link from "next/link";
import { useLocale } from "next-intl";
import type { ComponentProps } from "react";

/**
 * A link within the current language: href "/plans/plan2" → "/ja/plans/plan2".
 * A server component over next/link, so that no i18n runtime ships to the browser.
 */
export function LocalLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const locale = useLocale();
  return <Link href={`/${locale}${href === "/" ? "" : href}`} {...props} />;
}
