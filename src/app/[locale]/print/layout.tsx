import type { ReactNode } from "react";
import { pageLocale } from "@/i18n/locale";

/**
 * The print pages' frame: none (they are the deck alone), but the language set for the
 * request here, as the site's layout sets it, so that their not-found page is in the reader's.
 */
export default async function PrintLayout({ children, params }: LayoutProps<"/[locale]/print">) {
  await pageLocale(params);
  return children as ReactNode;
}
