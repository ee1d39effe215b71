import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { taskContacts } from "../db/schema/followups";
import { AppError } from "../errors";

/** Replaces a task's contacts; every id must be one of the caller's live contacts (else 404). */
export async function setTaskContacts(tx: Tx, userId: string, taskId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
  if (unique.length) {
    const found = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), inArray(contacts.id, unique), isNull(contacts.deletedAt)));
    if (found.length !== unique.length)
      throw new AppError("not_found", "unknown contact", { fields: { contactIds: ["unknown contact id"] } });
  }
  await tx.delete(taskContacts).where(and(eq(taskContacts.userId, userId), eq(taskContacts.taskId, taskId)));
  if (unique.length)
    await tx.insert(taskContacts).values(unique.map((contactId) => ({ taskId, contactId, userId })));
}
