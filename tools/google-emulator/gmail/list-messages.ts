// messages.list: label and `q` filtering, newest first, keyset-paged.
import type { gmail_v1 } from "@googleapis/gmail";
import type { ApiContext } from "../api-route";
import { apiErrors } from "../errors";
import { decodeToken, encodeToken, intParam } from "../http-utils";
import { gmailAccess } from "../oauth/scopes";
import { mailbox } from "./access";
import { compileQuery } from "./query";

const SPAM_TRASH = ["SPAM", "TRASH"];

export function listMessages(ctx: ApiContext): gmail_v1.Schema$ListMessagesResponse {
  const q = ctx.query;
  if (q.get("q") && gmailAccess(ctx.grant.scopes) === "metadata")
    throw apiErrors.forbidden("Metadata scope does not support 'q' parameter");
  const box = mailbox(ctx);
  const max = intParam(q, "maxResults", 100, 500);
  const labelIds = q.getAll("labelIds");
  const query = compileQuery(q.get("q") ?? "", ctx.state.now());
  const keepSpamTrash =
    q.get("includeSpamTrash") === "true" ||
    query.mentionsSpamTrash ||
    labelIds.some((l) => SPAM_TRASH.includes(l));
  const matches = box
    .listSorted()
    .filter(
      (m) =>
        labelIds.every((l) => m.labelIds.includes(l)) &&
        (keepSpamTrash || !m.labelIds.some((l) => SPAM_TRASH.includes(l))) &&
        query.test(m),
    );
  // Keyset paging on (internalDate, id): new mail arriving mid-listing doesn't shift pages.
  const cursor = decodeToken<{ d: number; i: string }>(q.get("pageToken"));
  if (q.get("pageToken") && !cursor) throw apiErrors.badRequest("Invalid pageToken", "invalidArgument");
  const start = cursor
    ? matches.findIndex((m) => m.internalDate < cursor.d || (m.internalDate === cursor.d && m.id < cursor.i))
    : 0;
  const page = start < 0 ? [] : matches.slice(start, start + max);
  const last = page.at(-1);
  const more = start >= 0 && start + max < matches.length;
  return {
    ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
    ...(more && last ? { nextPageToken: encodeToken({ d: last.internalDate, i: last.id }) } : {}),
    resultSizeEstimate: matches.length,
  };
}
