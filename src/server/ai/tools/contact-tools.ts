import { tool } from "ai";
import { z } from "zod";
import { listContacts } from "../../contacts/list-contacts";
import { getTimeline } from "../../interactions/get-timeline";
import { listNotes } from "../../notes/list-notes";
import { quoteUntrusted } from "../untrusted";
import { cite, contactHref, findContact, interactionHref, recordTool, type ToolEnv } from "./tool-env";

/**
 * search_contacts: the contact list's own search (listContacts: trigram / full text over
 * name, email and phone), so the assistant finds exactly whom `GET /api/v1/contacts?q=` finds.
 */
export function searchContactsTool(env: ToolEnv) {
  return tool({
    description: "Find the user's contacts by name, email or phone. Returns ids to use with other tools.",
    inputSchema: z.object({
      query: z.string().min(1).max(200),
      limit: z.number().int().min(1).max(20).default(8),
    }),
    execute: (args) =>
      recordTool(env, "search_contacts", args, async () => {
        const page = await listContacts(env.ctx, { q: args.query, limit: args.limit });
        const contacts = page.items.map((c) => {
          cite(env, { type: "contact", id: c.id, title: c.displayName, href: contactHref(c.id) });
          return {
            id: c.id,
            name: c.displayName,
            stage: c.stage,
            lastInteractionAt: c.lastInteractionAt,
            email: c.primaryEmail,
            link: contactHref(c.id),
          };
        });
        return { result: { contacts } };
      }),
  });
}

/** get_contact: getContact (one decryption of health context) plus the latest notes (quoted). */
export function getContactTool(env: ToolEnv) {
  return tool({
    description: "Get one contact's profile, tags and recent notes by id.",
    inputSchema: z.object({ contactId: z.uuid() }),
    execute: (args) =>
      recordTool(env, "get_contact", args, async () => {
        const c = await findContact(env, args.contactId);
        if (!c) return { result: { error: "not_found" } };
        const notes = (await listNotes(env.ctx, { contactId: c.id })).items.slice(0, 5);
        cite(env, { type: "contact", id: c.id, title: c.displayName, href: contactHref(c.id) });
        return {
          result: {
            id: c.id,
            name: c.displayName,
            stage: c.stage,
            emails: c.emails.map((e) => e.value).join(", ") || null,
            birthday: c.birthday,
            referralSource: c.referralSource,
            communicationPreference: c.communicationPreference,
            preferredSessionTimes: c.preferredSessionTimes,
            lastInteractionAt: c.lastInteractionAt,
            tags: c.tags.map((t) => t.name),
            notes: notes.map((n) => ({
              id: n.id,
              createdAt: n.createdAt,
              text: quoteUntrusted("note", n.body, 800),
            })),
            // Private health context leaves the machine only when the user opted in (AI settings).
            healthContext: env.includeHealth ? (c.healthContext ?? undefined) : undefined,
            link: contactHref(c.id),
          },
        };
      }),
  });
}

/** get_timeline: the contact page's timeline (getTimeline), newest first, text quoted as untrusted. */
export function getTimelineTool(env: ToolEnv) {
  return tool({
    description: "Get a contact's timeline (emails, meetings, calls, sessions, notes), newest first.",
    inputSchema: z.object({ contactId: z.uuid(), limit: z.number().int().min(1).max(30).default(10) }),
    execute: (args) =>
      recordTool(env, "get_timeline", args, async () => {
        const page = await getTimeline(env.ctx, { contactId: args.contactId, limit: args.limit });
        const items = page.items.map((i) => {
          if (i.kind === "note") {
            const href = contactHref(args.contactId);
            cite(env, { type: "note", id: i.id, title: `note ${i.at.slice(0, 10)}`, href });
            return {
              id: i.id,
              type: "note",
              occurredAt: i.at,
              content: quoteUntrusted("note", i.body, 1200),
              link: href,
            };
          }
          const href = interactionHref(args.contactId, i.id);
          cite(env, {
            type: "interaction",
            id: i.id,
            title: i.subject ?? `${i.type} ${i.at.slice(0, 10)}`,
            href,
          });
          return {
            id: i.id,
            type: i.type,
            occurredAt: i.at,
            direction: i.direction,
            subject: quoteUntrusted("subject", i.subject, 200),
            content: quoteUntrusted(i.type, i.summary ?? i.snippet, 1200),
            link: href,
          };
        });
        return { result: { contactId: args.contactId, items } };
      }),
  });
}
