import { notFound } from "next/navigation";

/** Any other address under a language: the translated "not found" page, in the site's layout. */
export default function CatchAll() {
  notFound();
}
