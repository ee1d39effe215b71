import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { addDays, localToday } from "../../followups/local-time";
import { updateProfile } from "../../profile/update-profile";
import { updateRhythmSettings } from "../../rhythms/update-rhythm-settings";
import { createTask } from "../../tasks/create-task";
import { getTask } from "../../tasks/get-task";
import { listTasks } from "../../tasks/list-tasks";
import { useTestDb } from "../../testing/test-db";
import { confirmProposal, rejectProposal } from "../chat/confirm-proposal";
import { runChat } from "../chat/run-chat";
import { setAiModelsForTests } from "../provider";
import { addContact, newUserCtx } from "../testing/fixtures";
import { mockAi, textResult, toolCallResult } from "../testing/mock-ai";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterEach(() => setAiModelsForTests(undefined));

const toolResult = (m: ReturnType<typeof mockAi>, call: number) =>
  JSON.stringify(m.chat.doGenerateCalls[call]?.prompt);

describe("assistant follow-up tools", () => {
  it("proposes a task; only the owner's confirmation creates it, with source assistant and the due in their zone", async () => {
    const ctx = await newUserCtx(h);
    const other = await newUserCtx(h);
    await updateProfile(ctx, { timeZone: "America/New_York" });
    const ann = await addContact(h, ctx.userId, { name: "Ann Lee" });
    setAiModelsForTests(
      mockAi([
        toolCallResult([
          {
            name: "propose_task",
            args: { title: "Send Ann the stretch PDF", due: "tomorrow 9am", contactIds: [ann] },
          },
        ]),
        textResult("I proposed a task for you to confirm."),
      ]).models,
    );
    const r = await runChat(ctx, { prompt: "Remind me to send Ann the PDF tomorrow at 9" });
    expect(r.proposals).toHaveLength(1);
    // Nothing is written until the user confirms.
    expect((await listTasks(ctx, {})).items).toEqual([]);
    await expect(confirmProposal(other, r.proposals[0]!.id)).rejects.toMatchObject({ code: "not_found" });
    const applied = await confirmProposal(ctx, r.proposals[0]!.id);
    const task = await getTask(ctx, { id: applied.result.taskId! });
    const tomorrow = addDays(localToday("America/New_York"), 1);
    expect(task).toMatchObject({
      title: "Send Ann the stretch PDF",
      source: "assistant",
      sourceRef: `proposal:${r.proposals[0]!.id}`,
      contactIds: [ann],
      dueDate: tomorrow,
    });
    // 09:00 New York wall-clock time, whatever the offset is that day.
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "America/New_York",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(new Date(task.due!));
    expect(local).toBe("09:00");
    await expect(confirmProposal(ctx, r.proposals[0]!.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await listTasks(ctx, {})).items).toHaveLength(1);
  });

  it("a rejected task proposal is never created; an unknown contact is refused at proposal time", async () => {
    const ctx = await newUserCtx(h);
    const stranger = await newUserCtx(h);
    const theirs = await addContact(h, stranger.userId, { name: "Not Yours" });
    setAiModelsForTests(
      mockAi([
        toolCallResult([
          { name: "propose_task", args: { title: "Call back", due: "2026-12-24" } },
          { name: "propose_task", args: { title: "Spy", contactIds: [theirs] } },
        ]),
        textResult("ok"),
      ]).models,
    );
    const r = await runChat(ctx, { prompt: "remind me" });
    expect(r.proposals.map((p) => p.tool)).toEqual(["propose_task"]);
    await rejectProposal(ctx, r.proposals[0]!.id);
    await expect(confirmProposal(ctx, r.proposals[0]!.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await listTasks(ctx, {})).items).toEqual([]);
  });

  it("today and list_tasks read through the same operations as the Today and Tasks pages", async () => {
    const ctx = await newUserCtx(h);
    await updateRhythmSettings(ctx, { stages: [{ stage: "Core Client", everyDays: 21 }], tags: [] });
    const quiet = await addContact(h, ctx.userId, { name: "Quiet Quinn", lastDaysAgo: 30 });
    await addContact(h, ctx.userId, { name: "Recent Rae", lastDaysAgo: 2 });
    await createTask(ctx, { title: "Renew insurance", due: localToday("UTC") });
    const m = mockAi([
      toolCallResult([
        { name: "today", args: {} },
        { name: "list_tasks", args: {} },
      ]),
      textResult("Here is your day."),
    ]);
    setAiModelsForTests(m.models);
    await runChat(ctx, { prompt: "What should I do today?" });
    const seen = toolResult(m, 1);
    expect(seen).toContain(quiet);
    expect(seen).toContain("Quiet Quinn");
    expect(seen).not.toContain("Recent Rae");
    expect(seen).toContain("Renew insurance");
  });
});
