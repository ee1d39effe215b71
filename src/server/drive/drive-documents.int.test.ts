import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { DbHandle } from "../db/client";
import { useTestDb } from "../testing/test-db";
import { forceQueueMode } from "../jobs/dispatch";
import { processQueuedNow } from "../jobs/process-queued-now";
import { createContact } from "../contacts/create-contact";
import { getTimeline } from "../interactions/get-timeline";
import { startGoogleOAuth } from "../google/start-google-oauth";
import { completeGoogleOAuth } from "../google/complete-google-oauth";
import { loadTokens } from "../google/token-store";
import { undoBatch } from "../sync/undo-batch";
import { connectedUser, setupGoogleEmulator } from "../sync/testing/google-test-env";
import type { Ctx } from "../context";
import type { Emulator } from "../../../tools/google-emulator/server";
import { previewDriveDocuments } from "./preview-drive-documents";
import { approveDriveImport } from "./approve-drive-import";
import { syncDriveDocuments } from "./sync-drive-documents";

let h: DbHandle;
beforeAll(async () => {
  forceQueueMode("embedded");
  process.env.FEATURE_GOOGLE_DRIVE = "true";
  resetEnvCache();
  h = await useTestDb();
});
afterAll(() => {
  forceQueueMode(undefined);
  delete process.env.FEATURE_GOOGLE_DRIVE;
  resetEnvCache();
});
const { emu } = setupGoogleEmulator({
  mailbox: { messages: 2, includeFixtures: false },
  calendar: { events: 0 },
});

/** The incremental consent step, through the emulator's consent screen (auto-approved). */
async function allowDrive(ctx: Ctx, e: Emulator, account: string): Promise<string> {
  const redirectUri = "http://127.0.0.1:3999/api/v1/google/oauth/callback";
  const { url, cookie } = await startGoogleOAuth(ctx, { scope: "drive", redirectUri });
  const auth = new URL(url);
  expect(auth.searchParams.get("scope")).toBe("https://www.googleapis.com/auth/drive.metadata.readonly");
  expect(auth.searchParams.get("include_granted_scopes")).toBe("true");
  auth.searchParams.set("emulator_auto", "1");
  auth.searchParams.set("login_hint", account);
  const back = new URL((await fetch(auth, { redirect: "manual" })).headers.get("location")!);
  const done = await completeGoogleOAuth(ctx, {
    code: back.searchParams.get("code")!,
    state: back.searchParams.get("state")!,
    cookie,
    redirectUri,
  });
  return done.redirect;
}

async function documents(ctx: Ctx, contactId: string) {
  const t = await getTimeline(ctx, { contactId, limit: 100 });
  return t.items.flatMap((i) =>
    i.kind === "interaction" && i.type === "document" ? [{ subject: i.subject, link: i.link }] : [],
  );
}

async function setup() {
  const { ctx, account } = await connectedUser(h, emu(), {
    mailbox: { messages: 2, includeFixtures: false },
    calendar: { events: 0 },
    drive: { files: 0 },
  });
  const ana = await createContact(ctx, { displayName: "Ana", emails: [{ value: "ana@clients.test" }] });
  const bob = await createContact(ctx, { displayName: "Bob", emails: [{ value: "Bob@Clients.test" }] });
  const e = emu().control;
  const plan = e.addDriveFile(account, {
    name: "Ana – home practice",
    sharedWith: [{ email: "ana@clients.test", displayName: "Ana", role: "writer" }],
  });
  const mri = e.addDriveFile(account, {
    name: "Bob's MRI report",
    mimeType: "application/pdf",
    owner: { email: "bob@clients.test", displayName: "Bob" },
    sharedWith: [{ email: account, role: "reader" }],
  });
  e.addDriveFile(account, { name: "Private tax notes" });
  e.addDriveFile(account, {
    name: "Shared with a stranger",
    sharedWith: [{ email: "stranger@elsewhere.test", role: "reader" }],
  });
  return { ctx, account, ana, bob, plan, mri };
}

