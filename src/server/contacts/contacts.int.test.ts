import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestUser, useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import type { Ctx } from "../context";
import { rootLog } from "../log";
import { withUser } from "../db/with-user";
import { interactions } from "../db/schema/interactions";
import { createContact } from "./create-contact";
import { getContact } from "./get-contact";
import { updateContact } from "./update-contact";
import { deleteContact, restoreContact } from "./delete-contact";
import { listContacts } from "./list-contacts";
import { setContactTags } from "./set-contact-tags";
import { summariesFor } from "./contact-dto";
import { contacts } from "../db/schema/contacts";
import { createTag } from "../tags/create-tag";
import { findContactsByEmails } from "./find-contacts-by-emails";
import { linkInteractionContacts } from "./link-interaction-contacts";

let h: DbHandle;
const ctxOf = (userId: string): Ctx => ({ db: h.db, userId, log: rootLog() });
const newCtx = async () => ctxOf((await createTestUser(h)).id);

beforeAll(async () => {
  h = await useTestDb();
});

describe("contacts core", () => {
  it("creates, reads, updates and encrypts the health context at rest", async () => {
    const ctx = await newCtx();
    const c = await createContact(ctx, {
      displayName: "Maya Lin",
      emails: [{ value: "Maya@Example.com" }, { value: "maya.work@example.com", isPrimary: true }],
      phones: [{ value: "+1 (555) 010-2030" }],
      stage: "New Client",
      healthContext: { allergies: "lavender oil" },
    });
    expect(c.primaryEmail).toBe("maya.work@example.com");
    expect(c.primaryPhone).toBe("+1 (555) 010-2030");
    // The list reads identities and tags in its own query: it must agree with the detail.
    const zed = await createTag(ctx, { name: "Zed" });
    const ace = await createTag(ctx, { name: "Ace" });
    await withUser(ctx, (tx) => setContactTags(tx, ctx.userId, c.id, [zed.id, ace.id]));
    const listed = (await listContacts(ctx, {})).items.find((i) => i.id === c.id)!;
    expect(listed.primaryEmail).toBe("maya.work@example.com");
    expect(listed.primaryPhone).toBe("+1 (555) 010-2030");
    expect(listed.tags.map((t) => t.name)).toEqual(["Ace", "Zed"]);
    const [summary] = await withUser(ctx, async (tx) => {
      const rows = await tx.select().from(contacts).where(eq(contacts.id, c.id));
      return summariesFor(tx, ctx.userId, rows);
    });
    expect(summary).toEqual(listed);
    expect(c.phones[0]?.normalized).toBe("15550102030");
    expect(c.healthContext).toEqual({ allergies: "lavender oil" });
    const raw = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ enc: string }>(sql`SELECT health_context_enc AS enc FROM contacts WHERE id = ${c.id}`),
    );
    expect(raw.rows[0]?.enc).not.toContain("lavender");

    const u = await updateContact(ctx, { id: c.id, patch: { stage: "Core Client", address: "1 Main St" } });
    expect(u.stage).toBe("Core Client");
    expect(u.address).toBe("1 Main St");
    expect(u.emails).toHaveLength(2); // untouched
    const cleared = await updateContact(ctx, { id: c.id, patch: { address: null, healthContext: null } });
    expect(cleared.address).toBeNull();
    expect(cleared.healthContext).toBeNull();
  });

  it("rejects invalid email/phone naming the field, and duplicate emails with 409", async () => {
    const ctx = await newCtx();
    await expect(createContact(ctx, { displayName: "X", emails: [{ value: "nope" }] })).rejects.toMatchObject(
      {
        issues: [expect.objectContaining({ path: ["emails", 0, "value"] })],
      },
    );
    await expect(
      createContact(ctx, { displayName: "X", phones: [{ value: "call me" }] }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["phones", 0, "value"] })],
    });
    await createContact(ctx, { displayName: "A", emails: [{ value: "dup@example.com" }] });
    await expect(
      createContact(ctx, { displayName: "B", emails: [{ value: "DUP@example.com" }] }),
    ).rejects.toMatchObject({
      code: "conflict",
      details: expect.objectContaining({ email: "dup@example.com" }),
    });
    // No partial write: B was not created.
    const page = await listContacts(ctx, {});
    expect(page.items.map((i) => i.displayName)).toEqual(["A"]);
  });

  it("returns 404 for another user's contact on every operation", async () => {
    const a = await newCtx();
    const b = await newCtx();
    const c = await createContact(a, { displayName: "Private" });
    await expect(getContact(b, { id: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateContact(b, { id: c.id, patch: { displayName: "x" } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteContact(b, { id: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(restoreContact(b, { id: c.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listContacts(b, {})).items).toEqual([]);
  });

  it("soft-deletes into the owner's trash only, and restores", async () => {
    const ctx = await newCtx();
    const c = await createContact(ctx, { displayName: "Temp" });
    await deleteContact(ctx, { id: c.id });
    expect((await listContacts(ctx, {})).items).toHaveLength(0);
    const trash = (await listContacts(ctx, { view: "deleted" })).items;
    expect(trash.map((i) => i.id)).toEqual([c.id]);
    expect(trash[0]?.deletedAt).not.toBeNull(); // the trash view shows "deleted N days ago"
    const other = await newCtx();
    expect((await listContacts(other, { view: "deleted" })).items).toEqual([]);
    await expect(restoreContact(other, { id: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getContact(ctx, { id: c.id })).rejects.toMatchObject({ code: "not_found" });
    await restoreContact(ctx, { id: c.id });
    expect((await getContact(ctx, { id: c.id })).deletedAt).toBeNull();
    expect((await listContacts(ctx, { view: "deleted" })).items).toEqual([]);
  });

  it("paginates with an opaque cursor in every sort and filters", async () => {
    const ctx = await newCtx();
    const names = ["delta", "Alpha", "charlie", "Bravo", "echo"];
    for (const [i, n] of names.entries())
      await createContact(ctx, { displayName: n, stage: i % 2 ? "VIP Client" : "Prospect" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listContacts(ctx, { limit: 2, cursor });
      seen.push(...p.items.map((i) => i.displayName));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["Alpha", "Bravo", "charlie", "delta", "echo"]);
    const desc = await listContacts(ctx, { sort: "created", order: "desc", limit: 10 });
    expect(desc.items[0]?.displayName).toBe("echo");
    const vip = await listContacts(ctx, { stage: "VIP Client" });
    expect(vip.items.map((i) => i.displayName).sort()).toEqual(["Alpha", "Bravo"]);
    expect(vip.total).toBe(2);
    await expect(listContacts(ctx, { cursor: "garbage" })).rejects.toMatchObject({ code: "invalid_query" });
  });

  it("searches by name with typos, email and phone digits", async () => {
    const ctx = await newCtx();
    await createContact(ctx, {
      displayName: "Rosalind Franklin",
      emails: [{ value: "rosa@lab.org" }],
      phones: [{ value: "020 7946 0958" }],
    });
    await createContact(ctx, { displayName: "Other Person" });
    for (const q of ["rosal", "Rosalnd Franklin", "lab.org", "7946 0958", "franklin"]) {
      const p = await listContacts(ctx, { q });
      expect(
        p.items.map((i) => i.displayName),
        q,
      ).toEqual(["Rosalind Franklin"]);
    }
  });

  it("sorts by last interaction and filters no-contact-in-N-days; relinks on email change", async () => {
    const ctx = await newCtx();
    const a = await createContact(ctx, { displayName: "Recent" });
    const b = await createContact(ctx, { displayName: "Old", emails: [{ value: "old@x.org" }] });
    const never = await createContact(ctx, { displayName: "Never" });
    const now = Date.now();
    await withUser({ db: h.db, userId: ctx.userId }, async (tx) => {
      const [i1, i2, i3] = await tx
        .insert(interactions)
        .values([
          {
            userId: ctx.userId,
            type: "email",
            source: "gmail",
            sourceId: "m1",
            occurredAt: new Date(now - 86400e3),
          },
          {
            userId: ctx.userId,
            type: "email",
            source: "gmail",
            sourceId: "m2",
            occurredAt: new Date(now - 90 * 86400e3),
          },
          {
            userId: ctx.userId,
            type: "email",
            source: "gmail",
            sourceId: "m3",
            occurredAt: new Date(now - 2 * 86400e3),
            metadata: { participants: ["new@x.org", "me@me.org"] },
          },
        ])
        .returning();
      await linkInteractionContacts(tx, ctx.userId, [
        { interactionId: i1!.id, contactId: a.id },
        { interactionId: i2!.id, contactId: b.id },
        { interactionId: i2!.id, contactId: b.id },
      ]);
      void i3;
    });
    const byLast = await listContacts(ctx, { sort: "last_interaction" });
    expect(byLast.items.map((i) => i.displayName)).toEqual(["Recent", "Old", "Never"]);
    const stale = await listContacts(ctx, { noContactInDays: 30 });
    expect(stale.items.map((i) => i.displayName).sort()).toEqual(["Never", "Old"]);

    const updated = await updateContact(ctx, {
      id: never.id,
      patch: { emails: [{ value: "NEW@x.org" }] },
    });
    expect(updated.lastInteractionAt).not.toBeNull();
    const map = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      findContactsByEmails(tx, ctx.userId, ["New@X.org", "old@x.org", "nobody@x.org"]),
    );
    expect(Object.fromEntries(map)).toEqual({ "new@x.org": never.id, "old@x.org": b.id });
  });
});
