import { chromium } from "@playwright/test";
// usage: node shot2.mjs base email|- password out1=url1 out2=url2 ...
const [,, base, email, password, ...pairs] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--no-first-run"] });
const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { Origin: base } });
if (email !== "-") console.log("signin", (await context.request.post("/api/auth/signin", { data: { email, password } })).status());
const page = await context.newPage();
for (const p of pairs) {
  const [out, url] = p.split("=");
  const i = p.indexOf("=");
  await page.goto(p.slice(i + 1), { waitUntil: "networkidle" });
  await page.screenshot({ path: out, fullPage: true });
  console.log(out);
}
await browser.close();
