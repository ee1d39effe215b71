import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { withUser } from "../db/with-user";
import { listOwnAddresses } from "../profile/list-own-addresses";
import { useTestDb } from "../testing/test-db";
import { approveImport } from "./approve-import";
import { syncGmail } from "./sync-gmail";
import { updateSyncPrefs } from "./sync-prefs";
import { connectedUser, setupGoogleEmulator } from "./testing/google-test-env";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
const { emu } = setupGoogleEmulator();

describe("the user's own addresses", () => {
  it("importing a mailbox where the user writes from two addresses creates no contact for either", async () => {
    const { ctx, account } = await connectedUser(h, emu(), {
      mailbox: { messages: 0, includeFixtures: false },
      sendAs: ["studio@maya-yoga.example"],
    });
    await updateSyncPrefs(ctx, { contactCreationPolicy: "anyone" });
    const personal = "maya.personal@gmail.example";
    const c = emu().control;
    const t = Date.now() - 3 * 86_400_000;
    // Oldest first: a note to herself at her personal address (that address is a recipient
    // of her own mail before anything shows it is hers) …
    c.addMessage(account, { from: account, to: personal, subject: "note to self", date: t });
    // … mail from the alias, from her personal address (SENT: so it is hers), and from a client.
    c.addMessage(account, {
      from: `Maya <studio@maya-yoga.example>`,
      to: "lena@example.net",
      subject: "Welcome",
      date: t + 1000,
      labelIds: ["SENT"],
    });
    c.addMessage(account, {
      from: `Maya <${personal}>`,
      to: "omar@example.net",
      subject: "Hi Omar",
      date: t + 2000,
      labelIds: ["SENT"],
    });
    c.addMessage(account, {
      from: `Maya <${personal}>`,
      to: account,
      subject: "fwd",
      date: t + 3000,
      labelIds: ["INBOX"],
    });
    c.addMessage(account, { from: "Lena Park <lena@example.net>", subject: "Thanks!", date: t + 4000 });

    const { batchId } = await approveImport(ctx, { service: "gmail" });
    await syncGmail(ctx, { batchId, incremental: false });

    const emails = await withUser(ctx, (tx) =>
      tx.execute<{ v: string }>(sql`SELECT value_normalized v FROM contact_identities ci
        JOIN contacts c ON c.id = ci.contact_id WHERE ci.user_id = ${ctx.userId} AND c.deleted_at IS NULL ORDER BY 1`),
    );
    expect(emails.rows.map((r) => r.v)).toEqual(["lena@example.net", "omar@example.net"]);
    const own = (await listOwnAddresses(ctx)).map((a) => `${a.email}:${a.source}`).sort();
    expect(own).toEqual(
      [`${account}:primary`, `${personal}:sent_from`, "studio@maya-yoga.example:send_as"].sort(),
    );
    // Mail from her other addresses is hers (outbound), linked to the client, not to her.
    const dirs = await withUser(ctx, (tx) =>
      tx.execute<{ subject: string; direction: string; n: number }>(sql`SELECT i.subject, i.direction,
        (SELECT count(*)::int FROM interaction_contacts ic WHERE ic.interaction_id = i.id) n
        FROM interactions i WHERE i.user_id = ${ctx.userId} AND i.subject IN ('Hi Omar', 'Welcome') ORDER BY 1`),
    );
    expect(dirs.rows).toEqual([
      { subject: "Hi Omar", direction: "outbound", n: 1 },
      { subject: "Welcome", direction: "outbound", n: 1 },
    ]);
  });
});
