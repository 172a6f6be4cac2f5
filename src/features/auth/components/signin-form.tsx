"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

interface Props {
  /** where to go once signed in (a full load: the pages are rendered again with the session) */
  next: string;
}

/** Email and password; the server's translated error is shown next to the form and announced. */
export function SignInForm({ next }: Props) {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await fetch(`/api/auth/signin?lang=${locale}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": locale },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    setBusy(false);
    if (res?.ok) {
      window.location.assign(next);
      return;
    }
    const body = await res?.json().catch(() => null);
    setError(body?.error?.message ?? "Error");
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
      <p>
        <label htmlFor={`${id}-email`}>{t("email")}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor={`${id}-password`}>{t("password")}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
      </p>
      <p role="alert" id={`${id}-error`} className="form__error">
        {error}
      </p>
      <button type="submit" disabled={busy}>
        {t("submit")}
      </button>
    </form>
  );
}
