// Gmail API v1 routes under /gmail/v1/users/{userId}/…
import type { gmail_v1 } from "@googleapis/gmail";
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors } from "../errors";
import { readJson } from "../http-utils";
import { gmailAccess } from "../oauth/scopes";
import { mailbox, message } from "./access";
import { formatMessage, getAttachment, type MessageFormat } from "./format";
import { listHistory } from "./history";
import { ALL_LABELS, isKnownLabel } from "./labels";
import type { Mailbox } from "./mailbox";
import type { MessageMeta } from "./message-meta";
import { listMessages } from "./list-messages";

const U = "/gmail/v1/users/([^/]+)";
const FORMATS = new Set(["full", "metadata", "minimal", "raw"]);

function getMessage(ctx: ApiContext): gmail_v1.Schema$Message {
  const format = (ctx.query.get("format") ?? "full") as MessageFormat;
  if (!FORMATS.has(format))
    throw apiErrors.badRequest(`Invalid value at 'format' (${format})`, "invalidArgument");
  const restricted = gmailAccess(ctx.grant.scopes) === "metadata" && (format === "full" || format === "raw");
  if (restricted) throw apiErrors.forbidden(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
  const box = mailbox(ctx);
  return formatMessage(box, message(box, ctx.params[1]), format, ctx.query.getAll("metadataHeaders"));
}

function labelCounts(box: Mailbox, id: string) {
  const msgs = box.listSorted().filter((m) => m.labelIds.includes(id));
  const unread = msgs.filter((m) => m.labelIds.includes("UNREAD"));
  const threads = (list: MessageMeta[]) => new Set(list.map((m) => m.threadId)).size;
  return {
    messagesTotal: msgs.length,
    messagesUnread: unread.length,
    threadsTotal: threads(msgs),
    threadsUnread: threads(unread),
  };
}

async function modifyMessage(ctx: ApiContext): Promise<gmail_v1.Schema$Message> {
  const box = mailbox(ctx, "full");
  if (!ctx.grant.scopes.some((s) => s === "https://mail.google.com/" || s.endsWith("/gmail.modify")))
    throw apiErrors.insufficientScopes();
  const meta = message(box, ctx.params[1]);
  const body = (await readJson(ctx.req)) as { addLabelIds?: string[]; removeLabelIds?: string[] };
  const unknown = [...(body.addLabelIds ?? []), ...(body.removeLabelIds ?? [])].find((l) => !isKnownLabel(l));
  if (unknown) throw apiErrors.badRequest(`Invalid label: ${unknown}`, "invalidArgument");
  box.modify(meta.id, body.addLabelIds ?? [], body.removeLabelIds ?? []);
  return formatMessage(box, meta, "minimal");
}

export const GMAIL_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: new RegExp(`^${U}/profile$`),
    id: "gmail.users.getProfile",
    cost: 1,
    api: "gmail",
    handler: (ctx) => {
      const box = mailbox(ctx, "labels");
      const live = box.listSorted();
      return {
        emailAddress: box.email,
        messagesTotal: live.length,
        threadsTotal: new Set(live.map((m) => m.threadId)).size,
        historyId: String(box.historyId()),
      };
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/labels$`),
    id: "gmail.users.labels.list",
    cost: 1,
    api: "gmail",
    handler: (ctx) => (mailbox(ctx, "labels"), { labels: ALL_LABELS.map((l) => ({ ...l })) }),
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/labels/([^/]+)$`),
    id: "gmail.users.labels.get",
    cost: 1,
    api: "gmail",
    handler: (ctx) => {
      const box = mailbox(ctx, "labels");
      const label = ALL_LABELS.find((l) => l.id === ctx.params[1]);
      if (!label) throw apiErrors.notFound();
      return { ...label, ...labelCounts(box, label.id) };
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/messages$`),
    id: "gmail.users.messages.list",
    cost: 5,
    api: "gmail",
    handler: listMessages,
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/messages/([^/]+)$`),
    id: "gmail.users.messages.get",
    cost: 5,
    api: "gmail",
    handler: getMessage,
  },
  {
    method: "POST",
    pattern: new RegExp(`^${U}/messages/([^/]+)/modify$`),
    id: "gmail.users.messages.modify",
    cost: 5,
    api: "gmail",
    handler: modifyMessage,
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/messages/([^/]+)/attachments/([^/]+)$`),
    id: "gmail.users.messages.attachments.get",
    cost: 5,
    api: "gmail",
    handler: (ctx) => {
      const box = mailbox(ctx, "full");
      const body = getAttachment(box, message(box, ctx.params[1]), ctx.params[2] ?? "");
      if (!body) throw apiErrors.notFound();
      return body;
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${U}/history$`),
    id: "gmail.users.history.list",
    cost: 2,
    api: "gmail",
    handler: (ctx) => listHistory(mailbox(ctx), ctx.query),
  },
];
