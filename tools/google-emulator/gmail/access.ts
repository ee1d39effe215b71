// Who may read which mailbox, at what level, and message-id validation.
import type { ApiContext } from "../api-route";
import { apiErrors } from "../errors";
import { gmailAccess } from "../oauth/scopes";
import type { Mailbox } from "./mailbox";
import type { MessageMeta } from "./message-meta";

/** userId must be "me" or the token's own address, else Gmail refuses delegation. */
export function mailbox(ctx: ApiContext, level: "labels" | "metadata" | "full" = "metadata"): Mailbox {
  const userId = ctx.params[0] ?? "";
  if (userId !== "me" && userId.toLowerCase() !== ctx.account.profile.email)
    throw apiErrors.forbidden(`Delegation denied for ${ctx.account.profile.email}`);
  const access = gmailAccess(ctx.grant.scopes);
  const rank = { none: 0, labels: 1, metadata: 2, full: 3 };
  if (rank[access] < rank[level]) throw apiErrors.insufficientScopes();
  return ctx.account.mailbox;
}

export function message(box: Mailbox, id: string | undefined): MessageMeta {
  if (!id || !/^[0-9a-f]{1,24}$/i.test(id)) throw apiErrors.badRequest("Invalid id value", "invalidArgument");
  const meta = box.get(id);
  if (!meta) throw apiErrors.notFound();
  return meta;
}
