import type { gmail_v1 } from "@googleapis/gmail";
import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { withSystem } from "../../db/with-user";
import { saveTokens } from "../../google/token-store";
import { processQueuedNow } from "../../jobs/process-queued-now";
import type { Emulator } from "../../../../tools/google-emulator/server";
import { authedClients } from "../../../../tools/google-emulator/test-clients";

const G = "https://www.googleapis.com/auth/";

/** Incremental consent done: the gmail tokens now carry gmail.send as well. */
export async function grantSend(ctx: Ctx, emu: Emulator, account: string): Promise<void> {
  const scope = ["openid", "email", `${G}gmail.readonly`, `${G}gmail.send`, `${G}calendar.readonly`];
  const t = emu.control.mintTokens(account, { scope });
  await saveTokens(ctx, "gmail", {
    accessToken: t.access_token,
    refreshToken: t.refresh_token ?? null,
    expiresAt: new Date(Date.now() + t.expires_in * 1000),
    grantedScopes: t.scope.split(" "),
    accountEmail: account,
  });
}

/** Runs the user's due jobs now (embedded runner); retried jobs are made due first. */
export async function runJobs(ctx: Ctx, opts: { dueRetries?: boolean } = {}): Promise<number> {
  if (opts.dueRetries)
    await withSystem(ctx.db, (tx) =>
      tx.execute(sql`UPDATE jobs SET run_after = now() WHERE user_id = ${ctx.userId} AND status IN ('queued','error')
        AND kind = 'outbox_send' AND run_after > now() AND run_after < now() + interval '2 hours'`),
    );
  return (await processQueuedNow(ctx)).processed;
}

/** The raw RFC 822 text of every message in the account's SENT label with this Message-ID. */
export async function sentCopies(emu: Emulator, account: string, messageIdHeader: string): Promise<string[]> {
  const g: gmail_v1.Gmail = authedClients(emu, account).gmail;
  const bare = messageIdHeader.replace(/^<|>$/g, "");
  const list = await g.users.messages.list({ userId: "me", q: `rfc822msgid:${bare}`, labelIds: ["SENT"] });
  const out: string[] = [];
  for (const m of list.data.messages ?? []) {
    const r = await g.users.messages.get({ userId: "me", id: m.id!, format: "raw" });
    out.push(Buffer.from(r.data.raw ?? "", "base64url").toString("utf8"));
  }
  return out;
}
