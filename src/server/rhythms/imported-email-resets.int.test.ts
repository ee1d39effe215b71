import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import type { DbHandle } from "../db/client";
import { logInteraction } from "../interactions/log-interaction";
import { approveImport } from "../sync/approve-import";
import { syncGmail } from "../sync/sync-gmail";
import { connectedUser, setupGoogleEmulator } from "../sync/testing/google-test-env";
import { useTestDb } from "../testing/test-db";
import { getToday } from "../today/get-today";
import { setContactRhythm } from "./set-contact-rhythm";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

describe("rhythms reset themselves from imported mail", () => {
  it("an imported email (either direction) takes a due contact off Today", async () => {
    const { ctx, account } = await connectedUser(h, emu(), { mailbox: { messages: 5 } });
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });

    const rhea = await createContact(ctx, {
      displayName: "Rhea Quiet",
      stage: "Core Client",
      emails: [{ value: "rhea.quiet@example.org" }],
    });
    const sol = await createContact(ctx, {
      displayName: "Sol Quiet",
      emails: [{ value: "sol@example.org" }],
    });
    for (const c of [rhea, sol]) {
      await logInteraction(ctx, {
        type: "call",
        occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        contactIds: [c.id],
      });
      await setContactRhythm(ctx, { contactId: c.id, body: { everyDays: 14 } });
    }
    const due = (await getToday(ctx)).dueContacts.map((d) => d.contactId);
    expect(due).toEqual(expect.arrayContaining([rhea.id, sol.id]));

    // Rhea writes in; the user writes to Sol. The next incremental sync imports both.
    emu().control.addMessage(account, {
      from: "Rhea Quiet <Rhea.Quiet@example.org>",
      to: account,
      subject: "Can we book next week?",
      date: new Date(),
    });
    emu().control.addMessage(account, {
      from: account,
      to: "Sol <sol@example.org>",
      subject: "Checking in",
      labelIds: ["SENT"],
      date: new Date(),
    });
    await syncGmail(ctx, { batchId: null, incremental: true });
    const after = await getToday(ctx);
    expect(after.dueContacts.map((d) => d.contactId)).not.toContain(rhea.id);
    expect(after.dueContacts.map((d) => d.contactId)).not.toContain(sol.id);
  });
});
