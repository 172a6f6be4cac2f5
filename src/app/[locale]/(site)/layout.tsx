import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { LocaleSwitch } from "@/components/locale-switch";
import { PlainLink } from "@/components/plain-link";
import { ErrorTextsProvider } from "@/components/error-texts";
import { UserMenu } from "@/components/user-menu";
import { pageLocale } from "@/i18n/locale";

/** The site's frame: header with the language switch, main, footer. */
export default async function SiteLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Layout" });
  const ta = await getTranslations({ locale, namespace: "Auth" });
  const tw = await getTranslations({ locale, namespace: "Workspace" });
  const tad = await getTranslations({ locale, namespace: "Admin" });
  const te = await getTranslations({ locale, namespace: "Error" });
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <PlainLink href="/" className="site-name">
            {t("siteName")}
          </PlainLink>
          <div className="site-header__tools">
            <UserMenu
              locale={locale}
              texts={{
                signIn: ta("signIn"),
                signOut: ta("signOut"),
                workspace: tw("link"),
                workspaceReadOnly: tw("linkReadOnly"),
                admin: tad("title"),
                roles: { admin: ta("role_admin"), secretariat: ta("role_secretariat"), committee: ta("role_committee") },
              }}
            />
            <Suspense>
              <LocaleSwitch label={t("language")} current={locale} />
            </Suspense>
          </div>
        </div>
      </header>
      <main id="main">
        <ErrorTextsProvider texts={{ locale, title: te("title"), body: te("body"), retry: te("retry"), home: te("home") }}>
          {children as ReactNode}
        </ErrorTextsProvider>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">{t("footer")}</div>
      </footer>
    </>
  );
}
