import http from "node:http";
import { describe, expect, it } from "vitest";
import { useHttpServer } from "./harness";

/** Sends a chunked body (no Content-Length) of `total` bytes; resolves with the status. */
function streamBody(url: string, path: string, total: number, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const u = new URL(path, url);
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", (e) =>
      e.message.includes("EPIPE") || e.message.includes("ECONNRESET") ? undefined : reject(e),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("hostile requests (HTTP)", () => {
  const h = useHttpServer();

  it("answers 413 payload_too_large to an oversized body before authentication", async () => {
    const anon = h.client();
    const big = JSON.stringify({ displayName: "x".repeat(2_000_000) });
    const r = await anon.post("/api/v1/contacts", undefined, { raw: big });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: "payload_too_large" });
  });

  it("limits Better Auth's router too, declared or streamed", async () => {
    const anon = h.client();
    const declared = await anon.post("/api/auth/sign-in/email", undefined, {
      raw: JSON.stringify({ email: "a@b.c", password: "p".repeat(200_000) }),
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ ok: false, error: "payload_too_large" });

    // No Content-Length: the limit holds while the body streams in (8 MB offered).
    await anon.get("/api/v1/auth/csrf");
    const streamed = await streamBody(h.server().url, "/api/auth/sign-up/email", 8 * 1024 * 1024, {
      "content-type": "application/json",
      "x-forwarded-for": anon.ip,
      "x-csrf-token": anon.cookies.get("csrf")!,
      cookie: [...anon.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "transfer-encoding": "chunked",
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: "payload_too_large" });
    // And the server still answers.
    expect((await anon.get("/api/v1/health")).status).toBe(200);
  });

  it("still accepts normal bodies on the auth router and the JSON API", async () => {
    const a = await h.signUp();
    expect((await a.post("/api/v1/contacts", { displayName: "Ann" })).status).toBe(201);
    const anon = h.client();
    const r = await anon.post("/api/auth/sign-in/email", { email: a.email, password: "wrong password" });
    expect(r.status).toBe(401);
  });

  it("echoes a safe x-request-id and replaces an unsafe one", async () => {
    const c = h.client();
    for (const id of ["abc", "req-1", "a.b:c_d-e", "x".repeat(128)]) {
      const r = await c.get("/api/v1/health", { headers: { "x-request-id": id } });
      expect(r.headers.get("x-request-id")).toBe(id);
    }
    for (const id of ["x".repeat(129), "a b", "<script>", "a/b"]) {
      const r = await c.get("/api/v1/health", { headers: { "x-request-id": id } });
      const got = r.headers.get("x-request-id");
      expect(got).not.toBe(id);
      expect(got).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Errors and the auth router carry it too.
    const unauth = await c.get("/api/v1/auth/me", { headers: { "x-request-id": "trace-42" } });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get("x-request-id")).toBe("trace-42");
    const session = await c.get("/api/auth/get-session", { headers: { "x-request-id": "trace-43" } });
    expect(session.headers.get("x-request-id")).toBe("trace-43");
  });

  it("answers 404 not_found in the JSON envelope for an unknown /api path", async () => {
    const c = h.client();
    for (const [method, path] of [
      ["GET", "/api/v1/no-such-thing"],
      ["GET", "/api/no-such-thing"],
      ["POST", "/api/v1/contacts/a/b/c/d"],
      ["GET", "/api/v1"],
      ["DELETE", "/api/v2/contacts"],
    ] as const) {
      const r = await c.request(method, path, method === "GET" ? undefined : {}, {
        headers: { "x-request-id": "nf-1" },
      });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.json, `${method} ${path}`).toEqual({ ok: false, error: "not_found" });
      expect(r.headers.get("content-type")).toContain("application/json");
      expect(r.headers.get("x-request-id")).toBe("nf-1");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("redirects after sign-in only to same-site paths, after URL resolution", async () => {
    const c = h.client();
    for (const next of ["/%5Cevil.example", "/%09/evil.example", "/%5C/evil.example", "//evil.example"]) {
      const r = await c.get(`/login?next=${next}`);
      expect(r.status).toBe(200);
      // The sign-in form's `next` prop (Next's router state echoes the raw URL, harmlessly).
      expect(nextProps(r.text), next).toEqual(["/"]);
    }
    const ok = await c.get("/login?next=/contacts%3Fq%3Dann");
    expect(nextProps(ok.text)).toEqual(["/contacts?q=ann"]);
    const social = await c.post("/api/auth/sign-in/social", {
      provider: "google",
      callbackURL: "/\\evil.example",
      errorCallbackURL: "/login",
    });
    expect(social.status).toBe(400);
    expect(social.json).toMatchObject({ ok: false, error: "invalid_body" });
  });
});

/** The distinct values of the login form's `next` prop in the page's flight data. */
function nextProps(html: string): string[] {
  return [...new Set([...html.matchAll(/\\"next\\":\\"([^"\\]*)\\"/g)].map((m) => m[1]!))];
}
