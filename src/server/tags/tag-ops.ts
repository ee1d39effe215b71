import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../context";
import { withUser, type Tx } from "../db/with-user";
import { contactSettings, tags } from "../db/schema/contacts";
import { AppError } from "../errors";
import { isUniqueViolation } from "../contacts/set-contact-identities";
import { starterTags, tagInput, updateTagInput, type TagView } from "./schemas";

const COUNT = sql<number>`(SELECT count(*)::int FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id
  WHERE ct.tag_id = tags.id AND c.deleted_at IS NULL)`;

async function fetchTags(tx: Tx, userId: string, id?: string): Promise<TagView[]> {
  const rows = await tx
    .select({
      id: tags.id,
      name: tags.name,
      color: tags.color,
      createdAt: tags.createdAt,
      contactCount: COUNT,
    })
    .from(tags)
    .where(and(eq(tags.userId, userId), id ? eq(tags.id, id) : undefined))
    .orderBy(asc(sql`lower(${tags.name})`));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

const nameTaken = (name: string) =>
  new AppError("conflict", `a tag named "${name}" already exists`, { field: "name", name });

/**
 * All tags with contact counts. `starterTagsAvailable` is true until the user seeds or
 * dismisses the starter set and has no tags yet — the UI's cue to offer it.
 */
export async function listTags(ctx: Ctx): Promise<{ items: TagView[]; starterTagsAvailable: boolean }> {
  return withUser(ctx, async (tx) => {
    const items = await fetchTags(tx, ctx.userId);
    const [s] = await tx.select().from(contactSettings).where(eq(contactSettings.userId, ctx.userId));
    return { items, starterTagsAvailable: items.length === 0 && !s?.starterTagsSeededAt };
  });
}

export async function createTag(ctx: Ctx, raw: z.input<typeof tagInput>): Promise<TagView> {
  const p = tagInput.parse(raw);
  return withUser(ctx, async (tx) => {
    try {
      const [row] = await tx
        .insert(tags)
        .values({ userId: ctx.userId, name: p.name, color: p.color })
        .returning({ id: tags.id });
      return (await fetchTags(tx, ctx.userId, row!.id))[0]!;
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken(p.name);
      throw e;
    }
  });
}

export async function updateTag(ctx: Ctx, input: { id: string; patch: z.input<typeof updateTagInput> }) {
  const p = updateTagInput.parse(input.patch);
  return withUser(ctx, async (tx) => {
    try {
      const rows = await tx
        .update(tags)
        .set(p)
        .where(and(eq(tags.userId, ctx.userId), eq(tags.id, input.id)))
        .returning({ id: tags.id });
      if (!rows.length) throw new AppError("not_found", "tag not found");
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken(p.name ?? "");
      throw e;
    }
    return (await fetchTags(tx, ctx.userId, input.id))[0]!;
  });
}

export async function deleteTag(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  return withUser(ctx, async (tx) => {
    const rows = await tx
      .delete(tags)
      .where(and(eq(tags.userId, ctx.userId), eq(tags.id, input.id)))
      .returning({ id: tags.id });
    if (!rows.length) throw new AppError("not_found", "tag not found");
    return { id: input.id };
  });
}

/** Adds the starter wellness tags; idempotent (existing names are kept as they are). */
export async function seedStarterTags(ctx: Ctx): Promise<{ items: TagView[]; created: number }> {
  return withUser(ctx, async (tx) => {
    const created = await tx
      .insert(tags)
      .values(starterTags.map((t) => ({ userId: ctx.userId, ...t })))
      .onConflictDoNothing()
      .returning({ id: tags.id });
    const now = new Date();
    await tx
      .insert(contactSettings)
      .values({ userId: ctx.userId, starterTagsSeededAt: now })
      .onConflictDoUpdate({ target: contactSettings.userId, set: { starterTagsSeededAt: now } });
    return { items: await fetchTags(tx, ctx.userId), created: created.length };
  });
}
