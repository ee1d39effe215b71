import { and, eq, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import type { DbHandle } from "../db/client";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { forceQueueMode } from "../jobs/dispatch";
import { approveImport } from "../sync/approve-import";
import { syncGmail } from "../sync/sync-gmail";
import { connectedUser, setupGoogleEmulator } from "../sync/testing/google-test-env";
import { useTestDb } from "../testing/test-db";
import { approveOutboxItems } from "./approve-outbox-items";
import { cancelOutboxItem } from "./cancel-outbox-item";
import { createOutboxItem } from "./create-outbox-item";
import { getOutboxItem } from "./get-outbox-item";
import { updateOutboxSettings } from "./get-outbox-settings";
import { grantSend, runJobs, sentCopies } from "./testing/outbox-test-env";

let h: DbHandle;
beforeAll(async () => {
  forceQueueMode("embedded");
  h = await useTestDb();
});
afterAll(() => forceQueueMode(undefined));
const { emu } = setupGoogleEmulator({ mailbox: { messages: 5, includeFixtures: false } });

async function setup(spec: { sendAs?: string[] } = {}) {
  const c = await connectedUser(h, emu(), { mailbox: { messages: 5, includeFixtures: false }, ...spec });
  const emma = await createContact(c.ctx, {
    displayName: "Emma Johnson",
    emails: [{ value: "emma.j@example.net", isPrimary: true }, { value: "emma.work@example.org" }],
  });
  return { ...c, emma };
}

const gmailRows = (ctx: { db: DbHandle["db"]; userId: string }, sourceId: string) =>
  withUser(ctx, (tx) =>
    tx
      .select()
      .from(interactions)
      .where(
        and(
          eq(interactions.userId, ctx.userId),
          eq(interactions.source, "gmail"),
          eq(interactions.sourceId, sourceId),
        ),
      ),
  );

describe("outbox → Gmail", () => {
  it("asks for the send scope first, then sends once, shows it on the timeline, and an import adds no duplicate", async () => {
    const { ctx, account, emma } = await setup();
    await updateOutboxSettings(ctx, { signature: "Maya · Yoga with Maya" });
    const draft = await createOutboxItem(ctx, {
      contactId: emma.id,
      subject: "See you Thursday",
      body: "Hi **Emma**,\n\nLooking forward to it.",
      cc: ["emma.work@example.org"],
    });
    expect(draft).toMatchObject({ status: "draft", to: "emma.j@example.net", messageId: null });
    // Read-only Gmail: approval asks for the send permission, nothing is queued.
    await expect(approveOutboxItems(ctx, { ids: [draft.id] })).rejects.toMatchObject({
      code: "forbidden",
      details: { reason: "gmail_send_consent_required" },
    });
    await grantSend(ctx, emu(), account);
    const [approved] = await approveOutboxItems(ctx, { ids: [draft.id] });
    expect(approved!.status).toBe("approved");
    await runJobs(ctx);
    const sent = await getOutboxItem(ctx, { id: draft.id });
    expect(sent.status).toBe("sent");
    expect(sent.messageId).toMatch(/^[0-9a-f]{16}$/);

    const copies = await sentCopies(emu(), account, (await row(ctx, draft.id)).message_id_header);
    expect(copies).toHaveLength(1);
    const mime = copies[0]!;
    expect(mime).toMatch(/^To: emma\.j@example\.net/m);
    expect(mime).toMatch(/^Cc: emma\.work@example\.org/m);
    expect(mime).toMatch(/^Subject: See you Thursday/m);
    expect(mime).toContain("multipart/alternative");
    expect(mime).toContain("<strong>Emma</strong>");
    expect(mime).toContain("Maya =C2=B7 Yoga with Maya");

    const onTimeline = await gmailRows(ctx, sent.messageId!);
    expect(onTimeline).toHaveLength(1);
    expect(onTimeline[0]).toMatchObject({
      direction: "outbound",
      type: "email",
      subject: "See you Thursday",
    });
    const links = await withUser(ctx, (tx) =>
      tx.execute(
        sql`SELECT 1 FROM interaction_contacts WHERE interaction_id = ${onTimeline[0]!.id} AND contact_id = ${emma.id}`,
      ),
    );
    expect(links.rows).toHaveLength(1);

    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    expect(await gmailRows(ctx, sent.messageId!)).toHaveLength(1);
    const emmas = await withUser(ctx, (tx) =>
      tx.execute(
        sql`SELECT 1 FROM contact_identities WHERE user_id = ${ctx.userId} AND value_normalized = 'emma.j@example.net'`,
      ),
    );
    expect(emmas.rows).toHaveLength(1);
  });

  it("replies in the thread, with an attachment, from a send-as alias", async () => {
    const { ctx, account, emma } = await setup({ sendAs: ["studio@example.org"] });
    await grantSend(ctx, emu(), account);
    const inbound = emu().control.addMessage(account, {
      from: "Emma Johnson <emma.j@example.net>",
      subject: "Can I move my session?",
      text: "Thursday does not work any more.",
    });
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    const [orig] = await gmailRows(ctx, inbound.id);
    expect(orig).toBeDefined();
    await expect(
      createOutboxItem(ctx, { contactId: emma.id, subject: "x", body: "x", from: "someone@else.example" }),
    ).rejects.toMatchObject({ code: "invalid_body" });
    const pdf = Buffer.alloc(300_000, 7);
    const draft = await createOutboxItem(ctx, {
      contactId: emma.id,
      replyToInteractionId: orig!.id,
      body: "Of course. Friday at 10?",
      from: "studio@example.org",
      attachments: [
        { filename: "directions.pdf", contentType: "application/pdf", contentBase64: pdf.toString("base64") },
      ],
    });
    expect(draft.subject).toBe("Re: Can I move my session?");
    expect(draft.threadId).toBe(inbound.threadId);
    await approveOutboxItems(ctx, { ids: [draft.id] });
    await runJobs(ctx);
    const sent = await getOutboxItem(ctx, { id: draft.id });
    expect(sent.status).toBe("sent");
    const mime = (await sentCopies(emu(), account, (await row(ctx, draft.id)).message_id_header))[0]!;
    expect(mime).toMatch(/^From: .*<studio@example\.org>/m);
    expect(mime).toMatch(/^In-Reply-To: <emu-added-/m);
    expect(mime).toMatch(/^References: <emu-added-/m);
    expect(mime).toContain("filename=directions.pdf");
    expect(mime).toContain(pdf.subarray(0, 57).toString("base64"));
    const [out] = await gmailRows(ctx, sent.messageId!);
    expect(out!.threadId).toBe(inbound.threadId);
    // Over 10 MB of attachments is refused before anything is stored.
    await expect(
      createOutboxItem(ctx, {
        contactId: emma.id,
        subject: "big",
        body: "x",
        attachments: [
          {
            filename: "big.bin",
            contentType: "application/octet-stream",
            contentBase64: Buffer.alloc(10 * 1024 * 1024 + 1).toString("base64"),
          },
        ],
      }),
    ).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("scheduled sends wait for their local time, can be cancelled, and the daily cap defers", async () => {
    const { ctx, account, emma } = await setup();
    await grantSend(ctx, emu(), account);
    await withUser(ctx, (tx) =>
      tx.execute(sql`INSERT INTO user_profiles (user_id, time_zone) VALUES (${ctx.userId}, 'Europe/London')`),
    );
    const later = await createOutboxItem(ctx, {
      contactId: emma.id,
      subject: "Later",
      body: "x",
      sendAt: "2099-07-01T09:30",
    });
    const [s] = await approveOutboxItems(ctx, { ids: [later.id] });
    expect(s).toMatchObject({ status: "scheduled", sendAt: "2099-07-01T08:30:00.000Z" });
    expect(s!.sendAtLocal).toContain("09:30");
    await runJobs(ctx);
    expect((await getOutboxItem(ctx, { id: later.id })).status).toBe("scheduled");
    expect(await cancelOutboxItem(ctx, { id: later.id })).toEqual({ id: later.id, status: "cancelled" });

    // The server's cap is a ceiling: a user can only lower it.
    expect((await updateOutboxSettings(ctx, { dailyCap: 2000 })).dailyCap).toBe(env().OUTBOX_DAILY_CAP);
    await expect(updateOutboxSettings(ctx, { bookingLink: "javascript:alert(1)" })).rejects.toThrow();
    await updateOutboxSettings(ctx, { dailyCap: 1 });
    const a = await createOutboxItem(ctx, { contactId: emma.id, subject: "One", body: "x" });
    const b = await createOutboxItem(ctx, { contactId: emma.id, subject: "Two", body: "x" });
    await approveOutboxItems(ctx, { ids: [a.id] });
    await runJobs(ctx);
    await approveOutboxItems(ctx, { ids: [b.id] });
    await runJobs(ctx);
    expect((await getOutboxItem(ctx, { id: a.id })).status).toBe("sent");
    const deferred = await getOutboxItem(ctx, { id: b.id });
    expect(deferred.status).toBe("scheduled");
    expect(deferred.lastError).toMatch(/Daily limit of 1/);
    expect(new Date(deferred.sendAt!).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });
});

async function row(ctx: { db: DbHandle["db"]; userId: string }, id: string) {
  const r = await withUser(ctx, (tx) =>
    tx.execute<{ message_id_header: string }>(
      sql`SELECT message_id_header FROM outbox_items WHERE id = ${id}`,
    ),
  );
  return r.rows[0]!;
}
