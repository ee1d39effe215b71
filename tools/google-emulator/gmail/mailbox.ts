// One account's mailbox: small cached metadata per message, bodies rendered on
// demand, and a history log so history.list behaves like Gmail's.
import { parseAddressList } from "../mime/encoded-words";
import { envelopeOf, type Corpus } from "../seed/envelope";
import { fixtureRawFor, loadFixtures } from "../seed/fixtures";
import { planMailbox } from "../seed/mail-plan";
import { buildPersonas } from "../seed/personas";
import { renderPlan } from "../seed/render";
import { composeRaw, type MessageSpec } from "./compose";
import { messageIdFor, metaFromRaw, replyContext, type MessageMeta } from "./message-meta";

export type HistoryType = "messageAdded" | "messageDeleted" | "labelAdded" | "labelRemoved";
export type HistoryRecord = {
  id: number;
  type: HistoryType;
  message: MessageMeta;
  labelIds: string[];
  snapshotLabels: string[];
};

export type MailboxInit = {
  email: string;
  name: string;
  seed: number;
  messages: number;
  now: number;
  days: number;
  personas: number;
  includeFixtures: boolean;
};

export type Mailbox = ReturnType<typeof createMailbox>;

export function createMailbox(init: MailboxInit) {
  const personas = buildPersonas(init.seed, init.personas);
  const first = init.name.split(" ")[0] ?? init.name;
  const plans = planMailbox({
    seed: init.seed,
    count: init.messages,
    now: init.now,
    days: init.days,
    personas,
  });
  const corpus: Corpus = {
    seed: init.seed,
    account: { email: init.email, name: init.name, first },
    personas,
    plans,
  };
  const metas: MessageMeta[] = [];
  const byId = new Map<string, MessageMeta>();
  const byHeader = new Map<string, MessageMeta>();
  const log: HistoryRecord[] = [];
  let hid = 100_000;
  // The earliest valid startHistoryId: everything after mailbox creation is retained.
  let minRetained = hid;
  let sorted: MessageMeta[] | null = null;

  const bump = () => (hid += 1 + (metas.length % 3));
  const record = (type: HistoryType, message: MessageMeta, labelIds: string[] = []) => {
    log.push({ id: bump(), type, message, labelIds, snapshotLabels: [...message.labelIds] });
    return hid;
  };
  const insert = (meta: MessageMeta) => {
    metas.push(meta);
    byId.set(meta.id, meta);
    if (meta.messageIdHeader) byHeader.set(meta.messageIdHeader, meta);
    sorted = null;
    meta.historyId = record("messageAdded", meta);
  };

  const fromRaw = (raw: Buffer, labelIds: string[], date?: number, threadId?: string): MessageMeta =>
    metaFromRaw(raw, { index: metas.length, labelIds, date, threadId, byHeader });

  if (init.includeFixtures)
    for (const f of loadFixtures()) insert(fromRaw(fixtureRawFor(f, init.email), [...f.labelIds]));
  const offset = metas.length;
  for (const plan of plans) {
    const env = envelopeOf(corpus, plan);
    const id = messageIdFor(plan.date, metas.length);
    const root = plan.root === plan.n ? undefined : metas[offset + plan.root];
    insert({
      id,
      threadId: root?.threadId ?? id,
      historyId: 0,
      deleted: false,
      internalDate: plan.date,
      from: env.from.email,
      fromName: env.from.name,
      to: env.to.map((a) => a.email),
      cc: env.cc.map((a) => a.email),
      subject: plan.subject,
      labelIds: [...plan.labels],
      hasAttachment: plan.attachment,
      source: { kind: "plan", plan },
    });
  }
  const rawOf = (m: MessageMeta): Buffer =>
    m.source.kind === "raw" ? m.source.raw : renderPlan(corpus, m.source.plan);

  return {
    email: init.email,
    corpus,
    fixtureCount: offset,
    historyId: () => hid,
    minHistoryId: () => minRetained,
    history: () => log,
    get: (id: string) => byId.get(id),
    all: () => metas,
    raw: rawOf,
    /** Live messages, newest first (Gmail's list order). */
    listSorted(): MessageMeta[] {
      sorted ??= metas
        .filter((m) => !m.deleted)
        .sort((a, b) => b.internalDate - a.internalDate || (a.id < b.id ? 1 : -1));
      return sorted;
    },
    add(spec: MessageSpec, now: number): MessageMeta {
      const replyTo = spec.inReplyTo ? byId.get(spec.inReplyTo) : undefined;
      if (spec.inReplyTo && !replyTo) throw new Error(`inReplyTo: no message ${spec.inReplyTo}`);
      const date = spec.date !== undefined ? new Date(spec.date).getTime() : now;
      const reply = replyTo ? replyContext(replyTo, rawOf(replyTo)) : undefined;
      const raw = composeRaw(spec, { account: init.email, date, seq: metas.length, reply });
      const fromMe = parseAddressList(spec.from ?? "")[0]?.email === init.email.toLowerCase();
      const labels = spec.labelIds ?? (fromMe ? ["SENT"] : ["INBOX", "UNREAD", "CATEGORY_PERSONAL"]);
      const meta = fromRaw(raw, [...labels], date, replyTo?.threadId);
      insert(meta);
      return meta;
    },
    /** messages.send: stores the bytes as given, in `threadId` when the caller names one. */
    addRaw(raw: Buffer, labelIds: string[], date: number, threadId?: string): MessageMeta {
      const meta = fromRaw(raw, labelIds, date, threadId && byId.has(threadId) ? threadId : undefined);
      insert(meta);
      return meta;
    },
    remove(id: string): number {
      const meta = byId.get(id);
      if (!meta) throw new Error(`no message ${id}`);
      meta.deleted = true;
      byId.delete(id);
      sorted = null;
      return record("messageDeleted", meta);
    },
    modify(id: string, add: string[], remove: string[]): MessageMeta {
      const meta = byId.get(id);
      if (!meta) throw new Error(`no message ${id}`);
      const added = add.filter((l) => !meta.labelIds.includes(l));
      const removed = remove.filter((l) => meta.labelIds.includes(l));
      meta.labelIds = [...meta.labelIds.filter((l) => !removed.includes(l)), ...added];
      sorted = null;
      if (added.length) meta.historyId = record("labelAdded", meta, added);
      if (removed.length) meta.historyId = record("labelRemoved", meta, removed);
      return meta;
    },
    /** Drops all history: only the current historyId stays a valid start point. */
    expireHistory(): number {
      minRetained = hid;
      return hid;
    },
  };
}
