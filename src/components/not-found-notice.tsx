import { getTranslations } from "next-intl/server";
import { PlainLink } from "@/components/plain-link";

/** "Not found", in the reader's language, with the way home: the site's not-found page and the print pages' say the same. */
export async function NotFoundNotice() {
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
