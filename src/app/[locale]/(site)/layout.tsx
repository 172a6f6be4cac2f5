import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { LocaleSwitch } from "@/components/locale-switch";
import { LocalLink as Link } from "@/components/local-link";
import { UserMenu } from "@/components/user-menu";
import { pageLocale } from "@/i18n/locale";

const LOCALES = [
  { code: "ja", name: "日本語" },
  { code: "en", name: "English" },
];

/** The site's frame: header with the language switch, main, footer. */
export default async function SiteLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Layout" });
  const ta = await getTranslations({ locale, namespace: "Auth" });
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-name">
            {t("siteName")}
          </Link>
          <div className="site-header__tools">
            <UserMenu
              locale={locale}
              labels={{
                signIn: ta("signIn"),
                signOut: ta("signOut"),
                workspace: (await getTranslations({ locale, namespace: "Workspace" }))("link"),
                admin: (await getTranslations({ locale, namespace: "Admin" }))("title"),
                roles: { admin: ta("role_admin"), secretariat: ta("role_secretariat"), committee: ta("role_committee") },
              }}
            />
            <Suspense>
              <LocaleSwitch label={t("language")} current={locale} locales={LOCALES} />
            </Suspense>
          </div>
        </div>
      </header>
      <main id="main">{children as ReactNode}</main>
      <footer className="site-footer">
        <div className="site-footer__inner">{t("footer")}</div>
      </footer>
    </>
  );
}
