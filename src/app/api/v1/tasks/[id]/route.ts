import { deleteTaskContract, getTaskContract, updateTaskContract } from "@/server/http/contracts/tasks";
import { userRoute } from "@/server/http/route";
import { deleteTask } from "@/server/tasks/delete-task";
import { getTask } from "@/server/tasks/get-task";
import { updateTask } from "@/server/tasks/update-task";

export const dynamic = "force-dynamic";

export const GET = userRoute(getTaskContract, ({ ctx, params }) => getTask(ctx, { id: params.id }));

export const PATCH = userRoute(updateTaskContract, ({ ctx, params, body }) =>
  updateTask(ctx, { id: params.id, patch: body! }),
);

export const DELETE = userRoute(deleteTaskContract, ({ ctx, params }) => deleteTask(ctx, { id: params.id }));
