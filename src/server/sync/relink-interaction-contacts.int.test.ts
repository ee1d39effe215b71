import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createContact } from "../contacts/create-contact";
import type { DbHandle } from "../db/client";
import { interactions } from "../db/schema/interactions";
import { withUser } from "../db/with-user";
import { rootLog } from "../log";
import { createTestUser, useTestDb } from "../testing/test-db";
import { relinkInteractionContacts } from "./relink-interaction-contacts";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});

describe("relinkInteractionContacts (the resolve_contacts job)", () => {
  it("links only the given interactions, or every Gmail/Calendar one when none are given", async () => {
    const u = await createTestUser(h);
    const ctx = { db: h.db, userId: u.id, log: rootLog() };
    const c = await createContact(ctx, { displayName: "Pat", emails: [{ value: "pat@example.com" }] });
    const [a, b, cal] = await withUser({ db: h.db, userId: u.id }, (tx) =>
      tx
        .insert(interactions)
        .values(
          (
            [
              ["gmail", "m1"],
              ["gmail", "m2"],
              ["calendar", "e1"],
            ] as const
          ).map(([source, sourceId]) => ({
            userId: u.id,
            type: source === "gmail" ? ("email" as const) : ("meeting" as const),
            source,
            sourceId,
            occurredAt: new Date("2026-11-01T10:00:00Z"),
            metadata: { participants: ["PAT@example.com", "other@example.com"] },
          })),
        )
        .returning({ id: interactions.id }),
    );
    const linked = async () =>
      (
        await withUser({ db: h.db, userId: u.id }, (tx) =>
          tx.execute<{ interaction_id: string }>(
            sql`SELECT interaction_id FROM interaction_contacts WHERE contact_id = ${c.id} ORDER BY interaction_id`,
          ),
        )
      ).rows.map((r) => r.interaction_id);

    await relinkInteractionContacts(ctx, { interactionIds: [a!.id] });
    expect(await linked()).toEqual([a!.id]);
    await relinkInteractionContacts(ctx, {});
    expect(await linked()).toEqual([a!.id, b!.id, cal!.id].sort());
    // Idempotent: a second run adds nothing.
    await relinkInteractionContacts(ctx, {});
    expect(await linked()).toHaveLength(3);
  });
});
