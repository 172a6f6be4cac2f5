import type { ReactNode } from "react";
import { NextIntlClientProvider, type Messages } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The messages of these namespaces for the client components below it, which translate
 * themselves with useTranslations (typed against messages/ja.json). Only these namespaces
 * travel to the browser.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: (keyof Messages)[]; children: ReactNode }) {
  const all = await getMessages();
  return <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((n) => [n, all[n]]))}>{children}</NextIntlClientProvider>;
}
