import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

let emu: Emulator;

beforeAll(async () => {
  emu = await startGoogleEmulator({ seed: 3, mailbox: { messages: 5 }, calendar: { events: 3 } });
});
afterAll(() => emu.close());

describe("OAuth token lifecycle", () => {
  it("refreshes short-lived access tokens transparently, then fails with invalid_grant after revoke", async () => {
    const { auth, gmail: g } = authedClients(emu, emu.defaultAccount, { ttlSec: 1 });
    const before = emu.control.stats().byEndpoint["oauth.token"] ?? 0;
    // The client refreshes on its own (the minted expiry is inside its eager-refresh window).
    await expect(g.users.getProfile({ userId: "me" })).resolves.toMatchObject({ status: 200 });
    expect(emu.control.stats().byEndpoint["oauth.token"]).toBe(before + 1);
    const refreshToken = auth.credentials.refresh_token;
    expect(refreshToken).toBeDefined();
    // Revoking the access token revokes its whole grant, refresh token included (as at Google).
    await auth.revokeCredentials();
    auth.setCredentials({ refresh_token: refreshToken });
    const err = (await auth.refreshAccessToken().catch((e: unknown) => e)) as GaxiosError;
    expect(err.response?.status).toBe(400);
    expect(err.response?.data).toEqual({
      error: "invalid_grant",
      error_description: "Token has been expired or revoked.",
    });
  });

  it("answers 401 with Google's error body for unknown, expired or revoked access tokens", async () => {
    const { tokens } = authedClients(emu);
    const call = (token: string) =>
      fetch(`${emu.apiRootUrl}gmail/v1/users/me/profile`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await call(tokens.access_token)).status).toBe(200);
    const shortLived = emu.control.mintTokens(emu.defaultAccount, { ttlSec: 0.05 });
    await new Promise((r) => setTimeout(r, 80));
    expect((await call(shortLived.access_token)).status).toBe(401);
    emu.control.revokeAllGrants(emu.defaultAccount);
    const res = await call(tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("invalid_token");
    expect(await res.json()).toMatchObject({
      error: { code: 401, status: "UNAUTHENTICATED", errors: [{ reason: "authError", domain: "global" }] },
    });
    expect((await call("ya29.nope")).status).toBe(401);
  });
});
