// Who may speak for the client (TRUSTED_PROXIES): the trust rules shared by the production server's preload
// and the app (src/server/trusted-proxies.mjs), and what the app makes of a request's headers with and without
// the preload (src/server/forwarded.ts). The preload itself against `next start`:
// tests/reliability/server/forwarded-headers.test.ts.
import { afterEach, describe, expect, it, vi } from "vitest";

import { callerOrigin, clientAddress, socketPeer } from "@/server/forwarded";
import {
  clientFromChain,
  isTrustedProxy,
  normalizeAddress,
  parseTrustedProxies,
  PEER_HEADER,
  PRELOAD_MARK,
} from "@/server/trusted-proxies.mjs";

const marks = globalThis as Record<symbol, unknown>;
/** As on a production server: the preload has run in this process and recorded each request's socket peer. */
function withPreload() {
  marks[PRELOAD_MARK] = true;
}

afterEach(() => {
  delete marks[PRELOAD_MARK];
  vi.unstubAllEnvs();
});

describe("TRUSTED_PROXIES", () => {
  it("trusts nobody by default", () => {
    for (const setting of [undefined, "", " , "]) {
      const none = parseTrustedProxies(setting);
      for (const address of ["127.0.0.1", "10.0.0.1", "::1", "192.168.1.1"])
        expect(isTrustedProxy(none, address), `${setting} ${address}`).toBe(false);
    }
  });

  it("matches IPv4 addresses and CIDR ranges, IPv4 clients of a dual-stack socket included", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.7 172.16.0.0/12");
    expect(isTrustedProxy(trusted, "10.1.2.3")).toBe(true);
    expect(isTrustedProxy(trusted, "::ffff:10.1.2.3")).toBe(true);
    expect(isTrustedProxy(trusted, "172.31.255.255")).toBe(true);
    expect(isTrustedProxy(trusted, "192.0.2.7")).toBe(true);
    expect(isTrustedProxy(trusted, "192.0.2.7:8080")).toBe(true);
    expect(isTrustedProxy(trusted, "192.0.2.8")).toBe(false);
    expect(isTrustedProxy(trusted, "172.32.0.1")).toBe(false);
    expect(isTrustedProxy(trusted, "11.0.0.1")).toBe(false);
    expect(isTrustedProxy(trusted, "not-an-address")).toBe(false);
    expect(isTrustedProxy(trusted, "")).toBe(false);
  });

  it("matches IPv6 addresses and ranges, bracketed or with a zone", () => {
    const trusted = parseTrustedProxies("2001:db8::/32,::1,fe80::/10");
    expect(isTrustedProxy(trusted, "2001:db8:1234::5")).toBe(true);
    expect(isTrustedProxy(trusted, "2001:DB8::1")).toBe(true);
    expect(isTrustedProxy(trusted, "[2001:db8::1]:443")).toBe(true);
    expect(isTrustedProxy(trusted, "::1")).toBe(true);
    expect(isTrustedProxy(trusted, "fe80::1%eth0")).toBe(true);
    expect(isTrustedProxy(trusted, "2001:db9::1")).toBe(false);
    expect(isTrustedProxy(trusted, "127.0.0.1")).toBe(false);
  });

  it("refuses an entry that is no address or range, naming it", () => {
    for (const wrong of ["10.0.0.0/33", "proxy.internal", "10.0.0/8", "::1/129", "1.2.3.4/8/1", "10.0.0.0/x"])
      expect(() => parseTrustedProxies(`127.0.0.1, ${wrong}`), wrong).toThrow(wrong);
  });

  it("normalizes the forms one client takes", () => {
    expect(normalizeAddress(" ::FFFF:203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeAddress("[::1]:3000")).toBe("::1");
    expect(normalizeAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeAddress("unknown")).toBeNull();
  });
});

describe("the client behind a chain of proxies", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32");

  it("is the socket's peer when that is no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientFromChain("198.51.100.4", "203.0.113.1", trusted)).toBe("198.51.100.4");
    expect(clientFromChain("198.51.100.4", null, trusted)).toBe("198.51.100.4");
    expect(clientFromChain("198.51.100.4", "10.0.0.1", trusted)).toBe("198.51.100.4");
  });

  it("walks from the right past trusted proxies to the first hop that is not one", () => {
    expect(clientFromChain("10.0.0.2", "203.0.113.1", trusted)).toBe("203.0.113.1");
    // The client wrote the left part itself: only the right-most untrusted hop counts.
    expect(clientFromChain("10.0.0.2", "1.1.1.1, 203.0.113.1, 10.9.9.9", trusted)).toBe("203.0.113.1");
    expect(clientFromChain("2001:db8::2", "2001:db8::9, ::ffff:203.0.113.1", trusted)).toBe("203.0.113.1");
    expect(clientFromChain("10.0.0.2", "garbage-the-client-wrote", trusted)).toBe("garbage-the-client-wrote");
  });

  it("is the left-most hop when every hop is a trusted proxy, the peer when nothing was forwarded", () => {
    expect(clientFromChain("10.0.0.2", "10.0.0.9, 10.0.0.3", trusted)).toBe("10.0.0.9");
    expect(clientFromChain("10.0.0.2", "", trusted)).toBe("10.0.0.2");
  });
});

