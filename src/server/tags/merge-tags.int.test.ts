import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { getContact } from "../contacts/get-contact";
import { bulkUpdateContacts } from "../contacts/bulk-update-contacts";
import { createTag } from "./create-tag";
import { listTags } from "./list-tags";
import { mergeTags } from "./merge-tags";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("merge tags", () => {
  it("moves every contact to the target once and deletes the source", async () => {
    const ctx = await newUserCtx(h);
    const yoga = await createTag(ctx, { name: "Yoga" });
    const yogi = await createTag(ctx, { name: "yogi" });
    const both = await createContact(ctx, { displayName: "Both" });
    const onlySource = await createContact(ctx, { displayName: "Source only" });
    await bulkUpdateContacts(ctx, { action: "addTags", ids: [both.id], tagIds: [yoga.id, yogi.id] });
    await bulkUpdateContacts(ctx, { action: "addTags", ids: [onlySource.id], tagIds: [yogi.id] });

    const r = await mergeTags(ctx, { sourceId: yogi.id, targetId: yoga.id });
    expect(r).toMatchObject({ moved: 1, target: { id: yoga.id, contactCount: 2 } });
    expect((await listTags(ctx)).items.map((t) => t.name)).toEqual(["Yoga"]);
    expect((await getContact(ctx, { id: both.id })).tags.map((t) => t.id)).toEqual([yoga.id]);
    expect((await getContact(ctx, { id: onlySource.id })).tags.map((t) => t.id)).toEqual([yoga.id]);
  });

  it("refuses another user's tag and the same tag twice, changing nothing", async () => {
    const a = await newUserCtx(h);
    const b = await newUserCtx(h);
    const mine = await createTag(a, { name: "Mine" });
    const theirs = await createTag(b, { name: "Theirs" });
    await expect(mergeTags(a, { sourceId: theirs.id, targetId: mine.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(mergeTags(a, { sourceId: mine.id, targetId: mine.id })).rejects.toThrow();
    expect((await listTags(b)).items.map((t) => t.name)).toEqual(["Theirs"]);
    expect((await listTags(a)).items.map((t) => t.name)).toEqual(["Mine"]);
  });
});
