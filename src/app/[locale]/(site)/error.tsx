"use client";

import Link from "next/link";
import { useErrorTexts } from "@/components/error-texts";

/** An unexpected error while rendering a page: a translated message in the site's layout, never the error itself. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  if (!t) return null;
  return (
    <section aria-labelledby="error" className="notice-page">
      <h1 id="error">{t.title}</h1>
      <p role="alert">{t.body}</p>
      <p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>{" "}
        <Link href={`/${t.locale}`}>{t.home}</Link>
      </p>
    </section>
  );
}
