"use client";

import { createContext, useContext, type ReactNode } from "react";

export interface ErrorTexts {
  locale: string;
  title: string;
  body: string;
  retry: string;
  home: string;
}

const Texts = createContext<ErrorTexts | null>(null);

/**
 * The error page's texts in the page's language, given by the site's layout around its pages:
 * an error boundary is a client component, and this spares every page next-intl's client code.
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <Texts.Provider value={texts}>{children}</Texts.Provider>;
}

export function useErrorTexts(): ErrorTexts | null {
  return useContext(Texts);
}
