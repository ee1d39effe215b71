import { sql } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { pgArray } from "../db/pg-array";
import { normalizeEmail } from "../contacts/identity-normalize";
import { recomputeLastInteraction } from "../contacts/recompute-last-interaction";
import type { DriveFile } from "../google/drive/drive-driver";

/** Links we render as "Open in Drive": Google's own document and file viewers only. */
const DRIVE_LINK = /^https:\/\/(?:docs|drive)\.google\.com\/[\w\-/.?=&%#]{1,2000}$/;

/** Everyone the file is shared between, except the user: owners, permissions and the sharer. */
export function sharedWithEmails(file: DriveFile, own: ReadonlySet<string>): string[] {
  const me = new Set(own);
  for (const o of file.owners) if (o.me && o.emailAddress) me.add(normalizeEmail(o.emailAddress));
  const out = new Set<string>();
  const add = (e: string | undefined) => {
    const n = e ? normalizeEmail(e) : "";
    if (n && !me.has(n)) out.add(n);
  };
  for (const o of file.owners) if (!o.me) add(o.emailAddress);
  for (const p of file.permissions ?? []) if (!p.type || p.type === "user") add(p.emailAddress);
  add(file.sharingUser?.emailAddress);
  return [...out];
}

/**
 * Normalised email → live contact id for the user (soft-deleted contacts are left out:
 * a document never reappears on a contact the user deleted).
 */
export async function liveContactsByEmail(
  tx: Tx,
  userId: string,
  emails: string[],
): Promise<Map<string, string>> {
  const norms = [...new Set(emails)].filter(Boolean);
  const out = new Map<string, string>();
  for (let i = 0; i < norms.length; i += 1000) {
    const chunk = norms.slice(i, i + 1000);
    const r = await tx.execute<{ norm: string; contact_id: string }>(sql`
      SELECT ci.value_normalized AS norm, ci.contact_id FROM contact_identities ci
      JOIN contacts c ON c.id = ci.contact_id AND c.deleted_at IS NULL
      WHERE ci.user_id = ${userId} AND ci.kind = 'email' AND ci.value_normalized = ANY(${pgArray(chunk, "text")})`);
    for (const row of r.rows) out.set(row.norm, row.contact_id);
  }
  return out;
}

export type MatchedDocument = { file: DriveFile; contactIds: string[] };

/** The files shared with at least one of the user's contacts, with those contacts. */
export async function matchDocuments(
  tx: Tx,
  userId: string,
  files: DriveFile[],
  own: ReadonlySet<string>,
): Promise<MatchedDocument[]> {
  const emailsOf = new Map(files.map((f) => [f.id, sharedWithEmails(f, own)]));
  const contacts = await liveContactsByEmail(tx, userId, [...emailsOf.values()].flat());
  const out: MatchedDocument[] = [];
  for (const f of files) {
    if (f.trashed) continue;
    const ids = [...new Set((emailsOf.get(f.id) ?? []).map((e) => contacts.get(e)).filter((x) => !!x))];
    if (ids.length) out.push({ file: f, contactIds: ids as string[] });
  }
  return out;
}

/**
 * Records documents on the contacts' timelines: one `document` interaction per Drive file
 * (source `drive`, keyed by the file id, so re-running never duplicates it), linked to
 * exactly the matched contacts. A file seen again keeps its batch and gets its new name,
 * link and contacts. Returns how many interactions were new.
 */
export async function upsertDocuments(
  tx: Tx,
  userId: string,
  batchId: string | null,
  docs: MatchedDocument[],
): Promise<number> {
  let created = 0;
  const touched = new Set<string>();
  for (const { file, contactIds } of docs) {
    const at = new Date(file.modifiedTime ?? file.createdTime ?? Date.now());
    const occurredAt = Number.isFinite(at.getTime()) ? at : new Date();
    const link = file.webViewLink && DRIVE_LINK.test(file.webViewLink) ? file.webViewLink : null;
    const metadata = { webViewLink: link, mimeType: file.mimeType, driveFileId: file.id };
    const r = await tx.execute<{ id: string; inserted: boolean }>(sql`
      INSERT INTO interactions (user_id, type, source, source_id, occurred_at, subject, metadata, batch_id)
      VALUES (${userId}, 'document', 'drive', ${file.id}, ${occurredAt.toISOString()}, ${file.name.slice(0, 500)},
        ${JSON.stringify(metadata)}::jsonb, ${batchId})
      ON CONFLICT (user_id, source, source_id) DO UPDATE SET subject = EXCLUDED.subject,
        metadata = EXCLUDED.metadata, occurred_at = EXCLUDED.occurred_at, updated_at = now()
      RETURNING id, (xmax = 0) AS inserted`);
    const row = r.rows[0]!;
    if (row.inserted) created++;
    const old = await tx.execute<{ contact_id: string }>(
      sql`DELETE FROM interaction_contacts WHERE user_id = ${userId} AND interaction_id = ${row.id}
        AND NOT (contact_id = ANY(${pgArray(contactIds, "uuid")})) RETURNING contact_id`,
    );
    for (const o of old.rows) touched.add(o.contact_id);
    await tx.execute(sql`INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, occurred_at)
      SELECT ${userId}, ${row.id}, c, ${occurredAt.toISOString()} FROM unnest(${pgArray(contactIds, "uuid")}) AS c
      ON CONFLICT (interaction_id, contact_id) DO UPDATE SET occurred_at = EXCLUDED.occurred_at`);
    for (const c of contactIds) touched.add(c);
  }
  await recomputeLastInteraction(tx, userId, [...touched]);
  return created;
}

/** Takes documents off the timeline (file deleted, trashed or no longer shared with a contact). */
export async function removeDocuments(tx: Tx, userId: string, fileIds: string[]): Promise<number> {
  if (!fileIds.length) return 0;
  const links = await tx.execute<{ contact_id: string }>(sql`
    SELECT ic.contact_id FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
    WHERE i.user_id = ${userId} AND i.source = 'drive' AND i.source_id = ANY(${pgArray(fileIds, "text")})`);
  const gone = await tx.execute(sql`DELETE FROM interactions WHERE user_id = ${userId} AND source = 'drive'
    AND source_id = ANY(${pgArray(fileIds, "text")}) RETURNING 1`);
  await recomputeLastInteraction(
    tx,
    userId,
    links.rows.map((l) => l.contact_id),
  );
  return gone.rows.length;
}
