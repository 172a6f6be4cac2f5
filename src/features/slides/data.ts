import { prisma } from "@/lib/db";

/** A round as the database has it now: what a stored deck is of (its id, status and version). */
export function roundState(code: string, fy: number) {
  return prisma.followUpRound.findFirst({ where: { plan: { code }, fiscalYear: fy }, select: { id: true, status: true, version: true } });
}

/** A stored deck of a round, or null. */
export function storedDeck(roundId: number, format: string, lang: string) {
  return prisma.storedDeck.findUnique({
    where: { roundId_format_lang: { roundId, format, lang } },
    select: { bytes: true, etag: true, roundVersion: true },
  });
}
