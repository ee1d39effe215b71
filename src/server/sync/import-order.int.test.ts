import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { relinkInteractionContacts } from "./relink-interaction-contacts";
import { syncCalendar } from "./sync-calendar";
import { syncGmail } from "./sync-gmail";
import { updateSyncPrefs } from "./sync-prefs";
import { connectedUser, setupGoogleEmulator } from "./testing/google-test-env";

// The same mailbox and calendar imported Gmail-first and Calendar-first must end with the
// same contacts and the same links: a contact one import creates also owns the interactions
// the other imported before it.
let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const SPEC = { seed: 99, mailbox: { messages: 40, now: NOW }, calendar: { events: 15, now: NOW } };
// Cc'd on inbound mail only (never a Gmail candidate), and an attendee of a meeting: only
// the Calendar import creates her contact.
const SHARED = "shared.attendee@clientco.example";

type State = { contacts: string[]; links: string[] };

async function state(userId: string): Promise<State> {
  return withUser({ db: h.db, userId }, async (tx) => {
    const contacts = await tx.execute<{ k: string }>(sql`SELECT min(ci.value_normalized) k FROM contacts c
      JOIN contact_identities ci ON ci.contact_id = c.id AND ci.kind = 'email'
      WHERE c.user_id = ${userId} GROUP BY c.id ORDER BY 1`);
    const links = await tx.execute<{
      k: string;
    }>(sql`SELECT i.source || ':' || i.source_id || '>' || ci.value_normalized k
      FROM interaction_contacts l JOIN interactions i ON i.id = l.interaction_id
      JOIN contact_identities ci ON ci.contact_id = l.contact_id AND ci.kind = 'email'
      WHERE l.user_id = ${userId} ORDER BY 1`);
    return { contacts: contacts.rows.map((r) => r.k), links: links.rows.map((r) => r.k) };
  });
}

type Service = "gmail" | "calendar";

/** Imports one after the other, or side by side (`together`: as two workers would run them). */
async function importInOrder(order: Service[] | "together", policy: "anyone" | "engaged") {
  const { ctx, account } = await connectedUser(h, emu(), SPEC);
  await updateSyncPrefs(ctx, { contactCreationPolicy: policy, calendarTimeWindowDays: 365 });
  const mail = emu().control.addMessage(account, {
    from: "Dana Lead <dana.lead@clientco.example>",
    to: account,
    cc: `Sam Attendee <${SHARED}>`,
    subject: "Agenda for Thursday",
    date: new Date(NOW.getTime() - 86_400_000),
  });
  emu().control.addEvent(account, {
    summary: "Thursday planning",
    start: { dateTime: new Date(NOW.getTime() + 2 * 86_400_000).toISOString() },
    end: { dateTime: new Date(NOW.getTime() + 2 * 86_400_000 + 3_600_000).toISOString() },
    organizer: { email: account },
    attendees: [
      { email: account, responseStatus: "accepted", organizer: true },
      { email: SHARED, displayName: "Sam Attendee", responseStatus: "accepted" },
    ],
  });
  const run = async (service: Service) => {
    const { batchId } = await approveImport(ctx, { service });
    if (service === "gmail") await syncGmail(ctx, { batchId, incremental: false });
    else await syncCalendar(ctx, { batchId, incremental: false });
  };
  if (order === "together") await Promise.all([run("gmail"), run("calendar")]);
  else for (const service of order) await run(service);
  return { ctx, mailId: mail.id, got: await state(ctx.userId) };
}

describe("import order", () => {
  it.each(["anyone", "engaged"] as const)(
    "Gmail then Calendar, Calendar then Gmail and both at once give the same contacts and links (%s)",
    async (policy) => {
      const a = await importInOrder(["gmail", "calendar"], policy);
      const b = await importInOrder(["calendar", "gmail"], policy);
      // Same corpus, so the same message and event ids in both accounts.
      expect(b.mailId).toBe(a.mailId);
      expect(a.got.contacts).toContain(SHARED);
      expect(a.got.links).toContain(`gmail:${a.mailId}>${SHARED}`);
      expect(a.got.links.some((k) => k.startsWith("calendar:") && k.endsWith(`>${SHARED}`))).toBe(true);
      expect(b.got).toEqual(a.got);
      // Side by side (on PostgreSQL their chunks really interleave): no link falls between.
      expect((await importInOrder("together", policy)).got).toEqual(a.got);
      // Nothing is left for a full re-link to add: both orders already made every link.
      await relinkInteractionContacts(a.ctx, {});
      expect(await state(a.ctx.userId)).toEqual(a.got);
    },
  );
});
