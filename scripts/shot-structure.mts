// Screenshots of the structure page (temporary; deleted after use).
import { chromium } from "playwright-core";

const base = "http://127.0.0.1:3162";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const plan = process.argv[2] ?? "plan3";
const open = process.argv[3] === "open";
for (const width of [1280, 390]) {
  for (const locale of ["ja", "en"]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: base, extraHTTPHeaders: { Origin: base } });
    expect200(await context.request.post("/api/auth/signin", { data: { email: "admin@example.jp", password: "demo-admin-password" } }));
    const page = await context.newPage();
    await page.goto(`/${locale}/admin/plans/${plan}/structure`);
    if (open) for (const d of await page.locator("details").all()) await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(width, locale, "scrollWidth", scroll);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const step = width > 500 ? 1400 : 1800;
    for (let y = 0, i = 0; y < height; y += step, i++) {
      await page.screenshot({ path: `/tmp/shot-${plan}-${width}-${locale}${open ? "-open" : ""}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(step, height - y) } });
    }
    await context.close();
  }
}
await browser.close();
function expect200(r: { status(): number }) {
  if (r.status() !== 200) throw new Error(`sign-in ${r.status()}`);
}
