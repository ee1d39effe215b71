/**
 * HTTP test harness: the real app (`next start` on a production build) per test file.
 *
 *   import { useHttpServer } from "./harness";
 *   describe("contacts (HTTP)", () => {
 *     const h = useHttpServer();               // one server for this file
 *     it("…", async () => {
 *       const a = await h.signUp();            // signed-in client with cookie jar + CSRF
 *       const r = await a.post("/api/v1/contacts", { displayName: "Ann" });
 *       expect(r.status).toBe(201);            // r.json is the parsed envelope
 *     });
 *   });
 *
 * - Build: once into .next-test-builds/ (lock + source stamp; one build per vitest run). Set
 *   HTTP_TEST_REUSE_BUILD=1 locally to reuse an existing build while editing only tests.
 * - Data: fresh temp DATA_DIR (embedded PGlite), or TEST_DATABASE_URL/DATABASE_URL and
 *   REDIS_URL when set (the harness migrates Postgres first).
 * - Each client has its own cookie jar and X-Forwarded-For IP (TRUST_PROXY is on), so
 *   IP-keyed rate limits never leak between tests; per-user limits are 60 requests/minute.
 * - `h.server().waitForLog(line => …)` reads the server's pino output (e.g. reset links).
 * - Extra env: `useHttpServer({ FLAG: "1" })`, or an async function for values known only
 *   at start-up (tests/http/google-sign-in.int.test.ts starts the Google emulator there).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { TestClient } from "./client";
import { startServer, type TestServer } from "./server";

export { TestClient } from "./client";
export type { HttpResult } from "./client";
export type { TestServer } from "./server";

export const TEST_PASSWORD = "correct horse battery";

export type Harness = {
  server: () => TestServer;
  /** An anonymous client (own cookie jar and IP). */
  client: () => TestClient;
  /** Signs up a new account (random email unless given) and returns its signed-in client. */
  signUp: (email?: string, password?: string) => Promise<TestClient & { email: string; userId: string }>;
};

/**
 * One running app per test file: call at the top of a describe/file. The first file
 * builds the app into .next-test-builds/ (shared by all files, rebuilt only when sources change).
 */
export function useHttpServer(
  extraEnv: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): Harness {
  let server: TestServer | undefined;
  beforeAll(async () => {
    // A function runs first, inside beforeAll (e.g. to start the Google emulator and pass its URLs).
    server = await startServer(typeof extraEnv === "function" ? await extraEnv() : extraEnv);
  }, 900_000);
  afterAll(async () => {
    await server?.stop();
  }, 30_000);
  const get = () => {
    if (!server) throw new Error("server not started (useHttpServer must run in a describe/file scope)");
    return server;
  };
  return {
    server: get,
    client: () => new TestClient(get().url),
    signUp: async (email = `u-${randomUUID()}@test.local`, password = TEST_PASSWORD) => {
      const c = new TestClient(get().url);
      const r = await c.post<{ ok: boolean; data: { user: { id: string } } }>("/api/v1/auth/sign-up", {
        email,
        password,
      });
      if (r.status !== 200) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
      return Object.assign(c, { email, userId: r.json.data.user.id });
    },
  };
}
