import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { errFromUnknown } from "../http/responses";
import { isDbUnavailable, retryWhileDbUnavailable } from "./db-unavailable";

const pgError = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDbUnavailable", () => {
  it("recognises a database that went away, also wrapped by drizzle", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    for (const e of [
      refused,
      new Error("Connection terminated unexpectedly"),
      pgError("57P01", "terminating connection due to administrator command"),
      pgError("57P03", "the database system is starting up"),
      pgError("08006"),
      new DrizzleQueryError("select 1", [], new Error("Connection terminated unexpectedly")),
      Object.assign(new Error("write failed"), { code: "ENOSPC" }),
    ])
      expect(isDbUnavailable(e), String(e)).toBe(true);
  });

  it("leaves bugs and bad input alone", () => {
    for (const e of [
      pgError("23505", "duplicate key value violates unique constraint"),
      pgError("42P01", 'relation "nope" does not exist'),
      new DrizzleQueryError("select", [], pgError("22P02", "invalid input syntax for type uuid")),
      new TypeError("cannot read properties of undefined"),
      "a string",
      null,
    ])
      expect(isDbUnavailable(e), String(e)).toBe(false);
  });
});

describe("retryWhileDbUnavailable", () => {
  it("waits out an outage and returns the result", async () => {
    let calls = 0;
    const r = await retryWhileDbUnavailable(async () => {
      if (++calls < 3) throw new Error("Connection terminated unexpectedly");
      return "ok";
    });
    expect(r).toBe("ok");
    expect(calls).toBe(3);
  });

  it("throws other errors at once, and an outage once it lasts longer than maxMs", async () => {
    let calls = 0;
    await expect(
      retryWhileDbUnavailable(async () => {
        calls++;
        throw pgError("23505");
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
    await expect(
      retryWhileDbUnavailable(
        async () => {
          throw new Error("Connection terminated unexpectedly");
        },
        { maxMs: 300 },
      ),
    ).rejects.toThrow(/Connection terminated/);
  });
});

describe("HTTP mapping", () => {
  it("answers 503 service_unavailable with Retry-After while the database is away, not 500", async () => {
    const res = errFromUnknown(new DrizzleQueryError("select 1", [], new Error("Connection terminated")));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ ok: false, error: "service_unavailable" });
    expect(errFromUnknown(pgError("23505")).status).toBe(500);
  });
});
