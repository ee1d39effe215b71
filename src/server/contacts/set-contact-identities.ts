import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "../db/with-user";
import { contactIdentities } from "../db/schema/contacts";
import { AppError } from "../errors";
import { normalizeEmail, normalizePhone } from "./identity-normalize";

type Item = { value: string; isPrimary?: boolean };
type Kind = "email" | "phone";

/** Postgres unique violations arrive raw (pg) or wrapped by drizzle (cause). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === "23505" || err?.cause?.code === "23505";
}

function prepare(kind: Kind, items: Item[]) {
  const field = kind === "email" ? "emails" : "phones";
  if (items.filter((i) => i.isPrimary).length > 1)
    throw new AppError("invalid_body", `only one primary ${kind}`, {
      fields: { [field]: [`only one ${kind} can be primary`] },
    });
  const seen = new Set<string>();
  const out: { value: string; norm: string; isPrimary: boolean }[] = [];
  for (const i of items) {
    const norm = kind === "email" ? normalizeEmail(i.value) : normalizePhone(i.value);
    if (seen.has(norm)) continue;
    seen.add(norm);
    out.push({ value: i.value.trim(), norm, isPrimary: !!i.isPrimary });
  }
  if (out.length && !out.some((o) => o.isPrimary)) out[0]!.isPrimary = true;
  return out;
}

/**
 * Replaces a contact's emails or phones with `items` (one primary; the first when none is
 * marked). An email already on another of the user's contacts is a 409 naming it.
 * Returns the normalized values added and removed, for re-linking interactions.
 */
export async function setContactIdentities(
  tx: Tx,
  userId: string,
  contactId: string,
  kind: Kind,
  items: Item[],
): Promise<{ added: string[]; removed: string[] }> {
  const next = prepare(kind, items);
  const norms = next.map((n) => n.norm);
  if (norms.length) {
    const taken = await tx
      .select({ value: contactIdentities.value, contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(
        and(
          eq(contactIdentities.userId, userId),
          eq(contactIdentities.kind, kind),
          inArray(contactIdentities.valueNormalized, norms),
          ne(contactIdentities.contactId, contactId),
        ),
      )
      .limit(1);
    if (taken[0]) throw identityConflict(kind, taken[0].value, taken[0].contactId);
  }
  const before = await tx
    .delete(contactIdentities)
    .where(
      and(
        eq(contactIdentities.userId, userId),
        eq(contactIdentities.contactId, contactId),
        eq(contactIdentities.kind, kind),
      ),
    )
    .returning({ norm: contactIdentities.valueNormalized });
  if (next.length) {
    try {
      await tx.insert(contactIdentities).values(
        next.map((n) => ({
          userId,
          contactId,
          kind,
          value: n.value,
          valueNormalized: n.norm,
          isPrimary: n.isPrimary,
        })),
      );
    } catch (e) {
      // A concurrent writer took the value between our check and insert.
      if (isUniqueViolation(e)) throw identityConflict(kind, norms.join(", "), null);
      throw e;
    }
  }
  const old = new Set(before.map((b) => b.norm));
  return { added: norms.filter((n) => !old.has(n)), removed: [...old].filter((n) => !norms.includes(n)) };
}

function identityConflict(kind: Kind, value: string, contactId: string | null): AppError {
  return new AppError("conflict", `${kind} ${value} already belongs to another contact`, {
    field: kind === "email" ? "emails" : "phones",
    [kind]: value,
    contactId,
  });
}
