"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { ThreadsWithMessages } from "@/features/review/components/threads-with-messages";

/**
 * The threads on a dashboard page, whose code (and next-intl's client code) loads only where
 * they are shown: for signed-in viewers. The public's cached pages never load it.
 */
const Threads = dynamic(() => import("@/features/review/components/threads-with-messages").then((m) => m.ThreadsWithMessages));

export function LazyThreadList(props: ComponentProps<typeof ThreadsWithMessages>) {
  return <Threads {...props} />;
}
