import { createHash } from "node:crypto";
import { planMark, type DeckStamp } from "@/features/slides/data";
import { prisma } from "@/lib/db";

/** A deck's strong ETag: the SHA-256 of its bytes. */
export function deckTag(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/**
 * Stores a final round's deck, printed from the round at `stamp` (its version, the build, the
 * plan's latest change), unless the round has since been unlocked (and perhaps finalized
 * again) or the plan has changed: checked in the same serialized write as the store, so that
 * a print that an unlock or an edit overtook is never kept. Not audited: a stored deck is
 * derived from the round, like a cache, and what discards it is.
 */
export async function storeDeck(
  round: { id: number; planId: number },
  stamp: DeckStamp,
  format: string,
  lang: string,
  bytes: Uint8Array,
): Promise<{ etag: string; stored: boolean }> {
  const etag = deckTag(bytes);
  const stored = await prisma.$transaction(async (tx) => {
    const now = await tx.followUpRound.findUnique({ where: { id: round.id }, select: { status: true, version: true } });
    if (now?.status !== "final" || now.version !== stamp.roundVersion) return false;
    if ((await planMark(round.planId, tx)) !== stamp.auditMark) return false;
    const deck = { ...stamp, etag, size: bytes.length, bytes: Buffer.from(bytes) };
    await tx.storedDeck.upsert({
      where: { roundId_format_lang: { roundId: round.id, format, lang } },
      create: { roundId: round.id, format, lang, ...deck },
      update: { ...deck, createdAt: new Date() },
    });
    return true;
  });
  return { etag, stored };
}
