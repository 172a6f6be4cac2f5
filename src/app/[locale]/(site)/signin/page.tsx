import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/features/auth/components/signin-form";
import { ClientMessages } from "@/i18n/client-messages";
import { pageLocale } from "@/i18n/locale";

type Props = PageProps<"/[locale]/signin">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Auth" });
  return { title: t("title") };
}

export default async function SignInPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["Auth"]}>
        <SignInForm next={`/${locale}`} />
      </ClientMessages>
    </>
  );
}
