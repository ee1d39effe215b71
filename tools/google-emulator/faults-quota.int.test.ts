import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "./server";
import { authedClients } from "./test-clients";

const errorOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as GaxiosError).response;
// gaxios retries 429/5xx three times by default; keep its delays tiny in tests.
const fastRetry = { retryConfig: { retryDelay: 5, retryDelayMultiplier: 1 } };

describe("fault injection", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startGoogleEmulator({ seed: 2, mailbox: { messages: 10 }, calendar: { events: 5 } });
  });
  afterAll(() => emu.close());

  it("fails the next N API calls with 429, then lets the client's retry succeed", async () => {
    const { gmail } = authedClients(emu);
    emu.control.resetStats();
    emu.control.setFault({ kind: "rate_limit_429", count: 2 });
    const res = await gmail.users.labels.list({ userId: "me" }, fastRetry);
    expect(res.status).toBe(200);
    expect(emu.control.stats()).toMatchObject({
      throttled429: 2,
      byEndpoint: { "gmail.users.labels.list": 3 },
    });
  });

  it("returns Google's 403 userRateLimitExceeded and 500 backendError bodies", async () => {
    const { gmail, calendar } = authedClients(emu);
    emu.control.setFault({ kind: "rate_limit_403", count: 1, pathPrefix: "/gmail/" });
    const r403 = await errorOf(gmail.users.getProfile({ userId: "me" }, { retry: false }));
    expect(r403?.data).toMatchObject({
      error: { code: 403, errors: [{ reason: "userRateLimitExceeded", domain: "usageLimits" }] },
    });
    emu.control.setFault({ kind: "server_500", forMs: 60_000, pathPrefix: "/calendar/" });
    const r500 = await errorOf(calendar.calendarList.list({}, { retry: false }));
    expect(r500?.data).toMatchObject({ error: { code: 500, errors: [{ reason: "backendError" }] } });
    await expect(gmail.users.getProfile({ userId: "me" })).resolves.toMatchObject({ status: 200 });
    emu.control.clearFaults();
    await expect(calendar.calendarList.list()).resolves.toMatchObject({ status: 200 });
    expect(emu.control.stats().throttled403).toBe(1);
  });

  it("slows responses down and can target the token endpoint", async () => {
    const { gmail } = authedClients(emu);
    emu.control.setFault({ kind: "slow", delayMs: 150, count: 1 });
    const t0 = Date.now();
    await gmail.users.labels.list({ userId: "me" });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    emu.control.setFault({ kind: "server_500", count: 1, pathPrefix: "/token" });
    const res = await fetch(emu.tokenUrl, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token" }),
    });
    expect(res.status).toBe(500);
  });
});

describe("quota", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startGoogleEmulator({
      seed: 2,
      mailbox: { messages: 10 },
      calendar: { events: 5 },
      quota: { unitsPerMinute: 12 },
      extraAccounts: ["other@example.com"],
    });
  });
  afterAll(() => emu.close());

  it("charges Gmail's per-method units per account and answers 429 with Retry-After when over budget", async () => {
    const { gmail } = authedClients(emu);
    await gmail.users.messages.list({ userId: "me" }); // 5
    await gmail.users.messages.list({ userId: "me" }); // 10
    const start = (await gmail.users.getProfile({ userId: "me" })).data.historyId ?? ""; // 11
    expect(
      (await errorOf(gmail.users.history.list({ userId: "me", startHistoryId: start }, { retry: false })))
        ?.status,
    ).toBe(429); // 13 > 12
    const res = await errorOf(gmail.users.messages.list({ userId: "me" }, { retry: false }));
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get("retry-after"))).toBeGreaterThanOrEqual(55);
    expect(res?.data).toMatchObject({
      error: {
        code: 429,
        status: "RESOURCE_EXHAUSTED",
        errors: [{ reason: "rateLimitExceeded", domain: "usageLimits" }],
      },
    });
    // Quota is per user: another account still has its full budget.
    await expect(
      authedClients(emu, "other@example.com").gmail.users.messages.list({ userId: "me" }),
    ).resolves.toMatchObject({ status: 200 });
    const stats = emu.control.stats();
    expect(stats.unitsByAccount).toEqual({ "practitioner@example.com": 11, "other@example.com": 5 });
    expect(stats.unitsUsed).toBe(16);
    expect(stats.throttled429).toBe(2);
  });
});
