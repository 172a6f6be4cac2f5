import { revalidatePath } from "next/cache";
import { markDashboardsChanged } from "./shared-cache.mjs";

/**
 * The dashboards are rendered once and served from Next's cache until data changes. Every
 * write that changes what they show calls this after its transaction commits, and waits for
 * it, so the committee sees new figures at once: on this server (Next's marks), and on every
 * other server of the same PostgreSQL database (the shared generation, src/lib/shared-cache.mjs).
 * Outside a Next server (the seed, the CLI, tests) there is no local cache to clear.
 */
export async function invalidateDashboards(): Promise<void> {
  try {
    revalidatePath("/[locale]", "layout");
  } catch (error) {
    if (!/static generation store missing/.test(String(error))) throw error;
  }
  await markDashboardsChanged();
}
