import { afterAll, describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";
import { startSmtpSink } from "./smtp-sink";

const APP = "https://crm.example.test";
const ADMIN = "https://admin.example.test";

// The app configured as in production behind TLS (APP_URL https; NODE_ENV is always
// production here), with an extra allowed origin and a real SMTP server for reset mail.
describe("production settings (HTTP)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  const h = useHttpServer(async () => {
    smtp = await startSmtpSink();
    return { APP_URL: APP, APP_ORIGINS: ADMIN, SMTP_URL: smtp.url, SMTP_FROM: "OmniCRM <crm@example.test>" };
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("marks session and CSRF cookies Secure (with the __Secure- prefix) and sends HSTS", async () => {
    const c = h.client();
    const page = await c.get("/login");
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    for (const s of page.headers.getSetCookie().filter((s) => /^csrf(_sig)?=/.test(s)))
      expect(s).toMatch(/; Secure/);
    const r = await c.post("/api/v1/auth/sign-up", {
      email: `p-${Date.now()}@test.local`,
      password: "long enough pw",
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const session = r.headers.getSetCookie().find((s) => s.includes("session_token"))!;
    expect(session).toMatch(/^__Secure-omnicrm\.session_token=/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect((await c.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("accepts an Origin listed in APP_ORIGINS (with CORS headers) and refuses others", async () => {
    const a = await h.signUp();
    const ok = await a.get("/api/v1/auth/me", { headers: { origin: ADMIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ADMIN);
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    const own = await a.get("/api/v1/auth/me", { headers: { origin: APP } });
    expect(own.status).toBe(200);
    const foreign = await a.get("/api/v1/auth/me", { headers: { origin: "https://evil.example.test" } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("mails the reset link through SMTP_URL instead of logging it, and the link works", async () => {
    const a = await h.signUp();
    expect((await h.client().post("/api/v1/auth/request-password-reset", { email: a.email })).status).toBe(
      200,
    );
    const deadline = Date.now() + 10_000;
    let mail = smtp!.mails.find((m) => m.to.some((t) => t.includes(a.email)));
    while (!mail && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      mail = smtp!.mails.find((m) => m.to.some((t) => t.includes(a.email)));
    }
    expect(mail, "reset mail delivered").toBeDefined();
    expect(mail!.from).toContain("crm@example.test");
    const text = mail!.data.replace(/=\r\n/g, "").replace(/=3D/g, "=");
    const link = /https:\/\/crm\.example\.test\/reset-password\?token=[\w%.-]+/.exec(text)?.[0];
    expect(link).toBeDefined();
    expect(
      h
        .server()
        .logs()
        .some((l) => l.to === a.email && "resetLink" in l),
    ).toBe(false);
    const token = decodeURIComponent(new URL(link!).searchParams.get("token")!);
    const reset = await h
      .client()
      .post("/api/v1/auth/reset-password", { token, password: "the new password" });
    expect(reset.status).toBe(200);
    const c = h.client();
    expect(
      (await c.post("/api/v1/auth/sign-in", { email: a.email, password: "the new password" })).status,
    ).toBe(200);
  });

  it("answers 405 with Allow: POST to other methods on sync preview and approve", async () => {
    const a = await h.signUp();
    for (const path of ["/api/v1/sync/preview/gmail", "/api/v1/sync/approve/calendar"]) {
      const r = await a.get(path);
      expect(r.status).toBe(405);
      expect(r.headers.get("allow")).toBe("POST");
    }
  });
});
