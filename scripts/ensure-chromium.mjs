// Makes sure Debian's Chromium is there for the browser tests: installs it when run as
// root on Debian (as CI and a fresh machine are), otherwise says how.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);
if (path === "/usr/bin/chromium" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("Chromium is missing: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execSync("apt-get update && apt-get install -y chromium", { stdio: "inherit", env });
  process.exit(0);
}
console.error(`Chromium was not found at ${path}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
process.exit(1);
