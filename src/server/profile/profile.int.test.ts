import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { newUserCtx } from "../contacts/test-ctx";
import { useTestDb } from "../testing/test-db";
import { getProfile } from "./get-profile";
import { getUserTimeZone } from "./get-user-time-zone";
import { updateProfile } from "./update-profile";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("profile", () => {
  it("defaults to UTC, stores an IANA zone per user, refuses unknown zones", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    expect(await getUserTimeZone(a)).toBe("UTC");
    const p = await updateProfile(a, { timeZone: "Europe/London" });
    expect(p.timeZone).toBe("Europe/London");
    expect(p.email).toMatch(/@/);
    expect(await getUserTimeZone(a)).toBe("Europe/London");
    expect((await getProfile(b)).timeZone).toBe("UTC");
    await expect(updateProfile(a, { timeZone: "Mars/Olympus" })).rejects.toThrow();
    await expect(updateProfile(a, { timeZone: "UTC", extra: 1 })).rejects.toThrow();
    expect(await getUserTimeZone(a)).toBe("Europe/London");
  });
});

describe("withUser(ctx, fn)", () => {
  it("reuses the caller's transaction for the same user and refuses another user's", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    await withUser(a, async (tx) => {
      const outer = await tx.execute<{ pid: number }>(sql`SELECT txid_current() AS pid`);
      const inner = await withUser({ ...a, tx }, (t) =>
        t.execute<{ pid: number }>(sql`SELECT txid_current() AS pid`),
      );
      expect(inner.rows[0]!.pid).toBe(outer.rows[0]!.pid);
      await expect(withUser({ ...b, tx }, async () => 1)).rejects.toThrow(/another user/);
    });
    // A rollback of the outer transaction undoes work done through the reused one.
    await expect(
      withUser(a, async (tx) => {
        await updateProfile({ ...a, tx }, { timeZone: "Asia/Tokyo" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await getUserTimeZone(a)).toBe("UTC");
  });
});
