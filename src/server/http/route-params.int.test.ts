import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineContract } from "./contract";
import { idParams } from "./params";
import { publicRoute } from "./route";

const echo = defineContract({
  method: "GET",
  path: "/api/v1/test-params/{id}",
  params: idParams,
  summary: "test",
  tags: ["test"],
  auth: "public",
  rateLimit: "none",
  query: z.object({ n: z.coerce.number() }),
  response: z.object({ id: z.string(), n: z.number() }),
});
// The handler gets typed, validated params and query: no assertions, no per-route validator.
const GET = publicRoute(echo, async ({ params, query }) => ({ id: params.id, n: query.n }));

const call = (id: string, n: string) =>
  GET(new Request(`http://x/api/v1/test-params/${id}?n=${n}`), { params: Promise.resolve({ id }) });

describe("contract params", () => {
  it("passes a valid uuid through, lower-cased", async () => {
    const res = await call("6F1C1B3E-8D2A-4A57-9A8E-0A1B2C3D4E5F", "1");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      data: { id: "6f1c1b3e-8d2a-4a57-9a8e-0a1b2c3d4e5f", n: 1 },
    });
  });

  it("answers a malformed path id like another user's id: 404, no hint", async () => {
    for (const id of ["nope", "1", "6f1c1b3e-8d2a-4a57-9a8e-0a1b2c3d4e5", "../contacts"]) {
      const res = await call(id, "1");
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: "not_found" });
    }
  });

  it("still validates the query first (as the per-route checks did)", async () => {
    const res = await call("nope", "x");
    expect(res.status).toBe(400);
  });
});
