/**
 * The decks as a secretariat would present them, read page by page with `pdftotext -layout`:
 * every slide carries something (a table row, a chart or the title), continuation slides
 * carry their share of rows (two at least in the middle of a table) and repeat their headings, and the English deck is in English.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { plan2 } from "../support/documents";

const OUT = path.resolve(__dirname, "../.tmp/deck-layout");
mkdirSync(OUT, { recursive: true });

type Lang = "ja" | "en";
const messages = {
  ja: JSON.parse(readFileSync(path.resolve(__dirname, "../../messages/ja.json"), "utf8")),
  en: JSON.parse(readFileSync(path.resolve(__dirname, "../../messages/en.json"), "utf8")),
};
const flat = (s: string) => s.replace(/\s+/g, "");
const circled = (n: number) => String.fromCharCode(0x2460 + n - 1);

async function pages(request: APIRequestContext, fy: number, lang: Lang): Promise<string[]> {
  const res = await request.get(`/api/plans/plan2/follow-up/slides?fy=${fy}&lang=${lang}`, { timeout: 60_000 });
  expect(res.status()).toBe(200);
  const file = path.join(OUT, `plan2-FY${fy}-${lang}.pdf`);
  writeFileSync(file, await res.body());
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", file, "-"], { encoding: "utf8" }),
  );
}

interface TableRow {
  name: string;
  group: string | null;
  management: boolean;
}

/** Each project's two tables (outputs, outcomes) as the KPI list orders them, sub-targets after their parent. */
function tables(lang: Lang) {
  const name = (o: { nameJa: string; nameEn: string }) => (lang === "ja" ? o.nameJa : o.nameEn);
  return plan2.projects.flatMap((p) =>
    (["output", "outcome"] as const)
      .map((kind) => ({
        key: `${p.no}-${kind}`,
        title: flat(`${circled(p.no)}${messages[lang].Slides.tableTitle.replace("{project}", name(p))}`),
        part: flat(messages[lang].Report[kind === "output" ? "outputs" : "outcomes"]),
        rows: p.kpis
          .filter((k) => k.kind === kind)
          .flatMap((k) => {
            const group = lang === "ja" ? k.groupJa : k.groupEn;
            return [k, ...k.subs].map((x): TableRow => ({ name: flat(name(x)), group: group && flat(`○${group}`), management: k.management }));
          }),
      }))
      .filter((t) => t.rows.length > 0),
  );
}

/** The text of a line's first column: what starts within the left margin, up to a gap of two spaces. */
function head(line: string): string | null {
  const m = /^(\s*)(\S.*?)(?:\s{2,}|$)/.exec(line);
  return m && m[1].length < 8 ? flat(m[2]) : null;
}

interface Found {
  table: string;
  row: TableRow;
  line: number;
}

/**
 * The tables and rows on one page: a table starts at its title line; a row at the line where
 * its name's first column starts, the name read down the column's following lines.
 */
function readPage(text: string, all: ReturnType<typeof tables>) {
  const lines = text.split("\n");
  const titles: { table: string; line: number }[] = [];
  const rows: Found[] = [];
  const headings: { text: string; line: number }[] = [];
  let current: ReturnType<typeof tables>[number] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const here = flat(lines[i]);
    const withNext = here + flat(lines[i + 1] ?? "");
    const title = all.find(
      (t) =>
        here.includes(t.title) &&
        withNext
          .slice(withNext.indexOf(t.title) + t.title.length)
          .replace(/^[—·:]/, "")
          .startsWith(t.part),
    );
    if (title) {
      titles.push({ table: title.key, line: i });
      current = title;
      continue;
    }
    const h = head(lines[i]);
    if (!h || !current) continue;
    if (h.startsWith("○") || h.startsWith(flat(messages.ja.Report.managementSection)) || h.startsWith(flat(messages.en.Report.managementSection))) {
      headings.push({ text: h, line: i });
      continue;
    }
    // the longest name of the table whose lines this is the start of
    let best: { row: TableRow; end: number } | null = null;
    for (const row of current.rows) {
      if (!row.name.startsWith(h)) continue;
      let acc = h;
      let j = i + 1;
      while (acc !== row.name && j < lines.length) {
        const next = head(lines[j]);
        if (lines[j].trim() === "") {
          j++;
          continue;
        }
        if (!next || !row.name.startsWith(acc + next)) break;
        acc += next;
        j++;
      }
      if (acc === row.name && (!best || row.name.length > best.row.name.length)) best = { row, end: j };
    }
    if (best) {
      rows.push({ table: current.key, row: best.row, line: i });
      i = best.end - 1;
    }
  }
  return { titles, rows, headings };
}

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
/** Footnote markers are symbols of the documents, in both languages. */
const MARKERS = /[＊※]/g;

