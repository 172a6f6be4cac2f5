import { takeRoundSnapshot } from "@/features/follow-up/mutations";
import type { PrismaClient } from "@/lib/prisma-client";

/**
 * The documents' final rounds were presented as seeded: that is their snapshot. Takes it for
 * every final round that has none, and returns those rounds.
 */
export async function snapshotSeededRounds(prisma: PrismaClient): Promise<{ plan: string; fiscalYear: number }[]> {
  const rounds = await prisma.followUpRound.findMany({ where: { status: "final", snapshots: { none: {} } }, include: { plan: true } });
  for (const round of rounds) await takeRoundSnapshot(prisma, round.plan.code, round.fiscalYear, null);
  return rounds.map((r) => ({ plan: r.plan.code, fiscalYear: r.fiscalYear }));
}
