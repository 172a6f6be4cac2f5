/** Debian's Chromium, as the browser tests (and later the PDF export) launch it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumLaunchOptions() {
  return {
    executablePath: CHROMIUM_PATH,
    // Without the background-networking flags Chromium keeps trying a closed network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  };
}
