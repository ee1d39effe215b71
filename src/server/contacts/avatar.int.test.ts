import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { startFakeS3 } from "../testing/fake-s3";
import { newUserCtx } from "./test-ctx";
import { createContact } from "./create-contact";
import { getContact } from "./get-contact";
import { deleteContact } from "./delete-contact";
import { MAX_AVATAR_BYTES, readAvatar, removeAvatar, setAvatar } from "./avatar";
import { pixelAt, testJpeg, testPng } from "./avatar-test-images";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

async function roundTrip() {
  const ctx = await newUserCtx(h);
  const c = await createContact(ctx, { displayName: "Pic" });
  const r = await setAvatar(ctx, { contactId: c.id, bytes: testJpeg(1200, 800) });
  expect(r.avatarUrl).toMatch(new RegExp(`^/api/v1/contacts/${c.id}/avatar\\?v=\\d+$`));
  expect((await getContact(ctx, { id: c.id })).avatarUrl).toBe(r.avatarUrl);
  const got = await readAvatar(ctx, { contactId: c.id });
  expect(got.mime).toBe("image/jpeg");
  expect(pixelAt(got.bytes, 0, 0)).toMatchObject({ w: 256, h: 256 });
  return { ctx, c };
}

describe("avatars on disk (embedded mode)", () => {
  it("stores a resized image, serves it to the owner only, replaces and removes it", async () => {
    const { ctx, c } = await roundTrip();
    const other = await newUserCtx(h);
    await expect(readAvatar(other, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(setAvatar(other, { contactId: c.id, bytes: testPng(10, 10) })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(removeAvatar(other, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await setAvatar(ctx, { contactId: c.id, bytes: testPng(20, 30) });
    expect(await readAvatar(ctx, { contactId: c.id })).toMatchObject({ mime: "image/png" });
    await removeAvatar(ctx, { contactId: c.id });
    await expect(readAvatar(ctx, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await getContact(ctx, { id: c.id })).avatarUrl).toBeNull();
  });

  it("rejects non-images (415), oversized files (413) and deleted contacts (404)", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Pic" });
    await expect(
      setAvatar(ctx, { contactId: c.id, bytes: Buffer.from("<svg onload=alert(1)></svg>") }),
    ).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(
      setAvatar(ctx, { contactId: c.id, bytes: Buffer.alloc(MAX_AVATAR_BYTES + 1) }),
    ).rejects.toMatchObject({ code: "payload_too_large" });
    await deleteContact(ctx, { id: c.id });
    await expect(setAvatar(ctx, { contactId: c.id, bytes: testPng(10, 10) })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("avatars in S3-compatible object storage (S3_* env)", () => {
  let s3: Awaited<ReturnType<typeof startFakeS3>>;
  const saved = { ...process.env };
  beforeAll(async () => {
    s3 = await startFakeS3({ bucket: "omni-test", accessKeyId: "AKIDTEST" });
    Object.assign(process.env, {
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: "omni-test",
      S3_REGION: "eu-test-1",
      S3_ACCESS_KEY_ID: "AKIDTEST",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    resetEnvCache();
  });
  afterAll(async () => {
    for (const k of ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    resetEnvCache();
    await s3.close();
  });

  it("puts, gets and deletes signed objects in the bucket, path-style", async () => {
    const { ctx, c } = await roundTrip();
    const keys = [...s3.objects.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^avatars/${ctx.userId}/${c.id}-[0-9a-f]{12}\\.jpg$`));
    expect(s3.objects.get(keys[0]!)?.contentType).toBe("image/jpeg");
    expect(s3.log.every((r) => r.authorized)).toBe(true);
    expect(s3.log.map((r) => r.method)).toEqual(["PUT", "GET"]);
    // Replacing deletes the old object; removing deletes the new one.
    await setAvatar(ctx, { contactId: c.id, bytes: testPng(50, 50) });
    expect([...s3.objects.keys()]).toHaveLength(1);
    expect([...s3.objects.keys()][0]).toMatch(/\.png$/);
    await removeAvatar(ctx, { contactId: c.id });
    expect(s3.objects.size).toBe(0);
    expect(s3.log.every((r) => r.authorized)).toBe(true);
  });

  it("reports a missing object as 404, and a refused upload as an error without changing the contact", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Gone" });
    await setAvatar(ctx, { contactId: c.id, bytes: testPng(30, 30) });
    s3.objects.clear();
    await expect(readAvatar(ctx, { contactId: c.id })).rejects.toMatchObject({ code: "not_found" });
    process.env.S3_ACCESS_KEY_ID = "WRONG";
    resetEnvCache();
    const before = (await getContact(ctx, { id: c.id })).avatarUrl;
    await expect(setAvatar(ctx, { contactId: c.id, bytes: testPng(30, 30) })).rejects.toThrow(/HTTP 403/);
    expect((await getContact(ctx, { id: c.id })).avatarUrl).toBe(before);
    process.env.S3_ACCESS_KEY_ID = "AKIDTEST";
    resetEnvCache();
  });
});
