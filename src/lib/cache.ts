import { revalidatePath } from "next/cache";

/**
 * The dashboards are rendered once and served from Next's cache until data changes. Every
 * write that changes what they show calls this after its transaction commits, so the
 * committee sees new figures at once. Outside a Next server (the seed, the CLI, tests) there
 * is no cache to clear.
 */
export function invalidateDashboards(): void {
  try {
    revalidatePath("/[locale]", "layout");
  } catch (error) {
    if (!/static generation store missing/.test(String(error))) throw error;
  }
}
