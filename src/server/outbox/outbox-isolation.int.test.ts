import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import type { DbHandle } from "../db/client";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { forceQueueMode } from "../jobs/dispatch";
import { rootLog } from "../log";
import { connectedUser, setupGoogleEmulator } from "../sync/testing/google-test-env";
import { deleteTemplate } from "../templates/delete-template";
import { getTemplate } from "../templates/get-template";
import { listTemplates } from "../templates/list-templates";
import { updateTemplate } from "../templates/update-template";
import { useTestDb } from "../testing/test-db";
import { approveOutboxItems } from "./approve-outbox-items";
import { cancelOutboxItem } from "./cancel-outbox-item";
import { createOutboxItem } from "./create-outbox-item";
import { getEmailConsent } from "./get-email-consent";
import { getOutboxItem } from "./get-outbox-item";
import { listOutboxItems } from "./list-outbox-items";
import { grantSend, runJobs } from "./testing/outbox-test-env";
import { updateOutboxItem } from "./update-outbox-item";
import { unsubscribeByToken } from "./unsubscribe-by-token";
import { unsubscribeToken } from "./unsubscribe-token";

// As an attacker: a second user who knows (or guesses) the first user's ids gets 404s, never
// their drafts, templates, threads or contacts, and cannot unsubscribe their clients.

let h: DbHandle;
beforeAll(async () => {
  forceQueueMode("embedded");
  h = await useTestDb();
});
afterAll(() => forceQueueMode(undefined));
const { emu } = setupGoogleEmulator({ mailbox: { messages: 0, includeFixtures: false } });

const notFound = { code: "not_found" };

describe("outbox isolation between users", () => {
  it("another user's outbox items, templates, emails and contacts answer 404", async () => {
    const a = await connectedUser(h, emu(), { mailbox: { messages: 0, includeFixtures: false } });
    const b = await connectedUser(h, emu(), { mailbox: { messages: 0, includeFixtures: false } });
    await grantSend(a.ctx, emu(), a.account);
    await grantSend(b.ctx, emu(), b.account);
    const emma = await createContact(a.ctx, {
      displayName: "Emma Johnson",
      emails: [{ value: "emma.j@example.net", isPrimary: true }],
    });
    const sentOne = await createOutboxItem(a.ctx, { contactId: emma.id, subject: "Hello", body: "x" });
    await approveOutboxItems(a.ctx, { ids: [sentOne.id] });
    await runJobs(a.ctx);
    const [email] = await withUser(a.ctx, (tx) =>
      tx
        .select({ id: interactions.id })
        .from(interactions)
        .where(and(eq(interactions.userId, a.user.id), eq(interactions.source, "gmail"))),
    );
    expect(email).toBeDefined();
    const draft = await createOutboxItem(a.ctx, { contactId: emma.id, subject: "Secret", body: "x" });
    const [template] = (await listTemplates(a.ctx)).items;
    const bob = await createContact(b.ctx, { displayName: "Bob", emails: [{ value: "bob@example.net" }] });

    await expect(getOutboxItem(b.ctx, { id: draft.id })).rejects.toMatchObject(notFound);
    await expect(updateOutboxItem(b.ctx, { id: draft.id, patch: { body: "pwned" } })).rejects.toMatchObject(
      notFound,
    );
    await expect(approveOutboxItems(b.ctx, { ids: [draft.id] })).rejects.toMatchObject(notFound);
    await expect(cancelOutboxItem(b.ctx, { id: draft.id })).rejects.toMatchObject(notFound);
    expect((await listOutboxItems(b.ctx, { limit: 100 })).items).toEqual([]);
    await expect(
      createOutboxItem(b.ctx, { contactId: emma.id, subject: "x", body: "x" }),
    ).rejects.toMatchObject(notFound);
    await expect(
      createOutboxItem(b.ctx, { contactId: bob.id, body: "x", replyToInteractionId: email!.id }),
    ).rejects.toMatchObject(notFound);
    await expect(
      createOutboxItem(b.ctx, { contactId: bob.id, subject: "x", templateId: template!.id }),
    ).rejects.toMatchObject(notFound);
    await expect(getTemplate(b.ctx, { id: template!.id })).rejects.toMatchObject(notFound);
    await expect(updateTemplate(b.ctx, { id: template!.id, patch: { name: "pwned" } })).rejects.toMatchObject(
      notFound,
    );
    await expect(deleteTemplate(b.ctx, { id: template!.id })).rejects.toMatchObject(notFound);
    // A's draft is untouched.
    expect(await getOutboxItem(a.ctx, { id: draft.id })).toMatchObject({ status: "draft", body: "x" });

    // Unsubscribe links: a forged or re-bound token changes nothing.
    const sys = { db: h.db, log: rootLog() };
    const good = unsubscribeToken(a.user.id, emma.id);
    const [body, sig] = good.split(".");
    const rebound = `${Buffer.from(`${b.user.id}.${emma.id}`).toString("base64url")}.${sig}`;
    expect(await unsubscribeByToken(sys, rebound)).toEqual({ ok: false });
    expect(await unsubscribeByToken(sys, `${body}.${"A".repeat(sig!.length)}`)).toEqual({ ok: false });
    expect(await unsubscribeByToken(sys, unsubscribeToken(b.user.id, emma.id))).toEqual({ ok: true });
    expect((await getEmailConsent(a.ctx, { contactId: emma.id })).doNotEmail).toBe(false);
  });
});
