// The cost of the PDF deck against the print page it is made from, in one run.
//   npm run build && npx tsx bench/slides.mts
// Starts the production build on a fresh database, warms everything once, then in turn:
// the server renders the print page as HTML; a warm Chromium renders that page (loads
// it, lays it out, loads its fonts); the API produces the PDF of the same page (its own
// Chromium kept warm). Prints medians and p95, and the ratios of the PDF to the other two.
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../src/lib/chromium";
import { percentile, prepareDatabase, startServer } from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3301);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const FY = 2022;
const LANG = process.env.BENCH_LANG ?? "ja";

const { base, stop } = await startServer(prepareDatabase("bench-slides"), PORT);
const html = `${base}/${LANG}/print/plans/plan2/${FY}`;
const pdf = `${base}/api/plans/plan2/follow-up/slides?fy=${FY}&lang=${LANG}`;

async function time(url: string) {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return { ms: performance.now() - t0, bytes: body.length };
}

const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ javaScriptEnabled: false });
async function browserRender() {
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(html, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const ms = performance.now() - t0;
  await page.close();
  return ms;
}

await time(html);
await browserRender();
const first = await time(pdf); // launches the server's Chromium
const h: number[] = [];
const b: number[] = [];
const p: number[] = [];
for (let i = 0; i < RUNS; i++) {
  h.push((await time(html)).ms);
  b.push(await browserRender());
  p.push((await time(pdf)).ms);
}
for (const xs of [h, b, p]) xs.sort((x, y) => x - y);
const med = (xs: number[]) => percentile(xs, 50);
console.log(`PDF deck vs its print page (FY${FY}, ${LANG}, ${RUNS} runs each, alternating, after one warm-up)`);
console.log(`first PDF, with the browser launch: ${first.ms.toFixed(0)} ms`);
console.log(`print page, server HTML     median ${med(h).toFixed(1)} ms  p95 ${percentile(h, 95).toFixed(1)} ms`);
console.log(`print page, browser render  median ${med(b).toFixed(1)} ms  p95 ${percentile(b, 95).toFixed(1)} ms`);
console.log(`PDF deck through the API    median ${med(p).toFixed(1)} ms  p95 ${percentile(p, 95).toFixed(1)} ms  (${(first.bytes / 1024).toFixed(0)} KB)`);
console.log(`ratio PDF ÷ browser render  ${(med(p) / med(b)).toFixed(2)}`);
console.log(`ratio PDF ÷ server HTML     ${(med(p) / med(h)).toFixed(2)}`);
await browser.close();
await stop();
process.exit(0);
