import "server-only";
import { draftMode } from "next/headers";
import { cache } from "react";
import { getViewer } from "@/features/auth/server";
import { loadPlanData, planForRound } from "@/features/follow-up/data";
import { planYear } from "@/features/follow-up/model";

/**
 * The dashboards' loaders. Who is looking at a dashboard: Anonymous visitors get the cached pages (ISR, final rounds
 * only, invalidated on every write, see src/lib/cache.ts). Signing in turns on Next's draft mode,
 * which renders the pages per request: only then is the session read, and drafts shown.
 */
export const dashboardViewer = cache(async () => ((await draftMode()).isEnabled ? getViewer() : null));

/** The plan as the viewer may see it, read once per render. */
export const getPlan = cache(async (code: string) => loadPlanData(code, await dashboardViewer()));

/**
 * The plan and the "as of" fiscal year of a dashboard URL; plan is null when either is
 * unknown. `live` is the plan now; `plan` is what the round's pages show (see planForRound).
 */
export const getPlanAsOf = cache(async (code: string, fyText: string) => {
  const live = await getPlan(code);
  const fy = live && planYear(live, fyText);
  if (!live || fy === null) return { plan: null, live: null, fy: Number(fyText), correcting: null };
  return { live, fy, ...(await planForRound(live, fy)) };
});
