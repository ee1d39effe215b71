import { z } from "zod";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contactIdentities, contacts, contactTags, tags } from "../db/schema/contacts";
import { healthContextSchema, sourceSchema, stageSchema } from "./schemas";

export const tagRefSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });
export type TagRef = z.infer<typeof tagRefSchema>;

/** The row shape of lists, search results and exports: everything a table row shows. */
export const contactSummarySchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  stage: stageSchema,
  source: sourceSchema,
  avatarUrl: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  tags: z.array(tagRefSchema),
  lastInteractionAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactDetailSchema = contactSummarySchema.extend({
  emails: z.array(z.object({ value: z.string(), isPrimary: z.boolean() })),
  phones: z.array(z.object({ value: z.string(), normalized: z.string(), isPrimary: z.boolean() })),
  birthday: z.string().nullable(),
  address: z.string().nullable(),
  referralSource: z.string().nullable(),
  communicationPreference: z.string().nullable(),
  preferredSessionTimes: z.string().nullable(),
  /** Decrypted only on the detail endpoint; null when none is stored. */
  healthContext: healthContextSchema.nullable(),
  batchId: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

export type ContactRow = typeof contacts.$inferSelect;
type IdentityRow = typeof contactIdentities.$inferSelect;
type Extras = { identities: IdentityRow[]; tags: z.infer<typeof tagRefSchema>[] };

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

export function avatarUrl(row: Pick<ContactRow, "id" | "avatarPath" | "updatedAt">): string | null {
  return row.avatarPath ? `/api/v1/contacts/${row.id}/avatar?v=${new Date(row.updatedAt).getTime()}` : null;
}

/** Identities and tags of many contacts in two queries (never one per row). */
export async function loadExtras(tx: Tx, userId: string, ids: string[]): Promise<Map<string, Extras>> {
  const out = new Map<string, Extras>(ids.map((id) => [id, { identities: [], tags: [] }]));
  if (!ids.length) return out;
  const [idents, tagRows] = await Promise.all([
    tx
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.userId, userId), inArray(contactIdentities.contactId, ids)))
      .orderBy(desc(contactIdentities.isPrimary), asc(contactIdentities.createdAt)),
    tx
      .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
      .from(contactTags)
      .innerJoin(tags, eq(tags.id, contactTags.tagId))
      .where(and(eq(contactTags.userId, userId), inArray(contactTags.contactId, ids)))
      .orderBy(asc(tags.name)),
  ]);
  for (const i of idents) out.get(i.contactId)?.identities.push(i);
  for (const t of tagRows) out.get(t.contactId)?.tags.push({ id: t.id, name: t.name, color: t.color });
  return out;
}

export function toSummary(row: ContactRow, extras: Extras | undefined): ContactSummary {
  const ids = extras?.identities ?? [];
  const email = ids.find((i) => i.kind === "email");
  const phone = ids.find((i) => i.kind === "phone");
  return summaryOf(row, email?.value ?? null, phone?.value ?? null, extras?.tags ?? []);
}

/** A summary from already-picked primary identities and tags (the list reads them in its query). */
export function summaryOf(
  row: ContactRow,
  email: string | null,
  phone: string | null,
  tags: TagRef[],
): ContactSummary {
  return {
    id: row.id,
    displayName: row.displayName,
    stage: row.stage,
    source: row.source,
    avatarUrl: avatarUrl(row),
    primaryEmail: email,
    primaryPhone: phone,
    tags,
    lastInteractionAt: iso(row.lastInteractionAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
  };
}

export async function summariesFor(tx: Tx, userId: string, rows: ContactRow[]): Promise<ContactSummary[]> {
  if (!rows.length) return [];
  // One statement (was two: identities, then tags), with the list's own subqueries.
  const r = await tx.execute<{ id: string; email: string | null; phone: string | null; tags: TagRef[] }>(sql`
    SELECT contacts.id, ${primaryIdentity(userId, "email")} AS email, ${primaryIdentity(userId, "phone")} AS phone,
      ${tagRefsJson(userId)} AS tags
    FROM contacts WHERE contacts.user_id = ${userId} AND contacts.id IN (${sql.join(
      rows.map((x) => sql`${x.id}::uuid`),
      sql`, `,
    )})`);
  const byId = new Map(r.rows.map((x) => [x.id, x]));
  return rows.map((row) => {
    const x = byId.get(row.id);
    return summaryOf(row, x?.email ?? null, x?.phone ?? null, x?.tags ?? []);
  });
}

/**
 * The first identity of a kind of the row `contacts` in the enclosing query, primary first
 * then oldest (as loadExtras orders them): a scalar subquery for list-shaped statements.
 */
export function primaryIdentity(userId: string, kind: "email" | "phone"): SQL<string | null> {
  return sql<string | null>`(SELECT ci.value FROM contact_identities ci
    WHERE ci.contact_id = contacts.id AND ci.user_id = ${userId} AND ci.kind = ${kind}
    ORDER BY ci.is_primary DESC, ci.created_at ASC LIMIT 1)`;
}

/** The tags of the row `contacts` in the enclosing query as a JSON array, by name. */
export function tagRefsJson(userId: string): SQL<TagRef[]> {
  return sql<
    TagRef[]
  >`(SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color)
      ORDER BY t.name), '[]'::json)
    FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = contacts.id AND ct.user_id = ${userId})`;
}

export function toDetail(
  row: ContactRow,
  extras: Extras | undefined,
  health: ContactDetail["healthContext"],
): ContactDetail {
  const ids = extras?.identities ?? [];
  return {
    ...toSummary(row, extras),
    emails: ids.filter((i) => i.kind === "email").map((i) => ({ value: i.value, isPrimary: i.isPrimary })),
    phones: ids
      .filter((i) => i.kind === "phone")
      .map((i) => ({ value: i.value, normalized: i.valueNormalized, isPrimary: i.isPrimary })),
    birthday: row.birthday,
    address: row.address,
    referralSource: row.referralSource,
    communicationPreference: row.communicationPreference,
    preferredSessionTimes: row.preferredSessionTimes,
    healthContext: health,
    batchId: row.batchId,
    mergedIntoId: row.mergedIntoId,
  };
}
