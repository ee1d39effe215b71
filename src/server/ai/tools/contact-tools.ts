import { sql } from "drizzle-orm";
import { tool } from "ai";
import { z } from "zod";
import { appEncryptor } from "../../crypto/app-crypto";
import { quoteUntrusted } from "../untrusted";
import { asUser, cite, contactHref, interactionHref, recordTool, type ToolEnv } from "./tool-env";

type ContactRow = {
  id: string;
  display_name: string;
  stage: string;
  last_interaction_at: string | null;
  emails: string | null;
};

/** search_contacts: name/email/phone substring, most recently active first. */
export function searchContactsTool(env: ToolEnv) {
  return tool({
    description: "Find the user's contacts by name, email or phone. Returns ids to use with other tools.",
    inputSchema: z.object({
      query: z.string().min(1).max(200),
      limit: z.number().int().min(1).max(20).default(8),
    }),
    execute: (args) =>
      recordTool(env, "search_contacts", args, async () => {
        const like = `%${args.query.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        const r = await asUser(env, (tx) =>
          tx.execute<ContactRow>(sql`
            SELECT c.id, c.display_name, c.stage, c.last_interaction_at::text,
              (SELECT string_agg(i.value, ', ') FROM contact_identities i WHERE i.contact_id = c.id AND i.kind = 'email') AS emails
            FROM contacts c
            WHERE c.user_id = ${env.ctx.userId} AND c.deleted_at IS NULL
              AND (lower(c.display_name) LIKE ${like} OR EXISTS (SELECT 1 FROM contact_identities i
                   WHERE i.contact_id = c.id AND i.value_normalized LIKE ${like}))
            ORDER BY c.last_interaction_at DESC NULLS LAST LIMIT ${args.limit}`),
        );
        const contacts = r.rows.map((c) => {
          cite(env, { type: "contact", id: c.id, title: c.display_name, href: contactHref(c.id) });
          return {
            id: c.id,
            name: c.display_name,
            stage: c.stage,
            lastInteractionAt: c.last_interaction_at,
            emails: c.emails,
            link: contactHref(c.id),
          };
        });
        return { result: { contacts } };
      }),
  });
}

/** get_contact: profile, tags, recent notes (quoted), health context only when the user allows it. */
export function getContactTool(env: ToolEnv) {
  return tool({
    description: "Get one contact's profile, tags and recent notes by id.",
    inputSchema: z.object({ contactId: z.uuid() }),
    execute: (args) =>
      recordTool(env, "get_contact", args, async () => {
        const data = await asUser(env, async (tx) => {
          const c = await tx.execute<
            ContactRow & {
              health_context_enc: string | null;
              birthday: string | null;
              referral_source: string | null;
              communication_preference: string | null;
              preferred_session_times: string | null;
            }
          >(sql`
            SELECT c.id, c.display_name, c.stage, c.last_interaction_at::text, c.health_context_enc, c.birthday::text,
              c.referral_source, c.communication_preference, c.preferred_session_times,
              (SELECT string_agg(i.value, ', ') FROM contact_identities i WHERE i.contact_id = c.id AND i.kind = 'email') AS emails
            FROM contacts c WHERE c.id = ${args.contactId} AND c.user_id = ${env.ctx.userId} AND c.deleted_at IS NULL`);
          const row = c.rows[0];
          if (!row) return null;
          const tags = await tx.execute<{ name: string }>(sql`
            SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE ct.contact_id = ${row.id} AND ct.user_id = ${env.ctx.userId} ORDER BY t.name`);
          const notes = await tx.execute<{ id: string; body: string; created_at: string }>(sql`
            SELECT id, body, created_at::text FROM notes WHERE contact_id = ${row.id} AND user_id = ${env.ctx.userId}
            ORDER BY pinned DESC, created_at DESC LIMIT 5`);
          return { row, tags: tags.rows.map((t) => t.name), notes: notes.rows };
        });
        if (!data) return { result: { error: "not_found" } };
        const { row } = data;
        cite(env, { type: "contact", id: row.id, title: row.display_name, href: contactHref(row.id) });
        return {
          result: {
            id: row.id,
            name: row.display_name,
            stage: row.stage,
            emails: row.emails,
            birthday: row.birthday,
            referralSource: row.referral_source,
            communicationPreference: row.communication_preference,
            preferredSessionTimes: row.preferred_session_times,
            lastInteractionAt: row.last_interaction_at,
            tags: data.tags,
            notes: data.notes.map((n) => ({
              id: n.id,
              createdAt: n.created_at,
              text: quoteUntrusted("note", n.body, 800),
            })),
            // Private health context leaves the machine only when the user opted in (AI settings).
            healthContext:
              env.includeHealth && row.health_context_enc ? decryptHealth(row.health_context_enc) : undefined,
            link: contactHref(row.id),
          },
        };
      }),
  });
}

function decryptHealth(enc: string): unknown {
  try {
    return JSON.parse(appEncryptor().decrypt(enc, "health"));
  } catch {
    return undefined;
  }
}

/** get_timeline: a contact's interactions, newest first, bodies quoted as untrusted. */
export function getTimelineTool(env: ToolEnv) {
  return tool({
    description: "Get a contact's timeline (emails, meetings, calls, sessions, notes), newest first.",
    inputSchema: z.object({ contactId: z.uuid(), limit: z.number().int().min(1).max(30).default(10) }),
    execute: (args) =>
      recordTool(env, "get_timeline", args, async () => {
        const r = await asUser(env, (tx) =>
          tx.execute<{
            id: string;
            type: string;
            occurred_at: string;
            subject: string | null;
            body: string | null;
            summary: string | null;
            direction: string | null;
          }>(sql`
            SELECT i.id, i.type, i.occurred_at::text, i.subject, i.body, i.summary, i.direction
            FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id
            WHERE ic.contact_id = ${args.contactId} AND ic.user_id = ${env.ctx.userId}
            ORDER BY i.occurred_at DESC LIMIT ${args.limit}`),
        );
        const items = r.rows.map((i) => {
          const href = interactionHref(args.contactId, i.id);
          cite(env, {
            type: "interaction",
            id: i.id,
            title: i.subject ?? `${i.type} ${i.occurred_at.slice(0, 10)}`,
            href,
          });
          return {
            id: i.id,
            type: i.type,
            occurredAt: i.occurred_at,
            direction: i.direction,
            subject: quoteUntrusted("subject", i.subject, 200),
            content: quoteUntrusted(i.type, i.summary ?? i.body, 1200),
            link: href,
          };
        });
        return { result: { contactId: args.contactId, items } };
      }),
  });
}
