import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, useHttpServer } from "./harness";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Counters live in Redis, which outlives a test run (CI runs this file against the same
// Redis more than once an hour): a fresh random address per call keeps runs independent.
const octet = () => 1 + Math.floor(Math.random() * 250);
const ip = () => `10.${octet()}.${octet()}.${octet()}`;
const hex = () => octet().toString(16);

// Limits come from the environment (README: configuration); these are deliberately small.
describe("rate limits from the environment (HTTP)", () => {
  const h = useHttpServer({
    RATE_LIMIT_API_PER_MIN: "7",
    RATE_LIMIT_AUTH_PER_15MIN: "3",
    RATE_LIMIT_AI_PER_MIN: "4",
    RATE_LIMIT_SIGNUPS_PER_HOUR: "2",
    AI_PROVIDER: "",
  });

  it("limits the API per user at RATE_LIMIT_API_PER_MIN and AI at RATE_LIMIT_AI_PER_MIN", async () => {
    const a = await h.signUp();
    const api: number[] = [];
    for (let i = 0; i < 8; i++) api.push((await a.get("/api/v1/tags")).status);
    expect(api.slice(0, 7).every((s) => s === 200)).toBe(true);
    expect(api[7]).toBe(429);

    const b = await h.signUp();
    const ai: number[] = [];
    for (let i = 0; i < 5; i++) ai.push((await b.post("/api/v1/chat", { prompt: "hi" })).status);
    expect(ai.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(ai[4]).toBe(429);
  });

  it("limits sign-ups per IP per hour", async () => {
    const from = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = h.client();
      const r = await c.post(
        "/api/v1/auth/sign-up",
        { email: `s-${randomUUID()}@test.local`, password: TEST_PASSWORD },
        { headers: { "x-forwarded-for": from } },
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    // Better Auth's own sign-up endpoint counts against the same budget.
    const c = h.client();
    const own = await c.post(
      "/api/auth/sign-up/email",
      { email: `s-${randomUUID()}@test.local`, password: TEST_PASSWORD, name: "" },
      { headers: { "x-forwarded-for": from } },
    );
    expect(own.status).toBe(429);
    // Another address is unaffected.
    expect(
      (
        await h.client().post("/api/v1/auth/sign-up", {
          email: `s-${randomUUID()}@test.local`,
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(200);
  });

  it("limits guesses per IPv6 /64 across emails", async () => {
    const net = `2001:db8:${hex()}${hex()}`;
    const statuses: number[] = [];
    // 3 × 6 = 18 guesses per /64 in 15 minutes, each from another address of the same /64.
    for (let i = 1; i <= 19; i++) {
      const r = await h
        .client()
        .post(
          "/api/v1/auth/sign-in",
          { email: `nobody-${randomUUID()}@test.local`, password: "wrong password" },
          { headers: { "x-forwarded-for": `${net}:1::${i.toString(16)}` } },
        );
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 18).every((s) => s === 401)).toBe(true);
    expect(statuses[18]).toBe(429);
    const other = await h
      .client()
      .post(
        "/api/v1/auth/sign-in",
        { email: `nobody-${randomUUID()}@test.local`, password: "wrong password" },
        { headers: { "x-forwarded-for": `${net}:2::1` } },
      );
    expect(other.status).toBe(401);
  });

  it("slows guesses at one account from many IPs with a growing delay its owner outlasts", async () => {
    const owner = await h.signUp();
    await owner.post("/api/v1/auth/sign-out");
    const guess = (path = "/api/v1/auth/sign-in") =>
      h
        .client()
        .post(
          path,
          { email: owner.email, password: "wrong password" },
          { headers: { "x-forwarded-for": ip() } },
        );
    // 2 × 3 = 6 failures from anywhere are free.
    for (let i = 0; i < 7; i++) expect((await guess()).status).toBe(401);
    // The 7th failure closed the gate for 1 s: every address is told to wait.
    const waited = await guess("/api/auth/sign-in/email");
    expect(waited.status).toBe(429);
    expect(Number(waited.headers.get("retry-after"))).toBe(1);
    await sleep(1100);
    expect((await guess()).status).toBe(401);
    const longer = await guess();
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get("retry-after"))).toBe(2);
    // The owner, after the (short) delay, signs in and clears the count.
    await sleep(2100);
    const ok = await h.client().post("/api/v1/auth/sign-in", { email: owner.email, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
  });
});
