// What a seeded mailbox/calendar contains, so tests can target specific cases
// (a QP Latin-1 message, an RFC 2047 subject, a thread…) without guessing ids.
import type { Account } from "../state";
import { loadFixtures, type FixtureExpected } from "./fixtures";
import type { MailKind } from "./mail-plan";

export type CorpusDescription = {
  account: string;
  seed: number;
  messages: number;
  threads: number;
  historyId: string;
  fixtures: Array<{
    file: string;
    id: string;
    threadId: string;
    labelIds: string[];
    expected: FixtureExpected;
  }>;
  byKind: Partial<Record<MailKind | "fixture" | "added", number>>;
  byLabel: Record<string, number>;
  personas: Array<{ name: string; email: string; charset: string }>;
  events: { total: number; cancelled: number; recurring: number; allDay: number };
};

/** The fixture list (without bytes), in mailbox order. */
export function listFixtures(): Array<{ file: string; labelIds: string[]; expected: FixtureExpected }> {
  return loadFixtures().map(({ file, labelIds, expected }) => ({ file, labelIds, expected }));
}

export function describeCorpus(account: Account): CorpusDescription {
  const box = account.mailbox;
  const live = box.listSorted();
  const byKind: CorpusDescription["byKind"] = {};
  const byLabel: Record<string, number> = {};
  const fixtureIds = new Set(
    box
      .all()
      .slice(0, box.fixtureCount)
      .map((m) => m.id),
  );
  for (const m of live) {
    const kind = m.source.kind === "plan" ? m.source.plan.kind : fixtureIds.has(m.id) ? "fixture" : "added";
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    for (const l of m.labelIds) byLabel[l] = (byLabel[l] ?? 0) + 1;
  }
  const fixtures = loadFixtures().flatMap((f, i) => {
    const m = box.all()[i];
    return m && i < box.fixtureCount && !m.deleted
      ? [{ file: f.file, id: m.id, threadId: m.threadId, labelIds: [...m.labelIds], expected: f.expected }]
      : [];
  });
  const events = account.calendar.all();
  return {
    account: box.email,
    seed: box.corpus.seed,
    messages: live.length,
    threads: new Set(live.map((m) => m.threadId)).size,
    historyId: String(box.historyId()),
    fixtures,
    byKind,
    byLabel,
    personas: box.corpus.personas.map((p) => ({ name: p.name, email: p.email, charset: p.charset })),
    events: {
      total: events.length,
      cancelled: events.filter((e) => e.status === "cancelled").length,
      recurring: events.filter((e) => e.recurrence?.length).length,
      allDay: events.filter((e) => e.start.date).length,
    },
  };
}
