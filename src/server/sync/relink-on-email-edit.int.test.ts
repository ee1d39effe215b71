import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import { updateContact } from "../contacts/update-contact";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { getTimeline } from "../interactions/get-timeline";
import { useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { syncGmail } from "./sync-gmail";
import { connectedUser, setupGoogleEmulator } from "./testing/google-test-env";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

describe("editing a contact's emails re-links past imported interactions", () => {
  it("adding an address pulls its past mail onto the timeline; removing it takes that mail off again", async () => {
    const { ctx } = await connectedUser(h, emu(), { mailbox: { messages: 40, includeFixtures: true } });
    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });
    // A participant no contact owns (e.g. someone who only wrote in: the default policy skips them).
    const stranger = await withUser({ db: h.db, userId: ctx.userId }, (tx) =>
      tx.execute<{ email: string; n: number }>(sql`
        SELECT p.email, count(*)::int AS n
        FROM interactions i, jsonb_array_elements_text(i.metadata->'participants') AS p(email)
        WHERE NOT EXISTS (SELECT 1 FROM contact_identities ci WHERE ci.value_normalized = lower(p.email))
          AND p.email NOT LIKE '%noreply%'
        GROUP BY p.email ORDER BY count(*) DESC, p.email LIMIT 1`),
    );
    const { email, n } = stranger.rows[0]!;
    expect(n).toBeGreaterThan(0);
    const c = await createContact(ctx, { displayName: "Renamed Client" });
    const timeline = async () =>
      (await getTimeline(ctx, { contactId: c.id, limit: 100 })).items.filter((x) => x.kind === "interaction");
    expect(await timeline()).toHaveLength(0);

    const updated = await updateContact(ctx, {
      id: c.id,
      patch: { emails: [{ value: email.toUpperCase() }] },
    });
    expect(await timeline()).toHaveLength(n);
    expect(updated.lastInteractionAt).not.toBeNull();

    await updateContact(ctx, { id: c.id, patch: { emails: [] } });
    expect(await timeline()).toHaveLength(0);
  });
});
