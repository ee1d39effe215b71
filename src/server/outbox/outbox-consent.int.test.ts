import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { forceQueueMode } from "../jobs/dispatch";
import { connectedUser, setupGoogleEmulator } from "../sync/testing/google-test-env";
import { createTag } from "../tags/create-tag";
import { createTestUser, useTestDb } from "../testing/test-db";
import { rootLog } from "../log";
import { listTemplates } from "../templates/list-templates";
import { getTemplate } from "../templates/get-template";
import { approveOutboxItems } from "./approve-outbox-items";
import { createGroupSend } from "./create-group-send";
import { createOutboxItem } from "./create-outbox-item";
import { draftCheckIn } from "./draft-check-in";
import { getEmailConsent } from "./get-email-consent";
import { listOutboxItems } from "./list-outbox-items";
import { setDoNotEmail } from "./set-do-not-email";
import { grantSend, runJobs, sentCopies } from "./testing/outbox-test-env";
import { unsubscribeByToken } from "./unsubscribe-by-token";
import { completeGoogleOAuth } from "../google/complete-google-oauth";
import { gmailSendConsent } from "../google/gmail/send-driver";
import { startGoogleOAuth } from "../google/start-google-oauth";
import { approveImport } from "../sync/approve-import";
import { syncGmail } from "../sync/sync-gmail";

let h: DbHandle;
beforeAll(async () => {
  forceQueueMode("embedded");
  h = await useTestDb();
});
afterAll(() => forceQueueMode(undefined));
const { emu } = setupGoogleEmulator({ mailbox: { messages: 3, includeFixtures: false } });

