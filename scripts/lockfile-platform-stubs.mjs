// The npm registry these machines reach serves only the Linux builds of packages such as
// @next/swc-* and @swc/core-*, so `npm install` leaves the other platforms' optional
// packages out of package-lock.json, and `npm ci` then refuses the lockfile as out of
// sync. This adds each missing optional platform package as an entry for its os/cpu,
// which npm ci skips on Linux as it would skip a real one. Run it after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const FILE = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(FILE, "utf8"));
const OS = { darwin: "darwin", win32: "win32", linux: "linux", freebsd: "freebsd", android: "android" };
const CPU = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64"];

let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => p in OS);
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os || !cpu) {
      console.warn(`left alone: ${name} (not a platform package)`);
      continue;
    }
    const entry = { version, cpu: [cpu], license: "MIT", optional: true, os: [OS[os]] };
    if (os === "linux") entry.libc = [parts.includes("musl") ? "musl" : "glibc"];
    lock.packages[key] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(FILE, JSON.stringify(lock, null, 2) + "\n");
console.log(`package-lock.json: ${added} platform entries added`);
