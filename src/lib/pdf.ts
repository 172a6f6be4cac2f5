/**
 * PDF from a page of the app, through Debian's Chromium (playwright-core). One browser
 * is kept warm between requests, one page per request, and every request has a time
 * limit, so that a PDF request never hangs. A browser that dies is started again.
 */
import "server-only";
import { chromium, type Browser } from "playwright-core";
import { chromiumLaunchOptions } from "./chromium";

export class PdfUnavailableError extends Error {}
export class PdfTimeoutError extends Error {}

let browser: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  const launching = chromium.launch({ ...chromiumLaunchOptions(), timeout: 20_000 }).then((b) => {
    b.on("disconnected", () => {
      if (browser === launching) browser = null;
    });
    return b;
  });
  launching.catch(() => {
    if (browser === launching) browser = null;
  });
  return launching;
}

async function warmBrowser(): Promise<Browser> {
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
 * Prints a URL to PDF once its body carries data-print-ready="1" (fonts loaded).
 * The page size comes from the page's own @page rule.
 */
export async function printToPdf(url: string, timeoutMs = Number(process.env.PDF_TIMEOUT_MS ?? 30_000)): Promise<Buffer> {
  const b = await warmBrowser();
  const context = await b.newContext();
  const work = (async () => {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    if (!response || !response.ok()) throw new Error(`The print page answered ${response?.status() ?? "nothing"}`);
    await page.waitForSelector("body[data-print-ready='1']", { timeout: timeoutMs });
    return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  })();
  try {
    return await withTimeout(work, timeoutMs);
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw new PdfTimeoutError((error as Error).message);
    throw error;
  } finally {
    await context.close().catch(() => undefined);
  }
}
