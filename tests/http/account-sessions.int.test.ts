import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, useHttpServer } from "./harness";

type Env<T> = { ok: boolean; data: T; error?: string; details?: { fields?: Record<string, string[]> } };
type Session = { id: string; userAgent: string | null; current: boolean };

describe("Settings → Account: sessions and password (HTTP)", () => {
  const h = useHttpServer();

  it("lists this account's devices, marks the current one, and signs another out", async () => {
    const laptop = await h.signUp();
    const phone = h.client();
    const signIn = await phone.post("/api/v1/auth/sign-in", { email: laptop.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(200);
    const stranger = await h.signUp();

    const list = await laptop.get<Env<{ items: Session[] }>>("/api/v1/account/sessions");
    expect(list.status).toBe(200);
    expect(list.json.data.items).toHaveLength(2);
    expect(list.json.data.items.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list.json)).not.toMatch(/token/i);

    const other = list.json.data.items.find((s) => !s.current)!;
    // Someone else's session id is not found, and their session stays.
    const theirs = (await stranger.get<Env<{ items: Session[] }>>("/api/v1/account/sessions")).json.data
      .items[0]!;
    expect((await laptop.delete(`/api/v1/account/sessions/${theirs.id}`)).status).toBe(404);
    expect((await stranger.get("/api/v1/auth/me")).status).toBe(200);

    const revoked = await laptop.delete<Env<{ id: string }>>(`/api/v1/account/sessions/${other.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.id).toBe(other.id);
    expect((await phone.get("/api/v1/auth/me")).status).toBe(401);
    expect((await laptop.get("/api/v1/auth/me")).status).toBe(200);
    expect(
      (await laptop.get<Env<{ items: Session[] }>>("/api/v1/account/sessions")).json.data.items,
    ).toHaveLength(1);
  });

  it("changes the password only with the current one, and signs other devices out", async () => {
    const laptop = await h.signUp();
    const phone = h.client();
    await phone.post("/api/v1/auth/sign-in", { email: laptop.email, password: TEST_PASSWORD });

    const wrong = await laptop.post<Env<unknown>>("/api/v1/account/password", {
      currentPassword: "not my password",
      newPassword: "a brand new password",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.details?.fields?.password).toEqual(["Wrong password"]);

    const short = await laptop.post<Env<unknown>>("/api/v1/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(short.status).toBe(400);
    expect(short.json.details?.fields?.newPassword).toBeDefined();

    const ok = await laptop.post("/api/v1/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
    });
    expect(ok.status).toBe(200);
    // This device stays signed in (fresh cookie); the other one is signed out.
    expect((await laptop.get("/api/v1/auth/me")).status).toBe(200);
    expect((await phone.get("/api/v1/auth/me")).status).toBe(401);
    const old = await h
      .client()
      .post("/api/v1/auth/sign-in", { email: laptop.email, password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    const fresh = await h
      .client()
      .post("/api/v1/auth/sign-in", { email: laptop.email, password: "a brand new password" });
    expect(fresh.status).toBe(200);
  });
});
