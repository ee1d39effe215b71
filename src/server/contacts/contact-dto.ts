import { z } from "zod";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
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
  const extras = await loadExtras(
    tx,
    userId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, extras.get(r.id)));
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
