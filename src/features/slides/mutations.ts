import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";

/** A deck's strong ETag: the SHA-256 of its bytes. */
export function deckTag(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/**
 * Stores a final round's deck, printed from the round at `version`, unless the round has
 * since been unlocked (and perhaps finalized again): checked in the same serialized write as
 * the store, so that a print that finishes after an unlock is never kept. Not audited: a
 * stored deck is derived from the round, like a cache, and the unlock that discards it is.
 */
export async function storeDeck(roundId: number, version: number, format: string, lang: string, bytes: Uint8Array): Promise<{ etag: string; stored: boolean }> {
  const etag = deckTag(bytes);
  const stored = await prisma.$transaction(async (tx) => {
    const round = await tx.followUpRound.findUnique({ where: { id: roundId }, select: { status: true, version: true } });
    if (round?.status !== "final" || round.version !== version) return false;
    const deck = { roundVersion: version, etag, size: bytes.length, bytes: Buffer.from(bytes) };
    await tx.storedDeck.upsert({
      where: { roundId_format_lang: { roundId, format, lang } },
      create: { roundId, format, lang, ...deck },
      update: { ...deck, createdAt: new Date() },
    });
    return true;
  });
  return { etag, stored };
}
