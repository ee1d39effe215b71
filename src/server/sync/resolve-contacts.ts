import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { findContactsByEmails } from "../contacts/find-contacts-by-emails";
import { contactIdentities, contacts, contactTags, tags } from "../db/schema/contacts";
import type { Tx } from "../db/with-user";
import type { ContactCandidate } from "./normalize-email";
import { pgArray } from "../db/pg-array";

export type CreationPolicy = "engaged" | "anyone" | "nobody";
export type ImportSource = "gmail_import" | "calendar_import";

const TAG_NAME: Record<ImportSource, string> = {
  gmail_import: "Gmail import",
  calendar_import: "Calendar import",
};

/** Picks, per email, the candidate the policy allows, keeping the best name seen. */
export function selectCandidates(
  all: ContactCandidate[],
  policy: CreationPolicy,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (policy === "nobody") return out;
  for (const c of all) {
    if (policy === "engaged" && !c.engaged) continue;
    const prev = out.get(c.email);
    if (prev === undefined || (!prev && c.name)) out.set(c.email, c.name);
  }
  return out;
}

/**
 * Creates contacts (stage Prospect, source + batch set, tagged with the source) for the
 * allowed candidates that match no existing identity. Set-based: three statements per
 * chunk however many contacts. A concurrent import that claimed the same email first
 * wins; our duplicate (no identity) is removed again.
 */
export async function createContactsForCandidates(
  tx: Tx,
  userId: string,
  input: {
    candidates: ContactCandidate[];
    policy: CreationPolicy;
    source: ImportSource;
    batchId: string | null;
  },
): Promise<number> {
  const wanted = selectCandidates(input.candidates, input.policy);
  if (!wanted.size) return 0;
  const known = await findContactsByEmails(tx, userId, [...wanted.keys()]);
  const fresh = [...wanted].filter(([email]) => !known.has(email));
  if (!fresh.length) return 0;
  const rows = fresh.map(([email, name]) => ({
    id: randomUUID(),
    email,
    name: name?.trim() || nameFromEmail(email),
  }));
  await tx.insert(contacts).values(
    rows.map((r) => ({
      id: r.id,
      userId,
      displayName: r.name.slice(0, 200),
      stage: "Prospect" as const,
      source: input.source,
      batchId: input.batchId,
    })),
  );
  const ided = await tx
    .insert(contactIdentities)
    .values(
      rows.map((r) => ({
        userId,
        contactId: r.id,
        kind: "email" as const,
        value: r.email,
        valueNormalized: r.email,
        isPrimary: true,
      })),
    )
    .onConflictDoNothing()
    .returning({ contactId: contactIdentities.contactId });
  const kept = new Set(ided.map((r) => r.contactId));
  const lost = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (lost.length)
    await tx.delete(contacts).where(and(eq(contacts.userId, userId), inArray(contacts.id, lost)));
  if (kept.size) {
    const tagId = await ensureTag(tx, userId, TAG_NAME[input.source]);
    await tx
      .insert(contactTags)
      .values([...kept].map((contactId) => ({ userId, contactId, tagId })))
      .onConflictDoNothing();
    // Interactions imported earlier (the other source's import, or earlier pages of this
    // one) that name a new contact's email are linked now, so the links never depend on
    // which import finished first.
    await linkParticipants(tx, userId, { emails: rows.filter((r) => kept.has(r.id)).map((r) => r.email) });
  }
  return kept.size;
}

async function ensureTag(tx: Tx, userId: string, name: string): Promise<string> {
  const found = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.userId, userId), sql`lower(${tags.name}) = lower(${name})`));
  if (found[0]) return found[0].id;
  const ins = await tx.insert(tags).values({ userId, name }).onConflictDoNothing().returning({ id: tags.id });
  if (ins[0]) return ins[0].id;
  const again = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.userId, userId), sql`lower(${tags.name}) = lower(${name})`));
  return again[0]!.id;
}

/** "jane.doe@x.com" → "Jane Doe" when the headers carried no name. */
export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  const words = local.split(/[._-]+/).filter((w) => w && !/^\d+$/.test(w));
  if (!words.length) return email;
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
}