describe("consent and group sends", () => {
  it("incremental consent: a read-only user keeps importing; the first send asks Google for gmail.send only then", async () => {
    const { ctx, account } = await connectedUser(h, emu(), {
      mailbox: { messages: 3, includeFixtures: false },
    });
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    const c = await createContact(ctx, { displayName: "Ida", emails: [{ value: "ida@example.net" }] });
    const draft = await createOutboxItem(ctx, { contactId: c.id, subject: "Hi", body: "x" });
    const refused = await approveOutboxItems(ctx, { ids: [draft.id] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      status: 403,
      details: {
        reason: "gmail_send_consent_required",
        authorizeUrl: "/api/v1/google/oauth?scope=gmail_send",
      },
    });

    const redirectUri = "http://127.0.0.1:3999/api/v1/google/oauth/callback";
    const { url, cookie } = await startGoogleOAuth(ctx, { scope: "gmail_send", redirectUri });
    const auth = new URL(url);
    expect(auth.searchParams.get("scope")!.split(" ").sort()).toEqual([
      "https://www.googleapis.com/auth/gmail.readonly",
      "https://www.googleapis.com/auth/gmail.send",
    ]);
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
    expect(done.redirect).toBe("/outbox?sendAllowed=1");
    expect(await gmailSendConsent(ctx)).toMatchObject({
      connected: true,
      canSend: true,
      accountEmail: account,
    });
    expect((await approveOutboxItems(ctx, { ids: [draft.id] }))[0]!.status).toBe("approved");
    // Reading still works with the new grant.
    const again = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId: again.batchId, incremental: true });
    expect((await gmailSendConsent(ctx)).connected).toBe(true);

    // Google now returns gmail.send with every grant of this account (include_granted_scopes):
    // a plain "Connect Gmail" from another OmniCRM account still lands on Sync, not the Outbox.
    const other = { ...ctx, userId: (await createTestUser(h)).id, log: rootLog() };
    const plain = await startGoogleOAuth(other, { scope: "gmail", redirectUri });
    const plainAuth = new URL(plain.url);
    plainAuth.searchParams.set("emulator_auto", "1");
    plainAuth.searchParams.set("login_hint", account);
    const plainBack = new URL((await fetch(plainAuth, { redirect: "manual" })).headers.get("location")!);
    const plainDone = await completeGoogleOAuth(other, {
      code: plainBack.searchParams.get("code")!,
      state: plainBack.searchParams.get("state")!,
      cookie: plain.cookie,
      redirectUri,
    });
    expect(plainDone.redirect).toBe("/settings/sync?connected=google");
  });

  it("refuses to email a contact marked do-not-email (409 with the reason), at draft and at approval", async () => {
    const { ctx, account } = await connectedUser(h, emu(), {
      mailbox: { messages: 0, includeFixtures: false },
    });
    await grantSend(ctx, emu(), account);
    const c = await createContact(ctx, { displayName: "Noah Reed", emails: [{ value: "noah@example.net" }] });
    const draft = await createOutboxItem(ctx, { contactId: c.id, subject: "Hi", body: "x" });
    await setDoNotEmail(ctx, { contactId: c.id, doNotEmail: true, reason: "Asked not to be emailed" });
    await expect(createOutboxItem(ctx, { contactId: c.id, subject: "Hi", body: "x" })).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      message: expect.stringContaining("Asked not to be emailed"),
    });
    await expect(approveOutboxItems(ctx, { ids: [draft.id] })).rejects.toMatchObject({
      status: 409,
      details: { reason: "do_not_email" },
    });
    await setDoNotEmail(ctx, { contactId: c.id, doNotEmail: false });
    expect((await approveOutboxItems(ctx, { ids: [draft.id] }))[0]!.status).toBe("approved");
  });

  it("a group send makes one individual message per person, each with a working unsubscribe link", async () => {
    const { ctx, account } = await connectedUser(h, emu(), {
      mailbox: { messages: 0, includeFixtures: false },
    });
    await grantSend(ctx, emu(), account);
    const tag = await createTag(ctx, { name: "Monday class" });
    const people = await Promise.all(
      ["ana", "ben", "cleo"].map((n) =>
        createContact(ctx, {
          displayName: `${n} Smith`,
          emails: [{ value: `${n}@example.net` }],
          tagIds: [tag.id],
        }),
      ),
    );
    await createContact(ctx, { displayName: "Not Tagged", emails: [{ value: "other@example.net" }] });
    await setDoNotEmail(ctx, { contactId: people[2]!.id, doNotEmail: true });
    const { items: templates } = await listTemplates(ctx);
    const rebook = templates.find((t) => t.starterKey === "rebook_nudge")!;
    const group = await createGroupSend(ctx, { tagId: tag.id, templateId: rebook.id });
    expect(group.created).toBe(2);
    expect(group.skipped.map((s) => s.contactId)).toEqual([people[2]!.id]);
    await approveOutboxItems(ctx, { ids: group.items.map((i) => i.id) });
    await runJobs(ctx);
    const { items } = await listOutboxItems(ctx, { limit: 50 });
    expect(items.filter((i) => i.groupId === group.groupId).map((i) => i.status)).toEqual(["sent", "sent"]);
    const links: string[] = [];
    for (const it of group.items) {
      const hdr = await withUser(ctx, (tx) =>
        tx.execute<{ m: string }>(sql`SELECT message_id_header m FROM outbox_items WHERE id = ${it.id}`),
      );
      const [mime] = await sentCopies(emu(), account, hdr.rows[0]!.m);
      // One recipient per message, no Bcc.
      expect(mime!.match(/^To: (.*)$/m)![1]).toBe(it.to);
      expect(mime).not.toMatch(/^Bcc:/im);
      expect(mime).toMatch(/^List-Unsubscribe:\s+<http/m);
      expect(mime).toContain(`Hi ${it.contactName.split(" ")[0]}`);
      const unfolded = mime!.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      links.push(/\/unsubscribe\?t=([A-Za-z0-9_.-]+)/.exec(unfolded)![1]!);
    }
    expect(new Set(links).size).toBe(2);
    expect(await unsubscribeByToken(ctx, links[0]!)).toEqual({ ok: true });
    expect(await unsubscribeByToken(ctx, `${links[0]!}x`)).toEqual({ ok: false });
    const consent = await getEmailConsent(ctx, { contactId: group.items[0]!.contactId });
    expect(consent).toMatchObject({ doNotEmail: true, source: "unsubscribe" });
    expect((await getEmailConsent(ctx, { contactId: group.items[1]!.contactId })).doNotEmail).toBe(false);
  });

  it("templates: starter set once, per-recipient preview escapes merge values, check-in drafts once a day", async () => {
    const { ctx } = await connectedUser(h, emu(), { mailbox: { messages: 0, includeFixtures: false } });
    const first = await listTemplates(ctx);
    expect(first.items.map((t) => t.starterKey).sort()).toEqual([
      "birthday",
      "lapsed_check_in",
      "rebook_nudge",
      "session_follow_up",
      "welcome",
    ]);
    expect((await listTemplates(ctx)).items).toHaveLength(5);
    const c = await createContact(ctx, {
      displayName: "Zoë *[evil](http://x)*",
      emails: [{ value: "zoe@example.net" }],
    });
    const welcome = first.items.find((t) => t.starterKey === "welcome")!;
    const p = await getTemplate(ctx, { id: welcome.id, contactId: c.id });
    expect(p.preview!.subject).toBe("Welcome, Zoë");
    expect(p.preview!.missingFields).toContain("bookingLink");
    const a = await draftCheckIn(ctx, { contactId: c.id });
    const b = await draftCheckIn(ctx, { contactId: c.id });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ origin: "checkin", status: "draft", subject: "Checking in" });
  });
});
