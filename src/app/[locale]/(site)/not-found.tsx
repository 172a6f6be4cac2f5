import { getTranslations } from "next-intl/server";
import { PlainLink } from "@/components/plain-link";

/** A page that does not exist, or a plan, year or KPI that does not: said in the reader's language, in the site's layout. */
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <section aria-labelledby="not-found" className="notice-page">
      <h1 id="not-found">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <PlainLink href="/">{t("home")}</PlainLink>
      </p>
    </section>
  );
}
