/**
 * Who is on the other end of a request, for the sign-in limits. The app's server
 * (scripts/serve.mjs) puts the TCP peer's address in PEER_HEADER, replacing whatever a client
 * sent under that name. X-Forwarded-For is believed only when that peer is a proxy the
 * operator declared in TRUST_PROXY; otherwise any client could send a fresh value with every
 * attempt.
 */
import { BlockList, isIP } from "node:net";

export const PEER_HEADER = "x-kpi-peer-address";

/** ::ffff:127.0.0.1 (an IPv4 peer on a dual-stack socket) → 127.0.0.1. */
export function plainAddress(address: string): string {
  const a = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/**
 * TRUST_PROXY: the proxies in front of the app, comma-separated: addresses ("10.0.0.5",
 * "::1"), subnets ("10.0.0.0/8") or "loopback". Empty: none, the peer is the client.
 */
export function parseTrustedProxies(setting: string): BlockList | null {
  const entries = setting
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`TRUST_PROXY: "${entry}" is not an address, a subnet or "loopback"`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the peer's; or, when the peer is a declared proxy, the nearest
 * address in X-Forwarded-For that is not a declared proxy (each proxy appends the address it
 * saw, so entries further left are only what the client claimed).
 */
export function clientAddress(headers: Headers, trusted: BlockList | null): string {
  const peer = plainAddress(headers.get(PEER_HEADER) ?? "unknown");
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map(plainAddress).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!isTrusted(trusted, forwarded[i])) return forwarded[i];
  return forwarded[0] ?? peer;
}

let cached: { setting: string; list: BlockList | null } | null = null;

/** clientAddress() with the TRUST_PROXY of this process. */
export function requestClient(request: Request): string {
  const setting = process.env.TRUST_PROXY ?? "";
  if (cached?.setting !== setting) cached = { setting, list: parseTrustedProxies(setting) };
  return clientAddress(request.headers, cached.list);
}