describe("the app's view of a request (src/server/forwarded.ts)", () => {
  const spoofed = {
    "x-forwarded-for": "203.0.113.77",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    host: "portal.test:3000",
  };
  const request = (headers: Record<string, string>) =>
    new Request("http://portal.test:3000/providers/x", { headers: new Headers(headers) });

  it("without the preload (next dev, tests) believes no forwarded header, nor a client's copy of the peer header", () => {
    vi.stubEnv("TRUSTED_PROXIES", "0.0.0.0/0, ::/0");
    const headers = new Headers({ ...spoofed, [PEER_HEADER]: "10.0.0.1" });
    expect(socketPeer(headers)).toBeNull();
    expect(clientAddress(headers)).toBe("unknown");
    expect(callerOrigin(request({ ...spoofed, [PEER_HEADER]: "10.0.0.1" }))).toEqual({
      protocol: "http:",
      host: "portal.test:3000",
    });
  });

  it("with the preload and no TRUSTED_PROXIES: the socket's address and Host, never the client's headers", () => {
    withPreload();
    const headers = { ...spoofed, [PEER_HEADER]: "198.51.100.4" };
    expect(clientAddress(new Headers(headers))).toBe("198.51.100.4");
    expect(callerOrigin(request(headers))).toEqual({ protocol: "http:", host: "portal.test:3000" });
  });

  it("with the preload, from a trusted proxy: its X-Forwarded-For, -Host and -Proto", () => {
    withPreload();
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    const headers = { ...spoofed, "x-forwarded-for": "1.1.1.1, 203.0.113.77", [PEER_HEADER]: "::ffff:10.0.0.5" };
    expect(clientAddress(new Headers(headers))).toBe("203.0.113.77");
    expect(callerOrigin(request(headers))).toEqual({ protocol: "https:", host: "evil.example" });
    // A proxy's forwarded host that is no host name is ignored for Host.
    expect(callerOrigin(request({ ...headers, "x-forwarded-host": "a/b@c" })).host).toBe("portal.test:3000");
  });

  it("uses PUBLIC_ORIGIN, when set, for every request", () => {
    withPreload();
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    vi.stubEnv("PUBLIC_ORIGIN", "https://billing.example.com");
    expect(callerOrigin(request({ ...spoofed, [PEER_HEADER]: "10.0.0.5" }))).toEqual({
      protocol: "https:",
      host: "billing.example.com",
    });
    vi.stubEnv("PUBLIC_ORIGIN", "https://billing.example.com/portal");
    expect(() => callerOrigin(request({}))).toThrow(/PUBLIC_ORIGIN/);
  });
});
