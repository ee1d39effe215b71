import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listContactsRoute } from "@/app/api/v1/contacts/route";
import type { DbHandle } from "../../db/client";
import { createContact } from "../../contacts/create-contact";
import { signUp } from "../../auth/sign-up";
import { rootLog } from "../../log";
import { useTestDb } from "../../testing/test-db";
import { getThread } from "../chat/get-thread";
import { runChat } from "../chat/run-chat";
import { setAiModelsForTests } from "../provider";
import { mockAi, textResult, toolCallResult } from "../testing/mock-ai";

type Holder = { __omnicrmDb?: Promise<DbHandle> };
let h: DbHandle;

beforeAll(async () => {
  h = await useTestDb();
  // The route handler reads the process-wide handle: point it at the test database.
  (globalThis as unknown as Holder).__omnicrmDb = Promise.resolve(h);
});
afterAll(() => {
  (globalThis as unknown as Holder).__omnicrmDb = undefined;
  setAiModelsForTests(undefined);
});

// Typos, partial names, emails, phones, LIKE metacharacters, no match: the assistant must
// find exactly whom the contact list finds, in the same order.
const QUERIES = [
  "ivy",
  "ivy gren",
  "green",
  "olsen",
  "example.com",
  "jo",
  "555",
  "0170",
  "%",
  "_",
  "zzzz nobody",
];
const PEOPLE = [
  { displayName: "Ivy Green", emails: [{ value: "ivy@example.com" }] },
  { displayName: "Ivan Greene", emails: [{ value: "ivan.g@example.org" }] },
  { displayName: "Joanna Olsen", phones: [{ value: "+49 170 5550101" }] },
  { displayName: "Jo Olson", emails: [{ value: "jo@olson.example.com" }] },
  { displayName: "Marta 100% Natural", emails: [{ value: "marta_n@example.net" }] },
  { displayName: "Sam Rivers", phones: [{ value: "+1 555 010 9999" }] },
];

describe("assistant search_contacts ≡ GET /api/v1/contacts?q=", () => {
  it("returns the same contact ids, in the same order, for every query", async () => {
    const req = new Request("http://localhost/api/auth/sign-up", {
      headers: { "x-forwarded-for": "10.9.8.7" },
    });
    const session = await signUp(req, {
      email: `equiv-${Date.now()}@example.com`,
      password: "correct horse battery",
    });
    const cookie = session.setCookies.map((c) => c.split(";")[0]).join("; ");
    const ctx = { db: h.db, userId: session.user.id, log: rootLog() };
    for (const p of PEOPLE) await createContact(ctx, p);

    const viaHttp = async (q: string) => {
      const res = await listContactsRoute(
        new Request(`http://localhost/api/v1/contacts?limit=20&q=${encodeURIComponent(q)}`, {
          headers: { cookie },
        }),
        { params: Promise.resolve({}) },
      );
      expect(res.status, q).toBe(200);
      const body = (await res.json()) as { data: { items: { id: string }[] } };
      return body.data.items.map((i) => i.id);
    };

    const m = mockAi([
      toolCallResult(QUERIES.map((query) => ({ name: "search_contacts", args: { query, limit: 20 } }))),
      textResult("done"),
    ]);
    setAiModelsForTests(m.models);
    const r = await runChat(ctx, { prompt: "find them" });
    const t = await getThread(ctx, r.threadId);
    const calls = t.tools.filter((x) => x.tool === "search_contacts");
    expect(calls).toHaveLength(QUERIES.length);

    let nonEmpty = 0;
    for (const call of calls) {
      const query = (call.args as { query: string }).query;
      expect(call.status, query).toBe("ok");
      const viaTool = (call.result as { contacts: { id: string }[] }).contacts.map((c) => c.id);
      expect(viaTool, query).toEqual(await viaHttp(query));
      if (viaTool.length) nonEmpty++;
    }
    // Guard against a vacuous pass (both sides empty for everything).
    expect(nonEmpty).toBeGreaterThanOrEqual(6);
  });
});
