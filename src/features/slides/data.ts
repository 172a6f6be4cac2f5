import { prisma, readBytesRow } from "@/lib/db";

/** A round as the database has it now: what a stored deck is of (its id, status and version). */
export function roundState(code: string, fy: number) {
  return prisma.followUpRound.findFirst({ where: { plan: { code }, fiscalYear: fy }, select: { id: true, status: true, version: true } });
}

/** A stored deck of a round, or null (its bytes read past Prisma: see readBytesRow). */
export async function storedDeck(roundId: number, format: string, lang: string) {
  return readBytesRow<{ bytes: Buffer; etag: string; roundVersion: number }>(
    "SELECT bytes, etag, roundVersion FROM StoredDeck WHERE roundId = ? AND format = ? AND lang = ?",
    roundId,
    format,
    lang,
  );
}

/** A stored deck's ETag and version, without its bytes: what a revalidation needs. */
export function storedDeckTag(roundId: number, format: string, lang: string) {
  return prisma.storedDeck.findUnique({ where: { roundId_format_lang: { roundId, format, lang } }, select: { etag: true, roundVersion: true } });
}
