import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../testing/test-db";
import type { DbHandle } from "../db/client";
import { newUserCtx } from "../contacts/test-ctx";
import { createContact } from "../contacts/create-contact";
import { logInteraction } from "../interactions/log-interaction";
import { setAiModelsForTests } from "../ai/provider";
import { searchEverything } from "./search-everything";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterEach(() => setAiModelsForTests(undefined));

describe("search (the palette's endpoint)", () => {
  it("finds an interaction by a word in its body, with a snippet around it; subjects rank first", async () => {
    const ctx = await newUserCtx(h);
    const c = await createContact(ctx, { displayName: "Rosa Lind" });
    const inBody = await logInteraction(ctx, {
      type: "session",
      occurredAt: new Date().toISOString(),
      subject: "Thursday private class",
      body: `${"Warm-up and breathing. ".repeat(20)}She mentioned plantar fasciitis flaring up again.`,
      contactIds: [c.id],
    });
    const inSubject = await logInteraction(ctx, {
      type: "call",
      occurredAt: new Date().toISOString(),
      subject: "Plantar fasciitis check-in",
      contactIds: [c.id],
    });
    const r = await searchEverything(ctx, { q: "plantar" });
    expect(r.modeUsed).toBe("keyword");
    expect(r.hits.map((x) => x.id)).toEqual([inSubject.id, inBody.id]);
    const hit = r.hits[1]!;
    expect(hit).toMatchObject({ type: "interaction", contactId: c.id, title: "Thursday private class" });
    expect(hit.snippet).toContain("plantar fasciitis");
    expect(hit.snippet.startsWith("…")).toBe(true);
  });

  it("mode=hybrid without an AI provider answers with keyword results and says so", async () => {
    setAiModelsForTests(null);
    const ctx = await newUserCtx(h);
    await createContact(ctx, { displayName: "Hybrid Fallback" });
    const r = await searchEverything(ctx, { q: "hybrid", mode: "hybrid" });
    expect(r.modeUsed).toBe("keyword");
    expect(r.hits[0]).toMatchObject({ type: "contact", title: "Hybrid Fallback" });
  });
});
