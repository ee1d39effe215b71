import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { notes } from "../db/schema/contacts";
import { AppError } from "../errors";
import { readCrmSettings } from "../crm-settings/crm-settings";
import { redactSensitive } from "./redact";
import type { NoteView } from "./schemas";

export type NoteRow = typeof notes.$inferSelect;

/** The response shape of every note operation. */
export const noteView = (n: NoteRow, redactions = 0): NoteView => ({
  id: n.id,
  contactId: n.contactId,
  body: n.body,
  pinned: n.pinned,
  redactions,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

/** The body to store: redacted when the caller asks, else as the user's CRM settings say. */
export async function prepareNoteBody(tx: Tx, userId: string, body: string, redact: boolean | undefined) {
  const on = redact ?? (await readCrmSettings(tx, userId)).redactNotes;
  return on ? redactSensitive(body) : { text: body, redactions: 0 };
}

/** The caller's note, or 404. */
export async function requireNote(tx: Tx, userId: string, id: string): Promise<NoteRow> {
  const [n] = await tx
    .select()
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.id, id)));
  if (!n) throw new AppError("not_found", "note not found");
  return n;
}
