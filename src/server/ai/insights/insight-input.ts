import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { withUser } from "../../db/with-user";
import { AppError } from "../../errors";
import { quoteUntrusted } from "../untrusted";

export type InsightInput = { name: string; prompt: string; fingerprint: string };

/**
 * The material an insight is made from: profile, stage, recent interactions and notes
 * (quoted as untrusted). Never the health context. The fingerprint changes when any of
 * it changes, so an unchanged contact is not re-summarised.
 */
export async function loadInsightInput(ctx: Ctx, contactId: string): Promise<InsightInput> {
  const data = await withUser(ctx, async (tx) => {
    const c = await tx.execute<{
      display_name: string;
      stage: string;
      last: string | null;
      created: string;
    }>(sql`
      SELECT display_name, stage, last_interaction_at::text AS last, created_at::text AS created FROM contacts
      WHERE id = ${contactId} AND user_id = ${ctx.userId} AND deleted_at IS NULL`);
    if (!c.rows[0]) return null;
    const items = await tx.execute<{
      id: string;
      type: string;
      at: string;
      subject: string | null;
      text: string | null;
      direction: string | null;
    }>(sql`
      SELECT i.id, i.type, i.occurred_at::text AS at, i.subject, coalesce(i.summary, i.body) AS text, i.direction
      FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
      WHERE ic.contact_id = ${contactId} AND ic.user_id = ${ctx.userId}
      ORDER BY i.occurred_at DESC LIMIT 15`);
    const notes = await tx.execute<{ id: string; body: string; at: string }>(sql`
      SELECT id, body, updated_at::text AS at FROM notes WHERE contact_id = ${contactId} AND user_id = ${ctx.userId}
      ORDER BY created_at DESC LIMIT 5`);
    return { contact: c.rows[0], items: items.rows, notes: notes.rows };
  });
  if (!data) throw new AppError("not_found", "contact not found");
  const { contact, items, notes } = data;
  const lines = [
    `Contact: ${contact.display_name}`,
    `Lifecycle stage: ${contact.stage}`,
    `Client since: ${contact.created.slice(0, 10)}; last interaction: ${contact.last?.slice(0, 10) ?? "never"}`,
    `Today: ${new Date().toISOString().slice(0, 10)}`,
    "",
    "Recent interactions (newest first):",
    ...items.map(
      (i) =>
        `- ${i.at.slice(0, 10)} ${i.type}${i.direction ? ` (${i.direction})` : ""}: ${quoteUntrusted(i.type, [i.subject, i.text].filter(Boolean).join("\n"), 600) ?? "(no text)"}`,
    ),
    "",
    "Practitioner notes:",
    ...notes.map((n) => `- ${quoteUntrusted("note", n.body, 600)}`),
  ];
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([contact.stage, items.map((i) => i.id), notes.map((n) => [n.id, n.at])]))
    .digest("hex");
  return { name: contact.display_name, prompt: lines.join("\n"), fingerprint };
}
