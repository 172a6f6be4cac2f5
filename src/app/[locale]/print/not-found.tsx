import { NotFoundNotice } from "@/components/not-found-notice";

/**
 * A print page of a plan, year or round that does not exist (or is not visible to the reader):
 * the site's own "not found", translated, in the document of the reader's language, without
 * the site's frame, as the print pages have none.
 */
export default function PrintNotFound() {
  return (
    <main id="main">
      <NotFoundNotice />
    </main>
  );
}
