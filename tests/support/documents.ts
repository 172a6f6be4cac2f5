/**
 * The government documents (../shared/seeds) and the project's seed file, for tests
 * that tie every figure to its source.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSeedFile } from "../../scripts/seed/load";
import { ROOT } from "./db";

export const plan2 = parseSeedFile(JSON.parse(readFileSync(path.join(ROOT, "seeds/plan2.json"), "utf8")));

const DOCS = path.resolve(ROOT, "../shared/seeds");
/**
 * Whether the documents are beside the project. In CI they must be (CI=true): a missing
 * folder fails there instead of skipping the tests that quote it; elsewhere they are skipped.
 */
export const documentsAvailable = existsSync(DOCS);
if (!documentsAvailable && process.env.CI) throw new Error(`The source documents are missing: ${DOCS} (CI runs with ../shared/ beside the project)`);

/** The lines of document 000, 001, 002 or 003, 1-based. */
export function documentLines(doc: string): string[] {
  const name = readdirSync(DOCS).find((f) => f.startsWith(`${doc}_`));
  if (!name) throw new Error(`Document ${doc} is not in ${DOCS}`);
  return ["", ...readFileSync(path.join(DOCS, name), "utf8").split("\n")];
}

/** "001 l.147-148" → the text of those lines, joined without whitespace. */
export function sourceText(source: string): string {
  const m = /^(\d{3}) l\.(\d+)(?:-(\d+))?/.exec(source);
  if (!m) throw new Error(`Not a line reference: ${source}`);
  const lines = documentLines(m[1]);
  const from = Number(m[2]);
  const to = Number(m[3] ?? m[2]);
  return lines
    .slice(from, to + 1)
    .join("")
    .replace(/\s+/g, "");
}
