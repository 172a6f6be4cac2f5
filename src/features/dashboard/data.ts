import "server-only";
import { cache } from "react";
import { loadPlanData } from "@/features/follow-up/data";
import { planYear } from "@/features/follow-up/model";

/**
 * The plan as anonymous visitors see it (final rounds only), read once per render.
 * The dashboard pages are cached whole (ISR) and invalidated on every write, see cache.ts.
 */
export const getPublicPlan = cache((code: string) => loadPlanData(code, null));

/** The plan and the "as of" fiscal year of a dashboard URL; plan is null when either is unknown. */
export async function getPlanAsOf(code: string, fyText: string) {
  const plan = await getPublicPlan(code);
  const fy = plan && planYear(plan, fyText);
  return plan && fy !== null ? { plan, fy } : { plan: null, fy: Number(fyText) };
}
