import { tool } from "ai";
import { z } from "zod";
import { cite, contactHref, findContact, recordTool, type ToolEnv } from "./tool-env";

async function contactName(env: ToolEnv, contactId: string): Promise<string | null> {
  return (await findContact(env, contactId))?.displayName ?? null;
}

/**
 * Write tools never write: they record a proposal (tool_invocations.status = "proposed")
 * which the user applies or rejects in the UI (confirm-proposal.ts). So no content the
 * model read — an email trying to give orders included — can change data by itself.
 */
export function proposeNoteTool(env: ToolEnv) {
  return tool({
    description: "Propose adding a note to a contact. The user must confirm it before anything is saved.",
    inputSchema: z.object({ contactId: z.uuid(), body: z.string().min(1).max(4000) }),
    execute: (args) =>
      recordTool(env, "propose_note", args, async () => {
        const name = await contactName(env, args.contactId);
        if (!name) return { result: { error: "not_found" } };
        cite(env, { type: "contact", id: args.contactId, title: name, href: contactHref(args.contactId) });
        return {
          result: {
            proposed: "note",
            contactName: name,
            note: "Awaiting the user's confirmation; nothing saved yet.",
          },
          status: "proposed",
        };
      }),
  });
}
