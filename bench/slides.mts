// The decks' cost, in one run on the production build:
//   npm run build && npx tsx bench/slides.mts
// Starts the production build on a fresh database, and measures in turn:
//  1. a stored final deck's download (PDF and PowerPoint) against a static file of the same
//     size served by the same server, one at a time and ten at once;
//  2. printing a deck: the print page's HTML on the server, a warm Chromium rendering it
//     (loads it, lays it out, loads its fonts), and the API printing the PDF of the same
//     page (its own Chromium kept warm) and drawing the PowerPoint deck, for a draft (drafts
//     are printed on every request);
//  3. the first download right after finalizing (it waits for the print that finalizing
//     started, or finds it stored) against a draft's print, over several unlock/finalize cycles.
// Prints medians and p95, and the ratios.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../src/lib/chromium";
import { percentile, prepareDatabase, startServer } from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3301);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 5);
const FY = 2022;
const LANG = process.env.BENCH_LANG ?? "ja";
const FORMATS = ["pdf", "pptx"] as const;
const STATIC = (format: string) => `/bench-deck-copy.${format}`;

const env = prepareDatabase("bench-slides");
const deckPath = (format: string) => `/api/plans/plan2/follow-up/slides?fy=${FY}&lang=${LANG}&format=${format}`;

async function time(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return { ms: performance.now() - t0, bytes: body.length, body };
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const med = (xs: number[]) => percentile(sorted(xs), 50);
const p95 = (xs: number[]) => percentile(sorted(xs), 95);
const line = (label: string, xs: number[]) => `${label.padEnd(44)} median ${med(xs).toFixed(1).padStart(7)} ms  p95 ${p95(xs).toFixed(1).padStart(7)} ms`;

// The stored decks, copied into public/ as static files of the same size: Next serves the files public/ had when it started.
let { base, stop } = await startServer(env, PORT);
for (const format of FORMATS) writeFileSync(`public${STATIC(format)}`, (await time(base + deckPath(format))).body);
await stop();
({ base, stop } = await startServer(env, PORT));
try {
  // 1. stored deck vs same-size static file
  console.log(`1. A stored final deck's download vs a static file of the same size (FY${FY}, ${LANG}, ${RUNS} rounds, alternating)`);
  for (const format of FORMATS) {
    for (const concurrency of [1, 10]) {
      const stored: number[] = [];
      const plain: number[] = [];
      let bytes = 0;
      const batch = async (url: string, into: number[]) => {
        const results = await Promise.all(Array.from({ length: concurrency }, () => time(url)));
        for (const r of results) into.push(r.ms);
        bytes = results[0].bytes;
      };
      await batch(base + deckPath(format), stored);
      await batch(base + STATIC(format), plain);
      stored.length = plain.length = 0;
      for (let i = 0; i < RUNS; i++) {
        await batch(base + deckPath(format), stored);
        await batch(base + STATIC(format), plain);
      }
      console.log(line(`  ${format} (${(bytes / 1024).toFixed(0)} KB), c=${concurrency}, stored deck`, stored));
      console.log(line(`  ${format}, c=${concurrency}, static file`, plain));
      console.log(`  ratio stored ÷ static: median ${(med(stored) / med(plain)).toFixed(2)}  p95 ${(p95(stored) / p95(plain)).toFixed(2)}`);
    }
  }

  // Signed in as the administrator: drafts, unlock and finalize.
  const signIn = await fetch(`${base}/api/auth/signin`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ email: "admin@example.jp", password: "demo-admin-password" }),
  });
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const member = { Cookie: cookie };
  const status = async (body: object) => {
    const res = await fetch(`${base}/api/plans/plan2/rounds/${FY}/status`, {
      method: "POST",
      headers: { ...member, "Content-Type": "application/json", Origin: base },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`status change answered ${res.status}`);
  };
  const unlock = () => status({ to: "draft", reason: "bench" });
  const finalize = () => status({ to: "final", meetingNo: null, meetingDate: null });

  // 2. printing a draft deck
  await unlock();
  const html = `${base}/${LANG}/print/plans/plan2/${FY}`;
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: member });
  const browserRender = async () => {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const ms = performance.now() - t0;
    await page.close();
    return ms;
  };
  await time(html, member);
  await browserRender();
  for (const format of FORMATS) await time(base + deckPath(format), member); // warms the server's Chromium
  const h: number[] = [];
  const b: number[] = [];
  const printed = { pdf: [] as number[], pptx: [] as number[] };
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    h.push((await time(html, member)).ms);
    b.push(await browserRender());
    for (const format of FORMATS) {
      const r = await time(base + deckPath(format), member);
      printed[format].push(r.ms);
      if (format === "pdf" && !pages) {
        writeFileSync("bench/out/deck.pdf", r.body);
        pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", ["bench/out/deck.pdf"], { encoding: "utf8" }))?.[1]);
      }
    }
  }
  await browser.close();
  console.log(`2. Printing the draft deck (FY${FY}, ${LANG}, ${pages} slides, ${RUNS} runs each, alternating, after one warm-up)`);
  console.log(line("  print page, server HTML", h));
  console.log(line("  print page, browser render", b));
  console.log(line("  PDF deck through the API", printed.pdf));
  console.log(line("  PowerPoint deck through the API", printed.pptx));
  console.log(`  ratio PDF ÷ browser render ${(med(printed.pdf) / med(b)).toFixed(2)}   PDF ÷ server HTML ${(med(printed.pdf) / med(h)).toFixed(2)}`);

  // 3. the first download after finalize vs a draft's print
  const first = { pdf: [] as number[], pptx: [] as number[] };
  const draft = { pdf: [] as number[], pptx: [] as number[] };
  for (let i = 0; i < CYCLES; i++) {
    for (const format of FORMATS) draft[format].push((await time(base + deckPath(format), member)).ms);
    await finalize();
    // the public's first downloads, at once: each waits for the print that finalizing started, or finds it stored
    for (const format of FORMATS) first[format].push((await time(base + deckPath(format))).ms);
    // let the background finish the other language before unlocking again
    for (const format of FORMATS) await time(`${base}/api/plans/plan2/follow-up/slides?fy=${FY}&lang=${LANG === "ja" ? "en" : "ja"}&format=${format}`);
    await unlock();
  }
  await finalize();
  console.log(`3. The first download right after finalizing vs a draft's print (${CYCLES} unlock/finalize cycles)`);
  for (const format of FORMATS) {
    console.log(line(`  ${format}: first download after finalize`, first[format]));
    console.log(line(`  ${format}: draft print`, draft[format]));
  }
} finally {
  for (const format of FORMATS) rmSync(`public${STATIC(format)}`, { force: true });
  await stop();
}
process.exit(0);
