// Makes sure Debian's Chromium is there, for the PDF slides and the browser tests: installs
// it when run as root on Debian (as CI and a fresh machine are), otherwise says how.
// --optional (npm run demo): if it cannot be had, say so and go on; the app then explains,
// on the slides link, why no PDF can be made.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const optional = process.argv.includes("--optional");
const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const howTo = `Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`;

if (existsSync(path)) process.exit(0);
if (path === "/usr/bin/chromium" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("Chromium is missing: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execSync("apt-get update && apt-get install -y --no-install-recommends chromium", { stdio: "inherit", env });
    process.exit(0);
  } catch (error) {
    console.error(`Installing chromium failed: ${error.message}`);
  }
}
if (optional) {
  console.warn(`Chromium was not found at ${path}: the app runs, but cannot make the PDF slides. ${howTo}`);
  process.exit(0);
}
console.error(`Chromium was not found at ${path}. ${howTo}`);
process.exit(1);
