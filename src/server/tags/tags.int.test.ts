import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { getContact } from "../contacts/get-contact";
import { listContacts } from "../contacts/list-contacts";
import { bulkUpdateContacts } from "../contacts/bulk-update-contacts";
import { createTag } from "./create-tag";
import { deleteTag } from "./delete-tag";
import { listTags } from "./list-tags";
import { seedStarterTags } from "./seed-starter-tags";
import { updateTag } from "./update-tag";
import { starterTags } from "./schemas";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("tags", () => {
  it("CRUD with colours; names unique case-insensitively (409)", async () => {
    const ctx = await newUserCtx(h);
    const t = await createTag(ctx, { name: "Yoga", color: "#112233" });
    expect(t).toMatchObject({ name: "Yoga", color: "#112233", contactCount: 0 });
    await expect(createTag(ctx, { name: "yoga" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createTag(ctx, { name: "Bad", color: "red" })).rejects.toThrow();
    const u = await updateTag(ctx, { id: t.id, patch: { color: "#445566" } });
    expect(u.color).toBe("#445566");
    await deleteTag(ctx, { id: t.id });
    expect((await listTags(ctx)).items).toEqual([]);
  });

  it("offers and seeds starter tags idempotently", async () => {
    const ctx = await newUserCtx(h);
    expect((await listTags(ctx)).starterTagsAvailable).toBe(true);
    const first = await seedStarterTags(ctx);
    expect(first.created).toBe(starterTags.length);
    const again = await seedStarterTags(ctx);
    expect(again.created).toBe(0);
    expect(again.items).toHaveLength(starterTags.length);
    expect((await listTags(ctx)).starterTagsAvailable).toBe(false);
  });

  it("bulk add/remove tags, stage and delete; rejects foreign ids without partial writes", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const tag = await createTag(a, { name: "Retreat" });
    const c1 = await createContact(a, { displayName: "One" });
    const c2 = await createContact(a, { displayName: "Two" });
    const foreign = await createContact(b, { displayName: "Theirs" });
    expect(await bulkUpdateContacts(a, { action: "addTags", ids: [c1.id, c2.id], tagIds: [tag.id] })).toEqual(
      {
        affected: 2,
      },
    );
    expect((await getContact(a, { id: c1.id })).tags).toEqual([
      { id: tag.id, name: "Retreat", color: tag.color },
    ]);
    expect((await listContacts(a, { tag: tag.id })).total).toBe(2);
    await expect(
      bulkUpdateContacts(a, { action: "setStage", ids: [c1.id, foreign.id], stage: "VIP Client" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await getContact(a, { id: c1.id })).stage).toBe("Prospect");
    await expect(
      bulkUpdateContacts(b, { action: "addTags", ids: [foreign.id], tagIds: [tag.id] }),
    ).rejects.toMatchObject({ code: "invalid_body" }); // b's contact, a's tag
    await bulkUpdateContacts(a, { action: "removeTags", ids: [c1.id], tagIds: [tag.id] });
    expect((await listTags(a)).items[0]?.contactCount).toBe(1);
    await bulkUpdateContacts(a, { action: "delete", ids: [c1.id, c2.id] });
    expect((await listContacts(a, {})).items).toEqual([]);
    await bulkUpdateContacts(a, { action: "restore", ids: [c1.id, c2.id] });
    expect((await listContacts(a, {})).total).toBe(2);
    const tooMany = Array.from({ length: 1001 }, () => c1.id);
    await expect(bulkUpdateContacts(a, { action: "delete", ids: tooMany })).rejects.toThrow();
  });
});
