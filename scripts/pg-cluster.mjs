// A throwaway PostgreSQL cluster for tests and benches: Debian's server binaries, a data
// folder of its own, listening on 127.0.0.1 only, trust authentication, stopped and deleted
// by stop(). As root (CI), the server runs as the "postgres" user that Debian's package
// creates, since PostgreSQL refuses to run as root.
//   node scripts/pg-cluster.mjs start <port>   (prints its folder and URL)   |   node scripts/pg-cluster.mjs stop <folder>
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of Debian's server binaries (initdb, pg_ctl), the newest version installed. */
export function serverBin() {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin/initdb"))) : [];
  if (versions.length === 0) throw new Error("PostgreSQL's server is not installed (apt-get install postgresql)");
  return path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

const asRoot = () => userInfo().uid === 0;

function run(bin, args, env = {}) {
  const command = asRoot() ? ["runuser", ["-u", "postgres", "--", path.join(serverBin(), bin), ...args]] : [path.join(serverBin(), bin), args];
  return execFileSync(command[0], command[1], { stdio: "pipe", env: { ...process.env, ...env }, encoding: "utf8" });
}

/**
 * Starts a fresh cluster in a new folder under the system's temporary folder (which the
 * postgres user can reach), on 127.0.0.1:`port`, and returns its folder and its server's URL
 * (user postgres, no password). `timeZone` is the server's own time zone (the app must be
 * right whatever it is). stopCluster(dir) stops it and deletes the folder.
 */
export function startCluster(port, { timeZone = "Asia/Tokyo" } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "kpi-pg-"));
  if (asRoot()) execFileSync("chown", ["postgres:", dir]);
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], { TZ: timeZone });
  const options = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c max_connections=200",
    `-c timezone=${timeZone}`,
  ].join(" ");
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "30", "start"]);
  return { dir, url: `postgresql://postgres@127.0.0.1:${port}` };
}

export function stopCluster(dir) {
  const data = path.join(dir, "data");
  // Only a folder that startCluster made: this deletes it, as root on CI.
  if (!path.basename(dir).startsWith("kpi-pg-") || !existsSync(path.join(data, "PG_VERSION")))
    throw new Error(`${dir} is not a cluster of scripts/pg-cluster.mjs`);
  if (existsSync(path.join(data, "postmaster.pid"))) {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

// Run as a command (not imported): the same file, whatever the path's spaces, characters or links.
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const [command, arg] = process.argv.slice(2);
  if (command === "start") {
    const { dir, url } = startCluster(Number(arg));
    console.log(`${dir}\n${url}`);
  } else if (command === "stop") stopCluster(path.resolve(arg));
  else {
    console.error("usage: node scripts/pg-cluster.mjs start <port> | stop <folder>");
    process.exit(2);
  }
}
