import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { LocaleSwitch } from "@/components/locale-switch";
import { Link } from "@/i18n/navigation";
import { UserMenu } from "@/components/user-menu";
import { pageLocale } from "@/i18n/locale";

/** The site's frame: header with the language switch, main, footer. */
export default async function SiteLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Layout" });
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
            <UserMenu />
            <Suspense>
              <LocaleSwitch label={t("language")} />
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
