// The deterministic "model" behind the OpenAI-compatible stub: enough behaviour to drive the
// assistant through tool calls, proposals and citations in e2e tests and offline demos.

export type StubMessage = {
  role: string;
  content?: string | null | { type: string; text?: string }[];
  tool_calls?: { function: { name: string } }[];
};
export type StubReply = { text: string; slow?: boolean } | { tool: string; args: Record<string, unknown> };

/** What "reply with 5 MB" answers, whatever max_tokens asked for. */
export const HUGE_REPLY_BYTES = 5 * 1024 * 1024;

const textOf = (m: StubMessage | undefined) =>
  typeof m?.content === "string" ? m.content : (m?.content ?? []).map((p) => p.text ?? "").join("");

/** Contacts ({id|contactId, name}) found anywhere in the tool results of this turn. */
function contactsIn(results: string[]): { id: string; name: string }[] {
  const out = new Map<string, string>();
  for (const r of results) {
    let data: unknown;
    try {
      data = JSON.parse(r);
    } catch {
      continue;
    }
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        const id = (o.contactId ?? o.id) as unknown;
        if (typeof id === "string" && typeof o.name === "string") out.set(id, o.name);
        Object.values(o).forEach(walk);
      }
    };
    walk(data);
  }
  return [...out].map(([id, name]) => ({ id, name }));
}

export function decide(messages: StubMessage[]): StubReply {
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const ask = textOf(lastUser).toLowerCase();
  const sinceUser = messages.slice(messages.lastIndexOf(lastUser!) + 1);
  const results = sinceUser.filter((m) => m.role === "tool").map(textOf);
  const called = sinceUser.flatMap((m) => (m.tool_calls ?? []).map((c) => c.function.name));
  const found = contactsIn(results);
  const noteFor = /note (?:for|to) ([\p{L} .'-]+)/u.exec(ask)?.[1]?.trim();
  if (noteFor) {
    if (!called.includes("search_contacts")) return { tool: "search_contacts", args: { query: noteFor } };
    if (!called.includes("propose_note") && found[0])
      return {
        tool: "propose_note",
        args: { contactId: found[0].id, body: `Check in with ${found[0].name} about next week's session.` },
      };
    return {
      text: found[0]
        ? `I drafted a note for [${found[0].name}](/contacts/${found[0].id}); confirm it below to save it.`
        : "I could not find that contact.",
    };
  }
  if (/follow.?up|who should/.test(ask)) {
    if (!called.includes("list_follow_ups")) return { tool: "list_follow_ups", args: {} };
    return {
      text: found.length
        ? `Follow up with ${found.map((c) => `[${c.name}](/contacts/${c.id})`).join(", ")}: it has been a while.`
        : "Nobody needs a follow-up right now.",
    };
  }
  if (ask.includes("reply with 5 mb")) return { text: "x".repeat(HUGE_REPLY_BYTES) };
  if (ask.includes("reply slowly"))
    return { text: Array.from({ length: 100 }, (_, i) => `word${i} `).join(""), slow: true };
  return { text: `Stub reply: ${textOf(lastUser).slice(0, 200)}` };
}
