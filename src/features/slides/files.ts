/**
 * PDF from a page of the app, through Debian's Chromium (playwright-core). One browser
 * and one context are kept warm between requests (so fonts and scripts stay in its
 * cache), one page per request, and every request has a time limit, so that a PDF
 * request never hangs. A browser that dies is started again.
 */
import "server-only";
import { signPrintToken } from "@/features/auth/server";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { chromiumLaunchOptions } from "@/lib/chromium";

export class PdfUnavailableError extends Error {}
export class PdfTimeoutError extends Error {}

let browser: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

function launch() {
  const launching = chromium.launch({ ...chromiumLaunchOptions(), timeout: 20_000 }).then(async (b) => {
    b.on("disconnected", () => {
      if (browser === launching) browser = null;
    });
    // The print pages are server-rendered: they need no script, and without it Chromium
    // skips hydrating a large document (about 0.4 s a deck).
    return { browser: b, context: await b.newContext({ javaScriptEnabled: false }) };
  });
  launching.catch(() => {
    if (browser === launching) browser = null;
  });
  return launching;
}

async function warmBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  browser ??= launch();
  try {
    return await browser;
  } catch (error) {
    throw new PdfUnavailableError(`Chromium could not be started: ${(error as Error).message}`);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeoutError(`PDF not ready after ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * Prints a URL to PDF once the whole document has arrived (its #print-end marker) and
 * every font is loaded. The page size comes from the page's own @page rule.
 */
export async function printToPdf(url: string, timeoutMs = Number(process.env.PDF_TIMEOUT_MS ?? 30_000)): Promise<Buffer> {
  const { context } = await warmBrowser();
  const page = await context.newPage();
  const work = (async () => {
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    if (!response || !response.ok()) throw new Error(`The print page answered ${response?.status() ?? "nothing"}`);
    await page.waitForSelector("#print-end", { state: "attached", timeout: timeoutMs });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  })();
  try {
    return await withTimeout(work, timeoutMs);
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw new PdfTimeoutError((error as Error).message);
    throw error;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Where the server reaches its own print pages (never taken from the request's Host header). */
function internalBaseUrl(): string {
  return process.env.INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/**
 * The PDF of a round's deck, printed from its print page. The server's Chromium has no
 * session: for a draft, a short-lived token opens this one round for it.
 */
export function printDeck(code: string, fy: number, lang: string, draft: boolean): Promise<Buffer> {
  const url = new URL(`${internalBaseUrl()}/${lang}/print/plans/${encodeURIComponent(code)}/${fy}`);
  if (draft) url.searchParams.set("token", signPrintToken(code, fy));
  return printToPdf(url.toString());
}
