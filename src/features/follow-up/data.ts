import "server-only";
import type { Viewer } from "@/features/auth/ability";
import { prisma } from "@/lib/db";
import { readPlanData } from "./load";
import { lookupRound, type PlanData, type RoundLookup } from "./model";
import { planForRound as roundPlanIn, readRoundSnapshot } from "./snapshot";

/** A whole plan as plain data, with the rounds the viewer may see. Null when there is no such plan. */
export function loadPlanData(code: string, viewer: Viewer): Promise<PlanData | null> {
  return readPlanData(prisma, code, viewer);
}

/** lookupRound() over what the viewer may see of a plan's round (see planForRound): for the exports and the slides. */
export async function lookupVisibleRound(code: string, fy: number, viewer: Viewer): Promise<RoundLookup> {
  const live = await loadPlanData(code, viewer);
  return lookupRound(live && (await planForRound(live, fy)).plan, fy);
}

/** What a round's pages show, see snapshot.ts. */
export function planForRound(live: PlanData, fy: number) {
  return roundPlanIn(prisma, live, fy);
}

/** A round as first presented (its first snapshot); null when it was never final. */
export function presentedSnapshot(code: string, fy: number) {
  return readRoundSnapshot(prisma, code, fy, "first");
}
