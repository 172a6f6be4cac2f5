import { markPlanChanged } from "./shared-cache.mjs";

/**
 * The dashboards are rendered once and served from Next's cache until their plan changes.
 * Every write that changes what a plan's public pages show calls this after its transaction
 * commits, and waits for it, so the committee sees new figures at once, on every server
 * (src/lib/shared-cache.mjs); the other plans' pages stay cached. Every page of a plan shows
 * its rounds (the year navigation, the round's status), so a plan is the unit.
 */
export async function invalidatePlanPages(planCode: string): Promise<void> {
  await markPlanChanged(planCode);
}
