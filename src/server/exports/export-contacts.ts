import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser } from "../db/with-user";
import { contacts } from "../db/schema/contacts";
import { contactFilters } from "../contacts/list-contacts";
import { listContactsQuery } from "../contacts/schemas";
import { loadExtras, type ContactRow } from "../contacts/contact-dto";
import { toCsvRow } from "../file-imports/parse-csv";
import { toVcard } from "./to-vcard";
import { matchingContactIds } from "../search/candidate-ids";

export const exportQuery = listContactsQuery.omit({ cursor: true, limit: true, sort: true, order: true });

const CSV_HEADER = [
  "Name",
  "Stage",
  "Emails",
  "Phones",
  "Tags",
  "Birthday",
  "Address",
  "Referral Source",
  "Communication Preference",
  "Preferred Session Times",
  "Contact Source",
  "Last Interaction",
  "Created",
];

type Extras = Awaited<ReturnType<typeof loadExtras>> extends Map<string, infer E> ? E : never;

function csvLine(c: ContactRow, x: Extras | undefined): string {
  const ids = x?.identities ?? [];
  return toCsvRow([
    c.displayName,
    c.stage,
    ids
      .filter((i) => i.kind === "email")
      .map((i) => i.value)
      .join("; "),
    ids
      .filter((i) => i.kind === "phone")
      .map((i) => i.value)
      .join("; "),
    (x?.tags ?? []).map((t) => t.name).join("; "),
    c.birthday,
    c.address,
    c.referralSource,
    c.communicationPreference,
    c.preferredSessionTimes,
    c.source,
    c.lastInteractionAt?.toISOString() ?? "",
    c.createdAt.toISOString(),
  ]);
}

/**
 * Streams the caller's (optionally filtered) contacts as CSV or vCard 3.0, 500 per page.
 * The private health context is never exported in these formats (use the JSON export).
 * The headers line of the CSV uses names the importer maps back automatically.
 */
export async function* exportContacts(
  ctx: Ctx,
  input: { format: "csv" | "vcard"; filters: z.input<typeof exportQuery> },
): AsyncGenerator<string> {
  const q = listContactsQuery.parse(input.filters);
  const where = contactFilters(ctx.userId, q, q.q ? await matchingContactIds(ctx, q.q) : undefined);
  if (input.format === "csv") yield "\uFEFF" + toCsvRow(CSV_HEADER) + "\r\n";
  let after: string | null = null;
  for (;;) {
    const page = await withUser(ctx, async (tx) => {
      const rows = await tx
        .select()
        .from(contacts)
        .where(sql.join([...where, after ? sql`contacts.id > ${after}::uuid` : sql`true`], sql` AND `))
        .orderBy(contacts.id)
        .limit(500);
      return {
        rows,
        extras: await loadExtras(
          tx,
          ctx.userId,
          rows.map((r) => r.id),
        ),
      };
    });
    if (!page.rows.length) return;
    yield page.rows
      .map((r) =>
        input.format === "csv"
          ? csvLine(r, page.extras.get(r.id)) + "\r\n"
          : toVcard(r, page.extras.get(r.id)),
      )
      .join("");
    after = page.rows[page.rows.length - 1]!.id;
  }
}
