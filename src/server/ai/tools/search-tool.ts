import { tool } from "ai";
import { z } from "zod";
import { searchAll } from "../search/search-all";
import { quoteUntrusted } from "../untrusted";
import { cite, contactHref, interactionHref, recordTool, type ToolEnv } from "./tool-env";

/** search_interactions: hybrid (keyword + semantic) search over emails, sessions and notes. */
export function searchInteractionsTool(env: ToolEnv) {
  return tool({
    description:
      "Search emails, meetings, sessions and notes by meaning and keywords (e.g. 'who mentioned knee pain').",
    inputSchema: z.object({
      query: z.string().min(1).max(300),
      limit: z.number().int().min(1).max(20).default(8),
    }),
    execute: (args) =>
      recordTool(env, "search_interactions", args, async () => {
        const r = await searchAll(env.ctx, { q: args.query, mode: "hybrid", limit: args.limit });
        const hits = r.results.map((h) => {
          const href = h.type === "contact" ? contactHref(h.id) : interactionHref(h.contactId, h.id);
          if (h.type === "contact") cite(env, { type: "contact", id: h.id, title: h.title, href });
          else cite(env, { type: h.type, id: h.id, title: h.title, href });
          return {
            type: h.type,
            id: h.id,
            contactId: h.contactId,
            title: quoteUntrusted("title", h.title, 200),
            snippet: quoteUntrusted(h.type, h.snippet, 300),
            link: href,
          };
        });
        return { result: { modeUsed: r.modeUsed, hits } };
      }),
  });
}
