import { ok } from "@/server/http/responses";
import { quickAddTaskContract } from "@/server/http/contracts/tasks";
import { userRoute } from "@/server/http/route";
import { quickAddTask } from "@/server/tasks/quick-add-task";

export const dynamic = "force-dynamic";

export const POST = userRoute(quickAddTaskContract, async ({ ctx, body }) =>
  ok(await quickAddTask(ctx, body!), { status: 201 }),
);
