import { NotFoundNotice } from "@/components/not-found-notice";

/** A page that does not exist, or a plan, year or KPI that does not: said in the reader's language, in the site's layout. */
export default function NotFound() {
  return <NotFoundNotice />;
}
