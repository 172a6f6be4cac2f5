"use client";

import { NextIntlClientProvider, type Locale, type Messages } from "next-intl";
import type { ComponentProps } from "react";
import { ThreadList } from "@/features/review/components/threads";

/** ThreadList with the Review messages it translates with (what ClientMessages gives it elsewhere), loaded lazily (LazyThreadList). */
export function ThreadsWithMessages({
  locale,
  timeZone,
  messages,
  ...props
}: ComponentProps<typeof ThreadList> & { locale: Locale; timeZone: string; messages: Messages["Review"] }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={{ Review: messages }}>
      <ThreadList {...props} />
    </NextIntlClientProvider>
  );
}
