import { chromium } from "@playwright/test";
// Full-page screenshots of the running app in Debian's Chromium, signed in or not:
//   node scripts/screenshot.mjs http://127.0.0.1:3000 - - /tmp/kpi.png=/ja/plans/plan2/2024/kpis/pharma-out-1
//   node scripts/screenshot.mjs http://127.0.0.1:3000 committee@example.jp demo-committee-password /tmp/draft.png=/en/plans/plan2/2023
const [, , base, email, password, ...pairs] = process.argv;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { Origin: base } });
if (email !== "-") console.log("signin", (await context.request.post("/api/auth/signin", { data: { email, password } })).status());
const page = await context.newPage();
for (const p of pairs) {
  const i = p.indexOf("=");
  const out = p.slice(0, i);
  await page.goto(p.slice(i + 1), { waitUntil: "networkidle" });
  await page.screenshot({ path: out, fullPage: true });
  console.log(out);
}
await browser.close();
