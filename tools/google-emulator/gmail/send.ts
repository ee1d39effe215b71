// Gmail's write side as OmniCRM uses it: users.messages.send (raw RFC 822 in
// JSON, threading by threadId or References, the SENT label, then visible to
// messages.list/history like any message) and users.settings.sendAs.list.
import type { gmail_v1 } from "@googleapis/gmail";
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors } from "../errors";
import { readJson } from "../http-utils";
import { parseAddressList } from "../mime/encoded-words";
import { headerValue, parseMessage } from "../mime/parse";
import { canSendMail } from "../oauth/scopes";
import type { Account } from "../state";

const U = "/gmail/v1/users/([^/]+)";

function requireSelf(ctx: ApiContext): Account {
  const userId = ctx.params[0] ?? "";
  if (userId !== "me" && userId.toLowerCase() !== ctx.account.profile.email)
    throw apiErrors.forbidden(`Delegation denied for ${ctx.account.profile.email}`);
  return ctx.account;
}

/** The primary address first, then the account's configured aliases. */
export function sendAsAddresses(account: Account): string[] {
  return [account.profile.email, ...account.sendAs.filter((a) => a !== account.profile.email)];
}

async function sendMessage(ctx: ApiContext): Promise<gmail_v1.Schema$Message> {
  const account = requireSelf(ctx);
  if (!canSendMail(ctx.grant.scopes)) throw apiErrors.insufficientScopes();
  const body = (await readJson(ctx.req)) as { raw?: unknown; threadId?: unknown };
  if (typeof body.raw !== "string" || body.raw === "")
    throw apiErrors.badRequest(
      "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
    );
  const raw = Buffer.from(body.raw, "base64url");
  const head = parseMessage(raw);
  const from = parseAddressList(headerValue(head, "From") ?? "")[0]?.email ?? account.profile.email;
  // Real Gmail quietly rewrites a From it does not own; the emulator refuses so a wrong
  // alias shows up in tests instead of passing unnoticed.
  if (!sendAsAddresses(account).includes(from.toLowerCase()))
    throw apiErrors.badRequest(`Invalid From header: ${from} is not a send-as address of this account`);
  const recipients = ["To", "Cc", "Bcc"].flatMap((h) => parseAddressList(headerValue(head, h) ?? ""));
  if (!recipients.length) throw apiErrors.badRequest("Recipient address required");
  const threadId = typeof body.threadId === "string" ? body.threadId : undefined;
  const meta = account.mailbox.addRaw(raw, ["SENT"], ctx.state.now(), threadId);
  return { id: meta.id, threadId: meta.threadId, labelIds: [...meta.labelIds] };
}

function listSendAs(ctx: ApiContext): gmail_v1.Schema$ListSendAsResponse {
  const account = requireSelf(ctx);
  return {
    sendAs: sendAsAddresses(account).map((email, i) => ({
      sendAsEmail: email,
      displayName: i === 0 ? account.profile.name : "",
      replyToAddress: "",
      signature: "",
      isPrimary: i === 0,
      isDefault: i === 0,
      treatAsAlias: i !== 0,
      ...(i === 0 ? {} : { verificationStatus: "accepted" }),
    })),
  };
}

export const GMAIL_SEND_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: new RegExp(`^${U}/messages/send$`),
    id: "gmail.users.messages.send",
    cost: 100,
    api: "gmail",
    handler: sendMessage,
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/settings/sendAs$`),
    id: "gmail.users.settings.sendAs.list",
    cost: 1,
    api: "gmail",
    handler: listSendAs,
  },
];
