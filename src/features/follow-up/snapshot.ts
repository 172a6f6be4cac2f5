/**
 * Snapshots of what a round presented. One is taken each time a round is marked final: the
 * plan as the public saw it then, up to the round's year. They are never changed (a trigger
 * refuses updates), so "as presented" survives an unlock and a correction.
 */
import type { Db } from "@/lib/prisma-client";
import { readPlanData } from "./load";
import { planUpTo, type PlanData } from "./model";

export interface Snapshot {
  takenAt: string;
  /** the day it was taken, in Japan (YYYY-MM-DD) */
  takenOn: string;
  meetingNo: number | null;
  meetingDate: string | null;
  plan: PlanData;
}

/** Takes the snapshot of a plan's round, which must be final. */
export async function takeRoundSnapshot(db: Db, planCode: string, fy: number, userId: number | null) {
  const plan = await readPlanData(db, planCode, null);
  const round = plan?.rounds.find((r) => r.fiscalYear === fy);
  if (!plan || !round || round.status !== "final") throw new Error(`No final round ${planCode} ${fy} to snapshot`);
  const row = await db.followUpRound.findFirstOrThrow({ where: { plan: { code: planCode }, fiscalYear: fy }, select: { id: true } });
  await db.roundSnapshot.create({
    data: { roundId: row.id, userId, meetingNo: round.meetingNo, meetingDate: round.meetingDate, data: JSON.stringify(planUpTo(plan, fy)) },
  });
}

/** A round's first snapshot (as presented at its meeting) or its latest one; null when it was never final. */
export async function readRoundSnapshot(db: Db, planCode: string, fy: number, which: "first" | "latest"): Promise<Snapshot | null> {
  const s = await db.roundSnapshot.findFirst({
    where: { round: { plan: { code: planCode }, fiscalYear: fy } },
    orderBy: { id: which === "first" ? "asc" : "desc" },
  });
  return (
    s && {
      takenAt: s.takenAt.toISOString(),
      takenOn: s.takenAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" }),
      meetingNo: s.meetingNo,
      meetingDate: s.meetingDate,
      plan: JSON.parse(s.data) as PlanData,
    }
  );
}

export interface RoundPlan {
  /** what the round's pages and exports show */
  plan: PlanData;
  /** set when the round was final once and is now unlocked for corrections: `plan` is then its latest snapshot */
  correcting: Snapshot | null;
}

/**
 * The plan for one round's pages and exports. A viewer who cannot see drafts gets, for a
 * round unlocked for corrections, the figures as last finalized rather than nothing. A
 * round the viewer can see costs no query.
 */
export async function planForRound(db: Db, live: PlanData, fy: number): Promise<RoundPlan> {
  if (live.rounds.some((r) => r.fiscalYear === fy)) return { plan: live, correcting: null };
  const latest = await readRoundSnapshot(db, live.code, fy, "latest");
  return latest ? { plan: latest.plan, correcting: latest } : { plan: live, correcting: null };
}