const linkTail = (userId: string) => sql`
    ON CONFLICT DO NOTHING
    RETURNING contact_id, occurred_at
  ), bumped AS (
    UPDATE contacts c SET last_interaction_at = m.t
    FROM (SELECT contact_id, max(occurred_at) t FROM links GROUP BY contact_id) m
    WHERE c.id = m.contact_id AND c.user_id = ${userId}
      AND (c.last_interaction_at IS NULL OR c.last_interaction_at < m.t)
    RETURNING c.id
  )
  SELECT count(*)::int AS n FROM links`;

/**
 * Links interactions to every live contact owning one of their participant emails,
 * case-insensitively, in one statement, and bumps the contacts' last_interaction_at.
 * Import chunks pass (source id, email) pairs they already know; a whole batch (or any
 * set of interactions) is re-linked from metadata.participants; `emails` links every
 * interaction of the user, of any source, that names one of them (new contacts).
 */
export async function linkParticipants(
  tx: Tx,
  userId: string,
  scope:
    | { source: string; pairs: { sourceId: string; email: string }[] }
    | { source: string; sourceIds: string[] }
    | { batchId: string }
    | { emails: string[] },
): Promise<number> {
  let r;
  if ("emails" in scope) {
    if (!scope.emails.length) return 0;
    const emails = pgArray(
      scope.emails.map((e) => e.toLowerCase()),
      "text",
    );
    // `?|` finds the candidates through the GIN index on metadata->'participants'
    // (participants are stored lower-cased); the join keeps only the emails asked for.
    r = await tx.execute<{ n: number }>(sql`WITH links AS (
      INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, role, occurred_at)
      SELECT DISTINCT i.user_id, i.id, ci.contact_id, 'participant', i.occurred_at
      FROM interactions i
      CROSS JOIN LATERAL jsonb_array_elements_text(i.metadata->'participants') AS p(email)
      JOIN contact_identities ci ON ci.user_id = i.user_id AND ci.kind = 'email' AND ci.value_normalized = p.email
      JOIN contacts c ON c.id = ci.contact_id AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
      WHERE i.user_id = ${userId} AND i.metadata->'participants' ?| ${emails} AND p.email = ANY(${emails})
      ${linkTail(userId)}`);
  } else if ("pairs" in scope) {
    if (!scope.pairs.length) return 0;
    r = await tx.execute<{ n: number }>(sql`WITH links AS (
      INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, role, occurred_at)
      SELECT DISTINCT i.user_id, i.id, ci.contact_id, 'participant', i.occurred_at
      FROM unnest(${pgArray(
        scope.pairs.map((p) => p.sourceId),
        "text",
      )}, ${pgArray(
        scope.pairs.map((p) => p.email),
        "text",
      )}) AS p(source_id, email)
      JOIN interactions i ON i.user_id = ${userId} AND i.source = ${scope.source} AND i.source_id = p.source_id
      JOIN contact_identities ci ON ci.user_id = ${userId} AND ci.kind = 'email' AND ci.value_normalized = lower(p.email)
      JOIN contacts c ON c.id = ci.contact_id AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
      ${linkTail(userId)}`);
  } else {
    if ("sourceIds" in scope && !scope.sourceIds.length) return 0;
    const where =
      "batchId" in scope
        ? sql`i.batch_id = ${scope.batchId}::uuid`
        : sql`i.source = ${scope.source} AND i.source_id = ANY(${pgArray(scope.sourceIds, "text")})`;
    r = await tx.execute<{ n: number }>(sql`WITH links AS (
      INSERT INTO interaction_contacts (user_id, interaction_id, contact_id, role, occurred_at)
      SELECT DISTINCT i.user_id, i.id, ci.contact_id, 'participant', i.occurred_at
      FROM interactions i
      CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(i.metadata->'participants', '[]'::jsonb)) AS p(email)
      JOIN contact_identities ci ON ci.user_id = i.user_id AND ci.kind = 'email' AND ci.value_normalized = lower(p.email)
      JOIN contacts c ON c.id = ci.contact_id AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
      WHERE i.user_id = ${userId} AND ${where}
      ${linkTail(userId)}`);
  }
  return r.rows[0]?.n ?? 0;
}
