import { and, eq } from "drizzle-orm";
import { taskSuggestions } from "../db/schema/task-suggestions";
import type { Tx } from "../db/with-user";
import { AppError } from "../errors";

/** Moves a waiting suggestion to `to` (conditional: only once); 404 unknown, 409 already settled. */
export async function claimSuggestion(tx: Tx, userId: string, id: string, to: "accepted" | "dismissed") {
  const [s] = await tx
    .update(taskSuggestions)
    .set({ status: to })
    .where(
      and(
        eq(taskSuggestions.userId, userId),
        eq(taskSuggestions.id, id),
        eq(taskSuggestions.status, "suggested"),
      ),
    )
    .returning();
  if (s) return s;
  const [row] = await tx
    .select({ status: taskSuggestions.status })
    .from(taskSuggestions)
    .where(and(eq(taskSuggestions.userId, userId), eq(taskSuggestions.id, id)));
  throw row
    ? new AppError("conflict", `suggestion already ${row.status}`)
    : new AppError("not_found", "suggestion not found");
}
