import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testPng } from "../../src/server/contacts/avatar-test-images";
import { TEST_PASSWORD, useHttpServer } from "./harness";
import { multipart } from "./multipart";

type Env<T> = { ok: boolean; data: T; error?: string; details?: { fields?: Record<string, string[]> } };

describe("accounts (HTTP)", () => {
  const h = useHttpServer();

  it("signs up, reads /me, signs out, and signs back in", async () => {
    const a = await h.signUp();
    const me = await a.get<Env<{ email: string }>>("/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(me.json.data.email).toBe(a.email);

    const session = [...a.cookies.keys()].find((k) => k.includes("session_token"));
    expect(session).toBeDefined();

    expect((await a.post("/api/v1/auth/sign-out")).status).toBe(200);
    expect((await a.get<Env<unknown>>("/api/v1/auth/me")).json).toEqual({ ok: false, error: "unauthorized" });

    const again = await a.post<Env<{ user: { email: string } }>>("/api/v1/auth/sign-in", {
      email: a.email,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(200);
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const c = h.client();
    const r = await c.post("/api/v1/auth/sign-up", {
      email: `c-${randomUUID()}@test.local`,
      password: TEST_PASSWORD,
    });
    const cookie = r.headers.getSetCookie().find((s) => s.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("renews the session cookie's lifetime on page views (sliding sessions)", async () => {
    const a = await h.signUp();
    const page = await a.get("/settings");
    expect(page.status).toBe(200);
    const cookie = page.headers.getSetCookie().find((s) => s.includes("session_token"));
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Same value: still the same, valid session.
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
    // A forged cookie is never echoed back.
    const c = h.client();
    c.cookies.set("omnicrm.session_token", "forged.c2lnbmF0dXJlLXRoYXQtaXMtZm9ydHktZm91ci1jaGFycyE=");
    const anon = await c.get("/login");
    expect(anon.headers.getSetCookie().some((s) => s.includes("session_token"))).toBe(false);
  });

  it("rejects a wrong password with 401 and a short password at sign-up with 400 naming the field", async () => {
    const a = await h.signUp();
    const c = h.client();
    const wrong = await c.post<Env<unknown>>("/api/v1/auth/sign-in", {
      email: a.email,
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe("unauthorized");
    const short = await c.post<Env<unknown>>("/api/v1/auth/sign-up", {
      email: `s-${randomUUID()}@test.local`,
      password: "short",
    });
    expect(short.status).toBe(400);
    expect(short.json.details?.fields?.password).toBeDefined();
    const dup = await c.post<Env<unknown>>("/api/v1/auth/sign-up", {
      email: a.email,
      password: TEST_PASSWORD,
    });
    expect(dup.status).toBe(409);
  });

  it("answers 429 rate_limited with Retry-After on the 6th wrong password within 15 minutes", async () => {
    const a = await h.signUp();
    const attacker = h.client();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await attacker.post("/api/v1/auth/sign-in", {
        email: a.email,
        password: `wrong-password-${i}`,
      });
      statuses.push(r.status);
      if (i === 5) {
        expect(r.json).toMatchObject({ ok: false, error: "rate_limited" });
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Audited: failed sign-ins against the user, and the lockout.
    await h.server().waitForLog((l) => l.security === "sign_in_failed" && l.userId === a.userId);
    await h.server().waitForLog((l) => l.security === "lockout" && l.ip === attacker.ip);
    // The right password is refused too while locked out (from that IP)…
    const locked = await attacker.post("/api/v1/auth/sign-in", { email: a.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    // …and Better Auth's own endpoint shares the same budget.
    const direct = await attacker.post("/api/auth/sign-in/email", {
      email: a.email,
      password: TEST_PASSWORD,
    });
    expect(direct.status).toBe(429);
  });

  it("never shows user A's data to user B's session", async () => {
    const a = await h.signUp();
    const b = await h.signUp();
    const meA = await a.get<Env<{ id: string; email: string }>>("/api/v1/auth/me");
    const meB = await b.get<Env<{ id: string; email: string }>>("/api/v1/auth/me");
    expect(meA.json.data).toEqual({ id: a.userId, email: a.email });
    expect(meB.json.data).toEqual({ id: b.userId, email: b.email });
    expect(meB.text).not.toContain(a.email);

    // And on real data: B cannot list, read or change A's contact (404, never 403).
    const created = await a.post<Env<{ id: string }>>("/api/v1/contacts", { displayName: "Alice Private" });
    expect(created.status).toBe(201);
    const id = created.json.data.id;
    const list = await b.get("/api/v1/contacts");
    expect(list.status).toBe(200);
    expect(list.text).not.toContain("Alice Private");
    expect((await b.get(`/api/v1/contacts/${id}`)).status).toBe(404);
    expect((await b.patch(`/api/v1/contacts/${id}`, { displayName: "pwned" })).status).toBe(404);
    const mine = await a.get(`/api/v1/contacts/${id}`);
    expect(mine.text).toContain("Alice Private");
  });

  it("answers 401 unauthorized on user routes without a session and with a forged cookie", async () => {
    const c = h.client();
    expect((await c.get("/api/v1/auth/me")).json).toEqual({ ok: false, error: "unauthorized" });
    c.cookies.set("omnicrm.session_token", "forged.c2lnbmF0dXJlLXRoYXQtaXMtZm9ydHktZm91ci1jaGFycyE=");
    expect((await c.get("/api/v1/auth/me")).status).toBe(401);
    // The unversioned alias answers the same way.
    expect((await c.get("/api/auth/me")).status).not.toBe(200);
  });

  it("resets a password through the sent link and revokes old sessions", async () => {
    const a = await h.signUp();
    const r = await h.client().post("/api/v1/auth/request-password-reset", { email: a.email });
    expect(r.status).toBe(200);
    const link = await h.server().resetLinkFor(a.email);
    const token = decodeURIComponent(new URL(link).searchParams.get("token")!);
    const bad = await h
      .client()
      .post<Env<unknown>>("/api/v1/auth/reset-password", { token: "nope", password: "a brand new password" });
    expect(bad.status).toBe(400);
    const ok = await h
      .client()
      .post("/api/v1/auth/reset-password", { token, password: "a brand new password" });
    expect(ok.status).toBe(200);
    expect((await a.get("/api/v1/auth/me")).status).toBe(401);
    const c = h.client();
    expect((await c.post("/api/v1/auth/sign-in", { email: a.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect(
      (await c.post("/api/v1/auth/sign-in", { email: a.email, password: "a brand new password" })).status,
    ).toBe(200);
  });

  it("answers the same for an unknown email (no account enumeration)", async () => {
    const r = await h
      .client()
      .post("/api/v1/auth/request-password-reset", { email: `nobody-${randomUUID()}@test.local` });
    expect(r.status).toBe(200);
  });

  it("deletes the account only with the right password, then the session and the photos are gone", async () => {
    const a = await h.signUp();
    const contact = await a.post<{ data: { id: string } }>("/api/v1/contacts", {
      displayName: "Has A Photo",
    });
    const png = { name: "p.png", type: "image/png", content: testPng(64, 64) };
    const put = await a.put(`/api/v1/contacts/${contact.json.data.id}/avatar`, undefined, multipart({}, png));
    expect(put.status).toBe(200);
    const photos = () => {
      const dir = path.join(h.server().dataDir, "uploads", "avatars", a.userId);
      return existsSync(dir) ? readdirSync(dir).length : 0;
    };
    expect(photos()).toBe(1);
    const wrong = await a.post<Env<unknown>>("/api/v1/auth/delete-account", { password: "not my password" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.details?.fields?.password).toBeDefined();
    const ok = await a.post("/api/v1/auth/delete-account", { password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    expect((await a.get("/api/v1/auth/me")).status).toBe(401);
    expect(photos()).toBe(0);
    const c = h.client();
    expect((await c.post("/api/v1/auth/sign-in", { email: a.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
  });

  it("does not let the auth library's own delete-user endpoint skip the password", async () => {
    const a = await h.signUp();
    expect((await a.post("/api/auth/delete-user", {})).status).toBe(404);
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
  });
});