for (const fy of [2021, 2022, 2024]) {
  const round = plan2.rounds.find((r) => r.fy === fy)!;
  for (const lang of ["ja", "en"] as const) {
    test(`the FY${fy} deck in ${lang}: every slide carries rows, a chart or the title; continuations carry their share and their headings`, async ({
      request,
      page: browser,
    }) => {
      const all = tables(lang);
      const texts = await pages(request, fy, lang);
      // one PDF page per slide: no slide overflowed onto a page of its own
      await browser.goto(`/${lang}/print/plans/plan2/${fy}`);
      await expect(browser.locator("#print-end")).toBeAttached();
      expect(await browser.locator("section.slide").count(), `FY${fy} ${lang}: slides = pages`).toBe(texts.length);
      const m = messages[lang].Slides;
      const seen = new Map<string, number>(); // rows of each table read so far
      const highlights = round.highlights.map((h) => flat((lang === "ja" ? h.textJa : (h.textEn ?? h.textJa)) ?? "").slice(0, 12));
      texts.forEach((text, index) => {
        const page = `FY${fy} ${lang} p${index + 1}`;
        const f = flat(text);
        const { titles, rows, headings } = readPage(text, all);
        const isTitle = index === 0;
        const isChart = f.includes(flat(m.chartLegendTarget)) || f.includes(flat(m.ratingsTitle.split("（")[0].split(" (")[0]));
        const hasHighlight = highlights.some((h) => h && f.includes(h));
        expect(isTitle || isChart || hasHighlight || rows.length > 0, `${page} holds no table row, no chart and no title:\n${text}`).toBe(true);

        for (const { table, line } of titles) {
          const t = all.find((x) => x.key === table)!;
          const mine = rows.filter((r) => r.table === table);
          const before = seen.get(table) ?? 0;
          const after = before + mine.length;
          // A continuation prefers three rows (paginate's validCut); since every table slide carries its
          // own notes, a table of tall rows (FY2022 ④ outputs in English) may have to continue with two.
          if (before > 0 && mine.length < 2) {
            expect(after, `${page}: a continuation of ${table} with ${mine.length} row(s) that does not end its table`).toBe(t.rows.length);
          }
          seen.set(table, after);
          // each row's headings are on the page, after its table's title and before the row
          for (const r of mine) {
            const above = headings.filter((h) => h.line > line && h.line < r.line).map((h) => h.text);
            if (r.row.group) expect(above, `${page}: ${r.row.name} without its heading ${r.row.group}`).toContain(r.row.group);
            if (r.row.management)
              expect(above, `${page}: ${r.row.name} without ${messages[lang].Report.managementSection}`).toContain(
                flat(messages[lang].Report.managementSection),
              );
          }
        }

        if (lang === "en") {
          const japaneseOnly = [
            ...round.highlights.filter((h) => !h.textEn).map((h) => h.textJa),
            ...round.footnotes.filter((x) => !x.textEn).map((x) => x.textJa),
            ...round.entries.flatMap((e) => [e.detailEn ? null : e.detailJa, e.noteEn ? null : e.noteJa]),
          ]
            .filter((s): s is string => !!s)
            .map(flat);
          let rest = f.replace(MARKERS, "");
          for (const s of japaneseOnly) rest = rest.split(s).join("");
          expect(rest.match(JAPANESE) ?? [], `${page} has Japanese text:\n${text}`).toEqual([]);
        }
      });
      // every row of every table was read, so every ○group heading was checked where its rows are
      for (const t of all) expect(seen.get(t.key) ?? 0, `rows of ${t.key} read from the deck`).toBe(t.rows.length);
    });
  }
}
