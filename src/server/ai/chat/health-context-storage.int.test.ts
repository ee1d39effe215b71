import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { withUser } from "../../db/with-user";
import { useTestDb } from "../../testing/test-db";
import { updateAiSettings } from "../ai-settings";
import { setAiModelsForTests } from "../provider";
import { addContact, newUserCtx } from "../testing/fixtures";
import { mockAi, textResult, toolCallResult } from "../testing/mock-ai";
import { runChat } from "./run-chat";

let h: DbHandle;

async function storedResults(userId: string): Promise<string> {
  const r = await withUser({ db: h.db, userId }, (tx) =>
    tx.execute<{ result: unknown }>(sql`SELECT result FROM tool_invocations WHERE user_id = ${userId}`),
  );
  return JSON.stringify(r.rows.map((x) => x.result));
}

// Decrypted health context reaches the model when the user allows it, but what we keep of
// a tool call holds a reference to it, never its text; opting out purges older rows.
describe("health context in stored tool results", () => {
  beforeAll(async () => {
    h = await useTestDb();
  });
  afterEach(() => setAiModelsForTests(undefined));

  it("stores a reference, not the decrypted text, and opting out purges what was kept", async () => {
    const ctx = await newUserCtx(h);
    const lee = await addContact(h, ctx.userId, { name: "Lee Chen", health: { allergies: "lavender oil" } });
    await updateAiSettings(ctx, { includeHealthContext: true });
    const m = mockAi([toolCallResult([{ name: "get_contact", args: { contactId: lee } }]), textResult("ok")]);
    setAiModelsForTests(m.models);
    await runChat(ctx, { prompt: "Tell me about Lee" });
    // The model got it (the user opted in)…
    expect(JSON.stringify(m.chat.doGenerateCalls[1]?.prompt)).toContain("lavender");
    // …but the stored result only points at it.
    const kept = await storedResults(ctx.userId);
    expect(kept).not.toContain("lavender");
    expect(kept).toContain("contact.health_context");

    // A row written before this rule (plaintext) is purged when the user opts out.
    await withUser(ctx, (tx) =>
      tx.execute(sql`UPDATE tool_invocations SET result = result || '{"healthContext":{"allergies":"lavender oil"}}'::jsonb
        WHERE user_id = ${ctx.userId} AND tool = 'get_contact'`),
    );
    expect(await storedResults(ctx.userId)).toContain("lavender");
    await updateAiSettings(ctx, { includeHealthContext: false });
    const after = await storedResults(ctx.userId);
    expect(after).not.toContain("lavender");
    expect(after).toContain("Lee Chen");
  });
});
