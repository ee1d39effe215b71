export type Citation = { type: "contact" | "interaction" | "note"; id: string; title: string; href: string };
export type ToolItem = {
  id: string;
  messageId?: string | null;
  tool: string;
  args: unknown;
  status: "ok" | "error" | "proposed" | "applied" | "rejected";
  latencyMs?: number | null;
};
export type ChatMessage = {
  id: string;
  role: "user" | "assistant";
  text: string;
  citations: Citation[];
  status?: "pending" | "done" | "error";
  error?: string;
  tools: ToolItem[];
};
export type ThreadSummary = { id: string; title: string | null; updatedAt: string };
export type Usage = {
  configured: boolean;
  creditsMonthly: number;
  creditsLeft: number;
  todayCostUsd: number;
  monthCostUsd: number;
  dailyCostCapUsd: number | null;
};

/** Plain words for the AI error codes (never a code alone). */
export function aiErrorText(code: string): string {
  switch (code) {
    case "ai_not_configured":
      return "AI is not set up on this server yet. Ask your administrator to configure a provider (see docs/ai.md).";
    case "rate_limited_minute":
      return "You are asking faster than your per-minute limit. Wait a moment and try again.";
    case "rate_limited_daily_cost":
      return "Today's AI spending cap is reached. The assistant is available again tomorrow.";
    case "rate_limited_monthly":
      return "This month's AI credits are used up. They renew on the first of next month.";
    case "upstream_error":
      return "The AI provider did not answer. Your credit was refunded; please try again.";
    case "service_unavailable":
      return "The AI provider is having trouble. Your credit was not used; try again in a minute.";
    case "not_found":
      return "That conversation no longer exists.";
    default:
      return "Something went wrong. Please try again.";
  }
}

export const toolLabels: Record<string, string> = {
  search_contacts: "Searched contacts",
  get_contact: "Opened a contact",
  get_timeline: "Read a timeline",
  search_interactions: "Searched emails, sessions and notes",
  list_follow_ups: "Checked who needs a follow-up",
  upcoming_sessions: "Checked upcoming sessions",
  propose_note: "Proposed a note",
  propose_follow_up_email: "Drafted a follow-up email",
  draft_email: "Drafted an email into your Outbox",
  today: "Checked today",
  list_tasks: "Read your tasks",
  propose_task: "Proposed a task",
};
