import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { clientIp, rateLimitAddress } from "./client-ip";
import { PEER_HEADER } from "./peer-address";

const saved = process.env.TRUST_PROXY;

describe("clientIp", () => {
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
    resetEnvCache();
  });

  const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.9", [PEER_HEADER]: "192.0.2.7" });

  it("ignores X-Forwarded-For without TRUST_PROXY (a client could forge it)", () => {
    process.env.TRUST_PROXY = "";
    resetEnvCache();
    expect(clientIp(headers)).toBe("192.0.2.7");
  });

  it("uses the right-most X-Forwarded-For entry (the one our proxy appended) with TRUST_PROXY", () => {
    process.env.TRUST_PROXY = "1";
    resetEnvCache();
    expect(clientIp(headers)).toBe("10.0.0.9");
  });
});

describe("rateLimitAddress", () => {
  it("keeps IPv4 (and IPv4-mapped IPv6) addresses whole", () => {
    expect(rateLimitAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    const a = rateLimitAddress("2001:db8:0:1:aaaa:bbbb:cccc:dddd");
    expect(a).toBe("2001:db8:0:1::/64");
    expect(rateLimitAddress("2001:0db8:0000:0001::1")).toBe(a);
    expect(rateLimitAddress("2001:DB8:0:1:ffff::")).toBe(a);
    expect(rateLimitAddress("2001:db8:0:2::1")).not.toBe(a);
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
  });
});
