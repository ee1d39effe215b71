import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "./test-ctx";
import { createContact } from "./create-contact";
import { getContact } from "./get-contact";
import { MAX_AVATAR_BYTES, readAvatar, removeAvatar, setAvatar } from "./avatar";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

const PNG = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(32, 1)]);

describe("avatars", () => {
  it("stores an allowed image, serves it to the owner only, and removes it", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Pic" });
    const r = await setAvatar(ctx, { contactId: c.id, bytes: PNG });
    expect(r.avatarUrl).toMatch(new RegExp(`^/api/v1/contacts/${c.id}/avatar\\?v=\\d+$`));
    expect((await getContact(ctx, { id: c.id })).avatarUrl).toBe(r.avatarUrl);
    const got = await readAvatar(ctx, { contactId: c.id });
    expect(got.mime).toBe("image/png");
    expect(got.bytes.equals(PNG)).toBe(true);
    const other = await newUserCtx(h);
    await expect(readAvatar(other, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(setAvatar(other, { contactId: c.id, bytes: PNG })).rejects.toMatchObject({
      code: "not_found",
    });
    await removeAvatar(ctx, { contactId: c.id });
    await expect(readAvatar(ctx, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("rejects non-images (415) and oversized files (413)", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Pic" });
    await expect(
      setAvatar(ctx, { contactId: c.id, bytes: Buffer.from("<svg onload=alert(1)></svg>") }),
    ).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(
      setAvatar(ctx, { contactId: c.id, bytes: Buffer.concat([PNG, Buffer.alloc(MAX_AVATAR_BYTES)]) }),
    ).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
