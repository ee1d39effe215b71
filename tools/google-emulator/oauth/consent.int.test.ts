import { gmail } from "@googleapis/gmail";
import { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { asApiAuth, emulatorOAuthClient, TEST_REDIRECT_URI } from "../test-clients";

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

describe("OAuth authorization code flow", () => {
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
});
