import type { ComponentProps } from "react";
import { useLocale } from "next-intl";

/**
 * A link within the site's language, for server components: "/plans/plan2" is "/ja/plans/plan2"
 * on a Japanese page (every address carries its language, as src/i18n/routing.ts has it). A
 * plain <a>, rendered on the server: it sends no client component and no props to the browser,
 * and following it loads the page (the pages are cached whole). next-intl's Link would bring
 * its client code and a client provider to every page.
 */
export function PlainLink({ href, ...props }: Omit<ComponentProps<"a">, "href"> & { href: string }) {
  const locale = useLocale();
  return <a href={`/${locale}${href === "/" ? "" : href}`} {...props} />;
}
