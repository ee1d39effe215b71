import { afterAll, describe, expect, it } from "vitest";
import { emulatorAppEnv } from "../../tools/google-emulator/app-env";
import { startGoogleEmulator, type Emulator } from "../../tools/google-emulator/server";
import { useHttpServer, type TestClient } from "./harness";

// A Google-only account has no password: deleting it takes a fresh Google sign-in instead.
describe("delete a Google-only account (HTTP)", () => {
  let emu: Emulator | undefined;
  const h = useHttpServer(async () => {
    emu = await startGoogleEmulator({ seed: 11, extraAccounts: ["only.google@example.com"] });
    return emulatorAppEnv(emu);
  });
  afterAll(async () => {
    await emu?.close();
  });

  async function signInWithGoogle(c: TestClient, email: string) {
    const start = await c.post<{ url: string }>("/api/auth/sign-in/social", {
      provider: "google",
      callbackURL: "/settings",
      errorCallbackURL: "/login",
    });
    expect(start.status).toBe(200);
    const html = await (await fetch(start.json.url)).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
    const decided = await fetch(`${emu!.url}/o/oauth2/v2/auth/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ request_id: requestId, email: "", email_other: email, decision: "allow" }),
      redirect: "manual",
    });
    const back = new URL(decided.headers.get("location")!);
    await c.get(`${back.pathname}${back.search}`);
    expect((await c.get("/api/v1/auth/me")).status).toBe(200);
  }

  it("deletes the account right after a Google sign-in, without a password", async () => {
    const c = h.client();
    await signInWithGoogle(c, "only.google@example.com");
    const r = await c.post("/api/v1/auth/delete-account", {});
    expect(r.status).toBe(200);
    expect((await c.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("still demands the password from an account that has one", async () => {
    const a = await h.signUp();
    const r = await a.post<{ error: string; details: { fields: Record<string, string[]> } }>(
      "/api/v1/auth/delete-account",
      {},
    );
    expect(r.status).toBe(400);
    expect(r.json.details.fields.password).toBeDefined();
    expect((await a.get("/api/v1/auth/me")).status).toBe(200);
  });
});
