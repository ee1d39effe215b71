import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { setupGoogleEmulator } from "../sync/testing/google-test-env";
import { authorizedClient } from "./authorized-client";
import { completeGoogleOAuth } from "./complete-google-oauth";
import { disconnectGoogle } from "../sync/disconnect-google";
import { startGoogleOAuth } from "./start-google-oauth";
import { loadTokens, saveTokens } from "./token-store";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();
const redirectUri = "http://127.0.0.1:3999/api/v1/google/oauth/callback";

async function consent(url: string): Promise<URL> {
  const u = new URL(url);
  u.searchParams.set("emulator_auto", "1");
  const res = await fetch(u, { redirect: "manual" });
  return new URL(res.headers.get("location")!);
}

describe("Google OAuth", () => {
  it("connects with PKCE and a single-use, user-bound state; stores encrypted tokens", async () => {
    const user = await createTestUser(h);
    const ctx = { db: h.db, userId: user.id, log: rootLog() };
    const { url, cookie } = await startGoogleOAuth(ctx, { scope: "gmail", redirectUri });
    const auth = new URL(url);
    expect(auth.searchParams.get("access_type")).toBe("offline");
    expect(auth.searchParams.get("include_granted_scopes")).toBe("true");
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    const back = await consent(url);
    const code = back.searchParams.get("code")!;
    const state = back.searchParams.get("state")!;

    const other = await createTestUser(h);
    await expect(
      completeGoogleOAuth({ ...ctx, userId: other.id }, { code, state, cookie, redirectUri }),
    ).rejects.toMatchObject({ code: "invalid_state" });

    const done = await completeGoogleOAuth(ctx, { code, state, cookie, redirectUri });
    expect(done.redirect).toBe("/settings/sync?connected=google");
    const t = await loadTokens(ctx, "gmail");
    expect(t?.refreshToken).toBeTruthy();
    expect(t?.accountEmail).toBe(emu().defaultAccount);
    expect(t?.grantedScopes.some((s) => s.endsWith("gmail.readonly"))).toBe(true);

    // Replaying the same callback fails: the state was consumed.
    await expect(completeGoogleOAuth(ctx, { code, state, cookie, redirectUri })).rejects.toMatchObject({
      code: "invalid_state",
    });

    // An expiring token is refreshed and saved back, keeping the refresh token.
    await saveTokens(ctx, "gmail", { accessToken: t!.accessToken!, expiresAt: new Date(Date.now() - 1000) });
    await authorizedClient(ctx, "gmail");
    const refreshed = await loadTokens(ctx, "gmail");
    expect(refreshed!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(refreshed!.refreshToken).toBe(t!.refreshToken);

    await disconnectGoogle(ctx, { service: "gmail" });
    expect(await loadTokens(ctx, "gmail")).toBeNull();
  });

  it("rejects bad scopes, missing parameters and reports a denied consent in words", async () => {
    const user = await createTestUser(h);
    const ctx = { db: h.db, userId: user.id, log: rootLog() };
    await expect(startGoogleOAuth(ctx, { scope: "drive", redirectUri })).rejects.toMatchObject({
      code: "invalid_scope",
    });
    await expect(completeGoogleOAuth(ctx, { redirectUri })).rejects.toMatchObject({
      code: "missing_code_or_state",
    });
    await expect(completeGoogleOAuth(ctx, { code: "x", state: "a.b", redirectUri })).rejects.toMatchObject({
      code: "invalid_state",
    });
    const denied = await completeGoogleOAuth(ctx, { error: "access_denied", redirectUri });
    expect(decodeURIComponent(denied.redirect)).toMatch(/declined access/);
  });
});
