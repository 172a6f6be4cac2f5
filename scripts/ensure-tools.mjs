// Makes sure Debian's packages that the app and its tests use are there, and installs those
// missing when run as root on Debian (as CI and a fresh machine are), otherwise says how.
//   node scripts/ensure-tools.mjs [--optional] chromium   the PDF slides and the browser tests
//   node scripts/ensure-tools.mjs office                  the tests of the PowerPoint deck: LibreOffice
//                                                         converts it, poppler reads the PDF, Noto CJK
//                                                         draws its Japanese
//   node scripts/ensure-tools.mjs postgres                the integration tests on PostgreSQL: Debian's
//                                                         server (a throwaway cluster) and pg_dump
// --optional (npm run demo): if one cannot be had, say so and go on; the app then explains,
// on the slides link, why no PDF can be made.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const optional = process.argv.includes("--optional");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TOOLS = {
  chromium: [{ file: chromium, pkg: "chromium", apt: chromium === "/usr/bin/chromium" }],
  office: [
    { file: "/usr/bin/soffice", pkg: "libreoffice-impress", apt: true },
    { file: "/usr/bin/pdftotext", pkg: "poppler-utils", apt: true },
    { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", pkg: "fonts-noto-cjk", apt: true },
  ],
  postgres: [{ file: "/usr/bin/pg_ctlcluster", pkg: "postgresql", apt: true }],
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const missing = wanted.flatMap((set) => TOOLS[set] ?? []).filter((t) => !existsSync(t.file));
if (missing.length === 0) process.exit(0);
const packages = missing.map((t) => t.pkg).join(" ");
const howTo = `Install ${packages} (sudo apt-get install -y --no-install-recommends ${packages})${wanted.includes("chromium") ? " or set CHROMIUM_PATH" : ""}.`;
if (missing.every((t) => t.apt) && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log(`Missing: ${packages}. Installing Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execSync(`apt-get update && apt-get install -y --no-install-recommends ${packages}`, { stdio: "inherit", env });
    process.exit(0);
  } catch (error) {
    console.error(`Installing ${packages} failed: ${error.message}`);
  }
}
if (optional) {
  console.warn(`Missing: ${missing.map((t) => t.file).join(", ")}. The app runs, but cannot make the PDF slides. ${howTo}`);
  process.exit(0);
}
console.error(`Missing: ${missing.map((t) => t.file).join(", ")}. ${howTo}`);
process.exit(1);
