import { z } from "zod";
import type { Ctx } from "../context";
import { getUserTimeZone } from "../profile/get-user-time-zone";
import { createTask } from "./create-task";
import { parseQuickAdd } from "./parse-quick-add";
import { quickAddInput, type TaskView } from "./schemas";

/** "Call Anna tomorrow 9am" → a task titled "Call Anna" due tomorrow 09:00 in the user's zone. */
export async function quickAddTask(ctx: Ctx, raw: z.input<typeof quickAddInput>): Promise<TaskView> {
  const input = quickAddInput.parse(raw);
  const tz = await getUserTimeZone(ctx);
  const { title, due } = parseQuickAdd(input.text, tz);
  return createTask(ctx, { title: title.slice(0, 300), contactIds: input.contactIds }, { storedDue: due });
}
