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

/** The first snapshot of a round (as presented at its meeting) and the latest one; null when it was never final. */
export async function readRoundSnapshots(db: Db, planCode: string, fy: number): Promise<{ first: Snapshot; latest: Snapshot } | null> {
  const where = { round: { plan: { code: planCode }, fiscalYear: fy } };
  const [first, latest] = await Promise.all([
    db.roundSnapshot.findFirst({ where, orderBy: { id: "asc" } }),
    db.roundSnapshot.findFirst({ where, orderBy: { id: "desc" } }),
  ]);
  if (!first || !latest) return null;
  const read = (s: typeof first): Snapshot => ({
    takenAt: s.takenAt.toISOString(),
    takenOn: s.takenAt.toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" }),
    meetingNo: s.meetingNo,
    meetingDate: s.meetingDate,
    plan: JSON.parse(s.data) as PlanData,
  });
  return { first: read(first), latest: first.id === latest.id ? read(first) : read(latest) };
}

export interface RoundPlan {
  /** what the round's pages and exports show */
  plan: PlanData;
  /** set when the round was final once and is now unlocked for corrections: `plan` is then its latest snapshot */
  correcting: Snapshot | null;
  /** the round as first presented, when it has been final */
  presented: Snapshot | null;
}

/**
 * The plan for one round's pages and exports. A viewer who cannot see drafts gets, for a
 * round unlocked for corrections, the figures as last finalized rather than nothing.
 */
export async function planForRound(db: Db, live: PlanData, fy: number): Promise<RoundPlan> {
  const snapshots = await readRoundSnapshots(db, live.code, fy);
  const visible = live.rounds.some((r) => r.fiscalYear === fy);
  if (!visible && snapshots) return { plan: snapshots.latest.plan, correcting: snapshots.latest, presented: snapshots.first };
  return { plan: live, correcting: null, presented: snapshots?.first ?? null };
}
