import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { clientIp } from "./client-ip";
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
