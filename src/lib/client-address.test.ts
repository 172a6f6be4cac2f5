import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_HEADER } from "./client-address";

const headers = (peer: string | null, forwarded?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwarded !== undefined) h.set("x-forwarded-for", forwarded);
  return h;
};

describe("the client's address", () => {
  it("is the peer's when no proxy is declared, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("203.0.113.7", "1.1.1.1"), null)).toBe("203.0.113.7");
    expect(clientAddress(headers("::ffff:127.0.0.1", "9.9.9.9"), null)).toBe("127.0.0.1");
    expect(clientAddress(headers(null, "9.9.9.9"), null)).toBe("unknown");
  });

  it("is the peer's when the peer is not a declared proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.5");
    expect(clientAddress(headers("127.0.0.2", "1.2.3.4"), trusted)).toBe("127.0.0.2");
  });

  it("behind declared proxies, is the nearest forwarded address that is not one of them", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, loopback");
    expect(clientAddress(headers("10.0.0.5", "203.0.113.7"), trusted)).toBe("203.0.113.7");
    // A client's own X-Forwarded-For stands to the left of what the proxy appended.
    expect(clientAddress(headers("10.0.0.5", "6.6.6.6, 203.0.113.7"), trusted)).toBe("203.0.113.7");
    expect(clientAddress(headers("127.0.0.1", "203.0.113.7, 10.1.2.3"), trusted)).toBe("203.0.113.7");
    expect(clientAddress(headers("::1", ""), trusted)).toBe("::1");
  });

  it("refuses a setting that is not addresses or subnets", () => {
    expect(parseTrustedProxies("")).toBeNull();
    expect(() => parseTrustedProxies("proxy.example.jp")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/TRUST_PROXY/);
  });
});
