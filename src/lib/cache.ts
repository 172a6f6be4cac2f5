import "server-only";
import { revalidatePath } from "next/cache";

/**
 * The dashboards are rendered once and served from Next's cache until data changes.
 * Every write calls this, so the committee sees new figures at once.
 */
export function invalidateDashboards(): void {
  revalidatePath("/[locale]", "layout");
}
