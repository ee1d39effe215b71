import { listFollowUpsTool, upcomingSessionsTool } from "./agenda-tools";
import { getContactTool, getTimelineTool, searchContactsTool } from "./contact-tools";
import { draftEmailTool } from "./draft-email-tool";
import { proposeNoteTool } from "./propose-tools";
import { searchInteractionsTool } from "./search-tool";
import { listTasksTool, proposeTaskTool, todayTool } from "./task-tools";
import type { ToolEnv } from "./tool-env";

/** The assistant's tool set, bound to the calling user. */
export function buildAssistantTools(env: ToolEnv) {
  return {
    search_contacts: searchContactsTool(env),
    get_contact: getContactTool(env),
    get_timeline: getTimelineTool(env),
    search_interactions: searchInteractionsTool(env),
    list_follow_ups: listFollowUpsTool(env),
    upcoming_sessions: upcomingSessionsTool(env),
    propose_note: proposeNoteTool(env),
    draft_email: draftEmailTool(env),
    today: todayTool(env),
    list_tasks: listTasksTool(env),
    propose_task: proposeTaskTool(env),
  };
}
