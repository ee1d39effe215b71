import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { getContact } from "../contacts/get-contact";
import { createNote } from "../notes/create-note";
import { logInteraction } from "./log-interaction";
import { getInteraction } from "./get-interaction";
import { deleteInteraction } from "./delete-interaction";
import { getTimeline } from "./get-timeline";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const daysAgo = (d: number) => new Date(Date.now() - d * 86400e3).toISOString();

describe("interactions and timeline", () => {
  it("logs manual interactions idempotently and updates last interaction", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Client" });
    const input = {
      type: "session" as const,
      occurredAt: daysAgo(1),
      subject: "60 min massage",
      contactIds: [c.id],
    };
    const i = await logInteraction(ctx, { ...input, idempotencyKey: "retry-key-1" });
    const again = await logInteraction(ctx, { ...input, idempotencyKey: "retry-key-1" });
    expect(again.id).toBe(i.id);
    expect(i.contactIds).toEqual([c.id]);
    expect((await getContact(ctx, { id: c.id })).lastInteractionAt).toBe(i.occurredAt);
    await deleteInteraction(ctx, { id: i.id });
    expect((await getContact(ctx, { id: c.id })).lastInteractionAt).toBeNull();
  });

  it("merges interactions and notes newest first across pages", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "T" });
    for (let d = 5; d >= 1; d--)
      await logInteraction(ctx, {
        type: "call",
        occurredAt: daysAgo(d),
        subject: `call ${d}`,
        contactIds: [c.id],
      });
    await createNote(ctx, { contactId: c.id, body: "latest note" });
    const got: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await getTimeline(ctx, { contactId: c.id, limit: 4, cursor });
      got.push(...p.items.map((x) => (x.kind === "note" ? x.body : (x.subject ?? ""))));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(got).toEqual(["latest note", "call 1", "call 2", "call 3", "call 4", "call 5"]);
  });

  it("404s across users, also for contact ids in the body", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const c = await createContact(a, { displayName: "A's" });
    const i = await logInteraction(a, { type: "meeting", occurredAt: daysAgo(0), contactIds: [c.id] });
    await expect(getTimeline(b, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getInteraction(b, { id: i.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteInteraction(b, { id: i.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(
      logInteraction(b, { type: "call", occurredAt: daysAgo(0), contactIds: [c.id] }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
