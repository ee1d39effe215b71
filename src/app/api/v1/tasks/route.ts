import { createTaskContract, listTasksContract } from "@/server/http/contracts/tasks";
import { ok } from "@/server/http/responses";
import { userRoute } from "@/server/http/route";
import { createTask } from "@/server/tasks/create-task";
import { listTasks } from "@/server/tasks/list-tasks";

export const dynamic = "force-dynamic";

export const GET = userRoute(listTasksContract, ({ ctx, query }) => listTasks(ctx, query!));

export const POST = userRoute(createTaskContract, async ({ ctx, body }) =>
  ok(await createTask(ctx, body!), { status: 201 }),
);
