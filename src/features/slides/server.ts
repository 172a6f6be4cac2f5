import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { printDeck, pptxDeck } from "@/features/slides/files";
import { planMark, roundState, storedDeck, type DeckStamp } from "@/features/slides/data";
import { storeDeck } from "@/features/slides/mutations";

/** The app's build (Next's BUILD_ID; "dev" outside a build): a stored deck of another build is printed anew. */
const BUILD = (() => {
  try {
    return readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
})();

/** What a deck of this round printed now would be printed from. */
export async function deckStamp(round: { planId: number; version: number }): Promise<DeckStamp> {
  return { roundVersion: round.version, build: BUILD, auditMark: await planMark(round.planId) };
}

/** Whether a stored deck was printed from the round, build and plan as they are now. */
export function isFresh(deck: DeckStamp, now: DeckStamp): boolean {
  return deck.roundVersion === now.roundVersion && deck.build === now.build && deck.auditMark === now.auditMark;
}

/** What makes a deck, per format: `(code, fy, lang, draft) => bytes`. */
export type DeckMaker = (code: string, fy: number, lang: string, draft: boolean) => Promise<Uint8Array>;
export type DeckFormat = "pdf" | "pptx";
export const DECK_MAKERS: Record<DeckFormat, DeckMaker> = { pdf: printDeck, pptx: pptxDeck };
export const DECK_TYPES: Record<DeckFormat, string> = {
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};
export const DECK_LANGS = ["ja", "en"] as const;

/** The prints under way, by round, version, format and language: concurrent requests for one deck wait for one print. */
const printing = new Map<string, Promise<{ bytes: Uint8Array; etag: string }>>();

/**
 * The deck of a final round (as the database has it: `round`): the stored one if it is fresh,
 * else made once (one print for any number of concurrent requests) and stored.
 */
export async function finalDeck(
  code: string,
  fy: number,
  format: DeckFormat,
  lang: string,
  round: { id: number; planId: number; version: number },
  makers: Record<DeckFormat, DeckMaker> = DECK_MAKERS,
): Promise<{ bytes: Uint8Array; etag: string }> {
  const [stored, now] = await Promise.all([storedDeck(round.id, format, lang), deckStamp(round)]);
  if (stored && isFresh(stored, now)) return stored;
  const key = `${round.id}:${now.roundVersion}:${now.auditMark}:${format}:${lang}`;
  let job = printing.get(key);
  if (!job) {
    job = (async () => {
      // A request that read the storage before another's print was stored, and came here
      // after that print left `printing`, finds it stored now instead of printing it again.
      const done = await storedDeck(round.id, format, lang);
      if (done && isFresh(done, now)) return done;
      const bytes = await makers[format](code, fy, lang, false);
      return { bytes, etag: (await storeDeck(round, now, format, lang, bytes)).etag };
    })().finally(() => printing.delete(key));
    printing.set(key, job);
  }
  return job;
}

/**
 * Makes and stores every deck of a round just finalized (each format, each language), one
 * after another: run after the response (`after`), so that the first download is ready.
 * A deck that fails is logged; its first download tries again.
 */
export async function storeDecksOf(code: string, fy: number, makers: Record<DeckFormat, DeckMaker> = DECK_MAKERS): Promise<void> {
  const round = await roundState(code, fy);
  if (round?.status !== "final") return;
  for (const format of Object.keys(makers) as DeckFormat[]) {
    for (const lang of DECK_LANGS) {
      try {
        await finalDeck(code, fy, format, lang, round, makers);
      } catch (error) {
        console.error(`Stored deck ${code} FY${fy} ${format} ${lang} not made: ${(error as Error).message}`);
      }
    }
  }
}
