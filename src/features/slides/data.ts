import { prisma, readBytesRow } from "@/lib/db";
import type { Db } from "@/lib/prisma-client";

/** A round as the database has it now: what a stored deck is of (its id, plan, status and version). */
export function roundState(code: string, fy: number) {
  return prisma.followUpRound.findFirst({ where: { plan: { code }, fiscalYear: fy }, select: { id: true, planId: true, status: true, version: true } });
}

/**
 * The plan's latest audited change that a deck could show (AuditLog.id; 0 for none): a
 * project's name, a budget, a target, a figure. The committee's review is not in the decks.
 */
export async function planMark(planId: number, db: Db = prisma): Promise<number> {
  const last = await db.auditLog.findFirst({ where: { planId, NOT: { action: { startsWith: "review." } } }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

export interface DeckStamp {
  roundVersion: number;
  build: string;
  auditMark: number;
}

/** A stored deck of a round, or null (its bytes read past Prisma: see readBytesRow). */
export async function storedDeck(roundId: number, format: string, lang: string) {
  return readBytesRow<{ bytes: Buffer; etag: string } & DeckStamp>(
    'SELECT "bytes", "etag", "roundVersion", "build", "auditMark" FROM "StoredDeck" WHERE "roundId" = ? AND "format" = ? AND "lang" = ?',
    roundId,
    format,
    lang,
  );
}

/** A stored deck's ETag and what it was printed from, without its bytes: what a revalidation needs. */
export function storedDeckTag(roundId: number, format: string, lang: string) {
  return prisma.storedDeck.findUnique({
    where: { roundId_format_lang: { roundId, format, lang } },
    select: { etag: true, roundVersion: true, build: true, auditMark: true },
  });
}
