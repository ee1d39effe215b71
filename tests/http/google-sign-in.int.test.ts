import { afterAll, describe, expect, it } from "vitest";
import { emulatorAppEnv } from "../../tools/google-emulator/app-env";
import { startGoogleEmulator, type Emulator } from "../../tools/google-emulator/server";
import { useHttpServer, type TestClient } from "./harness";

type Env<T> = { ok: boolean; data: T };

// "Sign in with Google" against the emulator, reached only through the configurable
// endpoints (GOOGLE_OAUTH_AUTH_URL / _TOKEN_URL / GOOGLE_API_ROOT_URL), exactly as in production.
describe("sign in with Google (HTTP)", () => {
  let emu: Emulator | undefined;
  const h = useHttpServer(async () => {
    emu = await startGoogleEmulator({ seed: 7, extraAccounts: ["second.person@example.com"] });
    return emulatorAppEnv(emu);
  });
  afterAll(async () => {
    await emu?.close();
  });

  /** Button → consent page → decision → app callback. Returns the callback's answer. */
  async function throughConsent(c: TestClient, email: string, decision: "allow" | "deny") {
    const start = await c.post<{ url: string }>("/api/auth/sign-in/social", {
      provider: "google",
      callbackURL: "/contacts",
      errorCallbackURL: "/login",
    });
    expect(start.status).toBe(200);
    const authUrl = new URL(start.json.url);
    expect(`${authUrl.origin}${authUrl.pathname}`).toBe(emu!.authUrl);
    expect(authUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authUrl.searchParams.get("scope")).toContain("email");

    const consent = await fetch(authUrl);
    expect(consent.status).toBe(200);
    const html = await consent.text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
    const decided = await fetch(`${emu!.url}/o/oauth2/v2/auth/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ request_id: requestId, email: "", email_other: email, decision }),
      redirect: "manual",
    });
    expect(decided.status).toBe(302);
    const back = new URL(decided.headers.get("location")!);
    expect(back.origin).toBe(h.server().url);
    expect(back.pathname).toBe("/api/auth/callback/google");
    return c.get(`${back.pathname}${back.search}`);
  }

  it("offers the button on /login", async () => {
    expect((await h.client().get("/login")).text).toContain("Sign in with Google");
  });

  it("signs a new user in through the consent page and creates the account with the Google email", async () => {
    const c = h.client();
    const cb = await throughConsent(c, emu!.defaultAccount, "allow");
    expect([302, 303, 307]).toContain(cb.status);
    expect(new URL(cb.headers.get("location")!, h.server().url).pathname).toBe("/contacts");
    const me = await c.get<Env<{ id: string; email: string }>>("/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(me.json.data.email).toBe(emu!.defaultAccount);
    // The app page behind it now renders for this user.
    const page = await c.get("/contacts");
    expect(page.status).toBe(200);

    // Signing in with Google again (another browser) reaches the same account, not a new one.
    const other = h.client();
    await throughConsent(other, emu!.defaultAccount, "allow");
    const again = await other.get<Env<{ id: string; email: string }>>("/api/v1/auth/me");
    expect(again.json.data.id).toBe(me.json.data.id);
  });

  it("sends a denied consent back to /login with an error and no session", async () => {
    const c = h.client();
    const cb = await throughConsent(c, "second.person@example.com", "deny");
    expect([302, 303, 307]).toContain(cb.status);
    const to = new URL(cb.headers.get("location")!, h.server().url);
    expect(to.pathname).toBe("/login");
    expect(to.searchParams.get("error")).toBeTruthy();
    expect((await c.get("/api/v1/auth/me")).status).toBe(401);
    const login = await c.get(`${to.pathname}${to.search}`);
    expect(login.text).toContain("Google sign-in did not finish");
  });
});
