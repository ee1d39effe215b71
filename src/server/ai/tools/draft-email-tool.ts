import { tool } from "ai";
import { z } from "zod";
import { createOutboxItem } from "../../outbox/create-outbox-item";
import { cite, contactHref, recordTool, type ToolEnv } from "./tool-env";

/**
 * draft_email: a thin adapter over the outbox's create-draft operation. The draft waits in
 * the Outbox: nothing is sent until the user approves it there, and a contact marked "do
 * not email" is refused — so mail the model read cannot make anything leave by itself.
 */
export function draftEmailTool(env: ToolEnv) {
  return tool({
    description:
      "Draft an email to a contact into the user's Outbox. Nothing is sent: the user reviews, edits and approves it in the Outbox. Use replyToInteractionId to answer a specific email from the timeline.",
    inputSchema: z.object({
      contactId: z.uuid(),
      subject: z.string().max(300).optional(),
      body: z.string().min(1).max(8000),
      replyToInteractionId: z.uuid().optional(),
    }),
    execute: (args) =>
      recordTool(env, "draft_email", args, async () => {
        const draft = await createOutboxItem(
          env.ctx,
          { ...args, subject: args.subject ?? "" },
          { origin: "assistant" },
        );
        cite(env, {
          type: "contact",
          id: draft.contactId,
          title: draft.contactName,
          href: contactHref(draft.contactId),
        });
        return {
          result: {
            drafted: "email",
            outboxItemId: draft.id,
            contactName: draft.contactName,
            to: draft.to,
            subject: draft.subject,
            note: "Saved in the Outbox as a draft; the user approves it there before it is sent.",
          },
        };
      }),
  });
}
