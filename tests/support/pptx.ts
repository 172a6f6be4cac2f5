/**
 * Reads a PowerPoint file back as text: each slide's texts, its tables (rows of cell texts),
 * the charts it holds and its speaker notes, from the Open XML inside the zip.
 */
import JSZip from "jszip";

export interface SlideText {
  /** every text run of the slide, joined */
  text: string;
  tables: string[][][];
  /** the charts' XML (categories, series names and values) */
  charts: string[];
  notes: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
const runs = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1])).join("");

export async function readPptx(buffer: Buffer): Promise<{ slides: SlideText[]; files: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const count = files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
  const read = (f: string) => zip.file(f)?.async("string") ?? Promise.resolve("");
  const slides: SlideText[] = [];
  for (let i = 1; i <= count; i++) {
    const xml = await read(`ppt/slides/slide${i}.xml`);
    const rels = await read(`ppt/slides/_rels/slide${i}.xml.rels`);
    // relative (../charts/…) or from the package's root (/ppt/charts/…)
    const targets = [...rels.matchAll(/Target="(?:\.\.\/|\/ppt\/)([^"]+)"/g)].map((m) => `ppt/${m[1]}`);
    const charts = await Promise.all(targets.filter((t) => t.includes("/charts/")).map(read));
    const notesFile = targets.find((t) => t.includes("notesSlide"));
    slides.push({
      text: runs(xml),
      tables: [...xml.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)].map((tbl) =>
        [...tbl[1].matchAll(/<a:tr[^>]*>([\s\S]*?)<\/a:tr>/g)].map((tr) => [...tr[1].matchAll(/<a:tc[^>]*>([\s\S]*?)<\/a:tc>/g)].map((tc) => runs(tc[1]))),
      ),
      charts,
      notes: notesFile ? runs(await read(notesFile)) : "",
    });
  }
  return { slides, files };
}
