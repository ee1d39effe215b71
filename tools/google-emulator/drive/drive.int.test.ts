import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type Emulator } from "../server";
import { DEFAULT_SCOPES, SCOPES } from "../oauth/scopes";

let emu: Emulator;
let token: string;
type Json = Record<string, unknown> & { files?: File[]; changes?: Change[] };
type File = {
  id: string;
  name: string;
  ownedByMe: boolean;
  permissions?: { emailAddress: string; role: string }[];
  owners: { emailAddress: string }[];
  webViewLink: string;
  trashed: boolean;
};
type Change = { fileId: string; removed: boolean; file?: File };

async function get(path: string, t = token): Promise<{ status: number; body: Json }> {
  const r = await fetch(new URL(path, emu.apiRootUrl), { headers: { authorization: `Bearer ${t}` } });
  return { status: r.status, body: (await r.json()) as Json };
}

beforeAll(async () => {
  emu = await startGoogleEmulator({ seed: 11, mailbox: { messages: 5 }, calendar: { events: 5 } });
  token = emu.control.mintTokens(emu.defaultAccount, {
    scope: [...DEFAULT_SCOPES, SCOPES.driveMetadataReadonly],
  }).access_token;
});
afterAll(() => emu.close());

describe("Drive", () => {
  it("needs a Drive scope", async () => {
    const plain = emu.control.mintTokens(emu.defaultAccount).access_token;
    expect((await get("drive/v3/files", plain)).status).toBe(403);
  });

  it("lists seeded files with owners, permissions for sharers only, and pages", async () => {
    const all: File[] = [];
    let pageToken: string | undefined;
    do {
      const r = await get(
        `drive/v3/files?pageSize=5&q=trashed%20%3D%20false${pageToken ? `&pageToken=${pageToken}` : ""}`,
      );
      expect(r.status).toBe(200);
      all.push(...(r.body.files ?? []));
      pageToken = r.body.nextPageToken as string | undefined;
    } while (pageToken);
    expect(all).toHaveLength(12);
    expect(new Set(all.map((f) => f.id)).size).toBe(12);
    const shared = all.filter((f) => f.ownedByMe && (f.permissions?.length ?? 0) > 1);
    const fromClients = all.filter((f) => !f.ownedByMe);
    expect(shared.length).toBeGreaterThan(0);
    for (const f of fromClients) {
      expect(f.permissions).toBeUndefined();
      expect(f.owners[0]!.emailAddress).not.toBe(emu.defaultAccount);
    }
    expect(all[0]!.webViewLink).toMatch(/^https:\/\/(docs|drive)\.google\.com\//);
    // Same seed, same files.
    const again = await get("drive/v3/files?pageSize=100&fields=files(id,name)");
    expect(again.body.files!.map((f) => f.id)).toEqual(all.map((f) => f.id));
    expect(Object.keys(again.body.files![0]!).sort()).toEqual(["id", "name"]);
  });

  it("reports adds, re-shares, trashing and deletions through changes.list from a start token", async () => {
    const start = (await get("drive/v3/changes/startPageToken")).body.startPageToken as string;
    expect((await get(`drive/v3/changes?pageToken=${start}`)).body).toMatchObject({
      changes: [],
      newStartPageToken: start,
    });
    const a = emu.control.addDriveFile(emu.defaultAccount, {
      name: "Plan for Ana",
      sharedWith: [{ email: "ana@example.org", role: "writer" }],
    });
    const b = emu.control.addDriveFile(emu.defaultAccount, { name: "Private" });
    emu.control.updateDriveFile(emu.defaultAccount, a.id, { name: "Plan for Ana v2" });
    emu.control.deleteDriveFile(emu.defaultAccount, b.id);
    const page1 = await get(`drive/v3/changes?pageToken=${start}&pageSize=1`);
    expect(page1.body.changes).toHaveLength(1);
    expect(page1.body.changes![0]).toMatchObject({
      fileId: a.id,
      removed: false,
      file: { name: "Plan for Ana v2" },
    });
    const page2 = await get(`drive/v3/changes?pageToken=${page1.body.nextPageToken as string}`);
    expect(page2.body.changes).toEqual([expect.objectContaining({ fileId: b.id, removed: true })]);
    const next = page2.body.newStartPageToken as string;
    expect((await get(`drive/v3/changes?pageToken=${next}`)).body.changes).toEqual([]);

    const perms = await get(`drive/v3/files/${a.id}/permissions`);
    expect((perms.body.permissions as { emailAddress: string; role: string }[]).map((p) => p.role)).toEqual([
      "owner",
      "writer",
    ]);
    emu.control.expireDriveChanges(emu.defaultAccount);
    expect((await get(`drive/v3/changes?pageToken=${next}`)).status).toBe(400);
    expect((await get("drive/v3/files?q=name%20contains%20%27x%27")).status).toBe(400);
  });
});