describe("Google Drive documents", () => {
  it("asks for drive.metadata.readonly on first use, then previews, approves and undoes", async () => {
    const { ctx, account, ana, bob, plan } = await setup();
    // Gmail and Calendar are connected, Drive was never allowed: the preview says how to allow it.
    await expect(previewDriveDocuments(ctx)).rejects.toMatchObject({
      status: 403,
      details: { reason: "drive_consent_required", authorizeUrl: "/api/v1/google/oauth?scope=drive" },
    });
    expect(await allowDrive(ctx, emu(), account)).toBe("/settings/sync?connected=drive");
    expect((await loadTokens(ctx, "drive"))?.grantedScopes).toContain(
      "https://www.googleapis.com/auth/drive.metadata.readonly",
    );

    const preview = await previewDriveDocuments(ctx);
    expect(preview).toMatchObject({ count: 2, contacts: 2, filesScanned: 4, truncated: false });
    expect(preview.sampleNames.sort()).toEqual(["Ana – home practice", "Bob's MRI report"]);
    expect(await documents(ctx, ana.id)).toEqual([]);

    const { batchId } = await approveDriveImport(ctx);
    expect((await approveDriveImport(ctx)).batchId).toBe(batchId);
    await processQueuedNow(ctx);
    expect(await documents(ctx, ana.id)).toEqual([
      {
        subject: "Ana – home practice",
        link: `https://docs.google.com/document/d/${plan.id}/edit?usp=drivesdk`,
      },
    ]);
    expect((await documents(ctx, bob.id)).map((d) => d.subject)).toEqual(["Bob's MRI report"]);
    expect((await previewDriveDocuments(ctx)).count).toBe(0);

    // Another user sees none of it.
    const other = await connectedUser(h, emu(), { mailbox: { messages: 1 }, calendar: { events: 0 } });
    await expect(getTimeline(other.ctx, { contactId: ana.id })).rejects.toMatchObject({ code: "not_found" });

    const undone = await undoBatch(ctx, { batchId });
    expect(undone.removed.interactions).toBe(2);
    expect(await documents(ctx, ana.id)).toEqual([]);
    expect(await documents(ctx, bob.id)).toEqual([]);
    expect((await previewDriveDocuments(ctx)).count).toBe(2);
  });

  it("follows changes.list from the stored start page token, and lists again when it expires", async () => {
    const { ctx, account, ana, bob, plan, mri } = await setup();
    await allowDrive(ctx, emu(), account);
    await approveDriveImport(ctx);
    await processQueuedNow(ctx);
    const cursor = (await loadTokens(ctx, "drive"))?.cursor;
    expect(cursor).toMatch(/^\d+$/);

    const e = emu().control;
    // A new document for Ana, the plan no longer shared, Bob's file gone from the user's Drive.
    e.addDriveFile(account, {
      name: "Ana – session notes",
      sharedWith: [{ email: "ana@clients.test", role: "commenter" }],
    });
    e.updateDriveFile(account, plan.id, { sharedWith: [] });
    e.updateDriveFile(account, mri.id, { sharedWith: [] }); // Bob stops sharing: the user loses access
    await syncDriveDocuments(ctx, { batchId: null, incremental: true });
    expect((await documents(ctx, ana.id)).map((d) => d.subject)).toEqual(["Ana – session notes"]);
    expect(await documents(ctx, bob.id)).toEqual([]);
    const next = (await loadTokens(ctx, "drive"))?.cursor;
    expect(Number(next)).toBeGreaterThan(Number(cursor));

    // Nothing changed: a run changes nothing and keeps the token.
    await syncDriveDocuments(ctx, { batchId: null, incremental: true });
    expect((await loadTokens(ctx, "drive"))?.cursor).toBe(next);

    // Re-shared while the token expires: the fallback full listing still finds it.
    e.updateDriveFile(account, plan.id, { sharedWith: [{ email: "ana@clients.test", role: "reader" }] });
    e.expireDriveChanges(account);
    await syncDriveDocuments(ctx, { batchId: null, incremental: true });
    expect((await documents(ctx, ana.id)).map((d) => d.subject).sort()).toEqual([
      "Ana – home practice",
      "Ana – session notes",
    ]);
  });
});
