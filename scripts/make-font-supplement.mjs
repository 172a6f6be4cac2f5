// The @fontsource slices of Noto Sans JP leave out 75 characters that the full font has:
// Greek (α, β…) and the Roman numerals (Ⅰ–Ⅻ, as in クラスⅢ・Ⅳ). Without them, Chromium
// falls back to another font, in the pages and in the PDF slides. This cuts exactly those
// characters out of the full Noto Sans JP (SIL Open Font License 1.1) into two small
// WOFF2 files in src/fonts/, which globals.css adds to the family with a unicode-range.
// Run it again only to regenerate them: node scripts/make-font-supplement.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const RANGES = [
  [0x391, 0x3a1],
  [0x3a3, 0x3a9],
  [0x3b1, 0x3c9],
  [0x2160, 0x216b],
  [0x2170, 0x217b],
];
const text = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join("");

const dir = mkdtempSync(path.join(tmpdir(), "font-"));
execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--ignore-scripts", "subset-font@2.9.0", "@expo-google-fonts/noto-sans-jp@0.4.3"], {
  stdio: "inherit",
});
const require = createRequire(path.join(dir, "node_modules", "x.js"));
const subsetFont = require("subset-font");
const fonts = path.join(dir, "node_modules/@expo-google-fonts/noto-sans-jp");
for (const [weight, file] of [
  ["400", "400Regular/NotoSansJP_400Regular.ttf"],
  ["700", "700Bold/NotoSansJP_700Bold.ttf"],
]) {
  const out = await subsetFont(readFileSync(path.join(fonts, file)), text, { targetFormat: "woff2" });
  writeFileSync(`src/fonts/noto-sans-jp-supplement-${weight}.woff2`, out);
  console.log(`src/fonts/noto-sans-jp-supplement-${weight}.woff2: ${out.length} bytes, ${[...text].length} characters`);
}
console.log(`unicode-range: ${RANGES.map(([a, b]) => `U+${a.toString(16)}-${b.toString(16)}`).join(", ")}`);
