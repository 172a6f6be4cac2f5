// Temporary: screenshots of the dashboards for a look (deleted after use).
import { chromium } from "@playwright/test";

const BASE = "http://127.0.0.1:3142";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const pages = process.argv.slice(2);
const seed = process.env.SEED === "1";
for (const width of [1280, 390]) {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width, height: 900 }, extraHTTPHeaders: { Origin: BASE } });
  const page = await context.newPage();
  const res = await page.request.post("/api/auth/signin", { data: { email: "secretariat@example.jp", password: "demo-secretariat-password" } });
  if (res.status() !== 200) throw new Error(`signin ${res.status()}`);
  if (seed && width === 1280) {
    const row = (kpi, value) => ({ kpi, value, valueVersion: 0, entryVersion: 0 });
    for (const [fy, rows] of [
      [2025, [row("plan3-out-1", "140"), row("plan3-out-2", "50"), row("plan3-out-4", "125"), row("plan3-outcome-1", "3")]],
      [2026, [row("plan3-out-1", "110"), row("plan3-out-2", "75"), row("plan3-out-4", "118")]],
    ]) {
      const r = await page.request.post(`/api/plans/plan3/rounds/${fy}/entries?lang=ja`, { data: { rows } });
      console.log("save", fy, r.status(), (await r.text()).slice(0, 200));
    }
  }
  for (const locale of ["ja", "en"]) {
    for (const p of pages) {
      await page.goto(`/${locale}${p}`);
      await page.evaluate(() => document.fonts.ready);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      const file = `/tmp/shots/${p.replace(/\//g, "_")}-${locale}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      if (width === 390) {
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 0; y < h; y += 1100, i++)
          await page.screenshot({ path: file.replace(".png", `-part${i}.png`), fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(1100, h - y) } });
      }
      console.log(file, "scrollWidth", sw);
    }
  }
  await context.close();
}
await browser.close();
