import { gmail } from "@googleapis/gmail";
import { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { asApiAuth, authedClients, emulatorOAuthClient, TEST_REDIRECT_URI } from "../test-clients";

const SCOPES = [
  "openid",
  "email",
  "profile",
  "https://www.googleapis.com/auth/gmail.readonly",
  "https://www.googleapis.com/auth/calendar.readonly",
];
let emu: Emulator;

beforeAll(async () => {
  emu = await startGoogleEmulator({
    seed: 3,
    mailbox: { messages: 20 },
    calendar: { events: 5 },
    now: new Date("2025-06-01T12:00:00Z"),
  });
});
afterAll(() => emu.close());

async function authorize(extra: Record<string, string> = {}) {
  const client = emulatorOAuthClient(emu);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: "offline",
    prompt: "consent",
    scope: SCOPES,
    state: "st-123",
    code_challenge: codeChallenge,
    code_challenge_method: "S256" as never,
    ...extra,
  });
  return { client, codeVerifier, url };
}

/** Walks the HTML consent page like a browser would: GET it, then POST the form. */
async function consent(url: string, decision: "allow" | "deny", email?: string): Promise<URL> {
  const page = await (await fetch(url)).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1] ?? "";
  const form = new URLSearchParams({
    request_id: requestId,
    decision,
    email: emu.defaultAccount,
    email_other: email ?? "",
  });
  const res = await fetch(`${emu.url}/o/oauth2/v2/auth/decision`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

describe("OAuth", () => {
  it("renders a consent page and exchanges the code with PKCE for tokens and a verifiable id_token", async () => {
    const { client, codeVerifier, url } = await authorize();
    const page = await (await fetch(url)).text();
    expect(page).toContain("Sign in with Google");
    expect(page).toContain(emu.defaultAccount);
    const back = await consent(url, "allow");
    expect(`${back.origin}${back.pathname}`).toBe(TEST_REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe("st-123");
    const { tokens } = await client.getToken({ code: back.searchParams.get("code") ?? "", codeVerifier });
    expect(tokens).toMatchObject({ token_type: "Bearer", scope: expect.stringContaining("gmail.readonly") });
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token ?? "", audience: emu.clientId });
    expect(ticket.getPayload()).toMatchObject({
      email: emu.defaultAccount,
      email_verified: true,
      name: "Maya Lindqvist",
    });
    client.setCredentials(tokens);
    const info = await client.getTokenInfo(tokens.access_token ?? "");
    expect(info.email).toBe(emu.defaultAccount);
    const me = await client.request<{ email: string; sub: string }>({ url: `${emu.url}/oauth2/v3/userinfo` });
    expect(me.data.email).toBe(emu.defaultAccount);
  });

  it("signs in a new account typed on the consent page, and reports Deny as access_denied", async () => {
    const { client, codeVerifier, url } = await authorize();
    const back = await consent(url, "allow", "new.person@yahoo.com");
    const { tokens } = await client.getToken({ code: back.searchParams.get("code") ?? "", codeVerifier });
    client.setCredentials(tokens);
    const profile = await gmail({
      version: "v1",
      auth: asApiAuth(client),
      rootUrl: emu.apiRootUrl,
    }).users.getProfile({
      userId: "me",
    });
    expect(profile.data.emailAddress).toBe("new.person@yahoo.com");
    const denied = await consent((await authorize()).url, "deny");
    expect(Object.fromEntries(denied.searchParams)).toMatchObject({
      error: "access_denied",
      state: "st-123",
    });
  });

  it("rejects a wrong PKCE verifier, a reused code and an unknown client", async () => {
    const a = await authorize({ emulator_auto: "1" });
    const code =
      new URL((await fetch(a.url, { redirect: "manual" })).headers.get("location") ?? "").searchParams.get(
        "code",
      ) ?? "";
    const grantError = (e: unknown) =>
      (e as GaxiosError).response?.data as { error: string; error_description: string };
    await expect(
      a.client.getToken({ code, codeVerifier: "x".repeat(50) }).catch(grantError),
    ).resolves.toEqual({ error: "invalid_grant", error_description: "Invalid code verifier." });
    await expect(
      a.client.getToken({ code, codeVerifier: a.codeVerifier }).catch(grantError),
    ).resolves.toMatchObject({ error: "invalid_grant" });
    const page = await fetch(a.url.replace(emu.clientId, "someone-else"));
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("invalid_client");
  });

  it("supports incremental authorization with include_granted_scopes", async () => {
    const email = "incremental@example.com";
    emu.control.addAccount(email, { mailbox: { messages: 1 }, calendar: { events: 1 } });
    const exchange = async (scope: string, extra: Record<string, string> = {}) => {
      const client = emulatorOAuthClient(emu);
      const url = client.generateAuthUrl({
        access_type: "offline",
        scope,
        login_hint: email,
        emulator_auto: "1",
        ...extra,
      });
      const res = await fetch(url, { redirect: "manual" });
      const code = new URL(res.headers.get("location") ?? "").searchParams.get("code") ?? "";
      return (await client.getToken(code)).tokens.scope?.split(" ").sort() ?? [];
    };
    const gmailScope = "https://www.googleapis.com/auth/gmail.readonly";
    const calendarScope = "https://www.googleapis.com/auth/calendar.readonly";
    expect(await exchange(gmailScope)).toEqual([gmailScope]);
    expect(await exchange(calendarScope, { include_granted_scopes: "true" })).toEqual([
      calendarScope,
      gmailScope,
    ]);
    expect(await exchange(calendarScope)).toEqual([calendarScope]);
  });

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
