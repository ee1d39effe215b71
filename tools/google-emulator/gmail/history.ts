// history.list: records after startHistoryId, oldest first, like Gmail.
import type { gmail_v1 } from "@googleapis/gmail";
import { apiErrors } from "../errors";
import { decodeToken, encodeToken, intParam } from "../http-utils";
import type { HistoryRecord, HistoryType, Mailbox } from "./mailbox";

const KEY: Record<HistoryType, keyof gmail_v1.Schema$History> = {
  messageAdded: "messagesAdded",
  messageDeleted: "messagesDeleted",
  labelAdded: "labelsAdded",
  labelRemoved: "labelsRemoved",
};

export function listHistory(box: Mailbox, q: URLSearchParams): gmail_v1.Schema$ListHistoryResponse {
  const raw = q.get("startHistoryId");
  if (!raw) throw apiErrors.badRequest("Missing required parameter: startHistoryId", "required");
  if (!/^\d+$/.test(raw)) throw apiErrors.badRequest(`Invalid value '${raw}' for startHistoryId`, "invalid");
  const start = Number(raw);
  // Gmail answers 404 once a start point has aged out; clients must full-sync.
  if (start < box.minHistoryId()) throw apiErrors.notFound();
  const max = intParam(q, "maxResults", 100, 500);
  const types = new Set(q.getAll("historyTypes"));
  const labelId = q.get("labelId");
  const after = decodeToken<{ a: number }>(q.get("pageToken"))?.a ?? start;
  const log = box.history();
  const matching: HistoryRecord[] = [];
  let more = false;
  for (let i = firstAfter(log, after); i < log.length; i++) {
    const r = log[i] as HistoryRecord;
    if (types.size && !types.has(r.type)) continue;
    if (labelId && !r.snapshotLabels.includes(labelId) && !r.labelIds.includes(labelId)) continue;
    if (matching.length === max) {
      more = true;
      break;
    }
    matching.push(r);
  }
  const history = matching.map(toJson);
  const last = matching.at(-1);
  return {
    ...(history.length ? { history } : {}),
    ...(more && last ? { nextPageToken: encodeToken({ a: last.id }) } : {}),
    historyId: String(box.historyId()),
  };
}

function toJson(r: HistoryRecord): gmail_v1.Schema$History {
  const message = { id: r.message.id, threadId: r.message.threadId, labelIds: r.snapshotLabels };
  const entry =
    r.type === "labelAdded" || r.type === "labelRemoved" ? { message, labelIds: r.labelIds } : { message };
  return {
    id: String(r.id),
    messages: [{ id: r.message.id, threadId: r.message.threadId }],
    [KEY[r.type]]: [entry],
  };
}

function firstAfter(log: HistoryRecord[], id: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((log[mid] as HistoryRecord).id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
