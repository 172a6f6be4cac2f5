import { getTranslations } from "next-intl/server";
import { PlainLink } from "@/components/plain-link";
import type { AppLocale } from "@/i18n/routing";

/** What a page for signed-in users (or admins) shows everyone else: its title, why, and the sign-in link. */
export async function SignInNeeded({ locale, title, reason }: { locale: AppLocale; title: string; reason: string }) {
  const t = await getTranslations({ locale, namespace: "Auth" });
  return (
    <>
      <h1>{title}</h1>
      <p>
        {reason} <PlainLink href="/signin">{t("signIn")}</PlainLink>
      </p>
    </>
  );
}
