import "server-only";
import { printDeck, pptxDeck } from "@/features/slides/files";
import { roundState, storedDeck } from "@/features/slides/data";
import { storeDeck } from "@/features/slides/mutations";

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
 * The deck of a final round (as the database has it: `round`): the stored one, else made once
 * (one print for any number of concurrent requests) and stored.
 */
export async function finalDeck(
  code: string,
  fy: number,
  format: DeckFormat,
  lang: string,
  round: { id: number; version: number },
  makers: Record<DeckFormat, DeckMaker> = DECK_MAKERS,
): Promise<{ bytes: Uint8Array; etag: string }> {
  const stored = await storedDeck(round.id, format, lang);
  if (stored && stored.roundVersion === round.version) return stored;
  const key = `${round.id}:${round.version}:${format}:${lang}`;
  let job = printing.get(key);
  if (!job) {
    job = (async () => {
      const bytes = await makers[format](code, fy, lang, false);
      return { bytes, etag: (await storeDeck(round.id, round.version, format, lang, bytes)).etag };
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
