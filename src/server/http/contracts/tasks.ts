import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import {
  createTaskInput,
  listTasksQuery,
  quickAddInput,
  taskPageSchema,
  taskSchema,
  updateTaskInput,
} from "../../tasks/schemas";
import { taskSuggestionListSchema, taskSuggestionSchema } from "../../promises/schemas";

const tags = ["tasks"];

export const listTasksContract = defineContract({
  method: "GET",
  path: "/api/v1/tasks",
  summary: "Tasks by due date, earliest first (filters status, dueBefore, contactId; cursor paginated)",
  tags,
  auth: "user",
  query: listTasksQuery,
  response: taskPageSchema,
  errors: ["invalid_query"],
});

export const createTaskContract = defineContract({
  method: "POST",
  path: "/api/v1/tasks",
  summary: "Create a task (due: YYYY-MM-DD or an ISO date-time; rrule: e.g. FREQ=WEEKLY;BYDAY=TU)",
  tags,
  auth: "user",
  body: createTaskInput,
  response: taskSchema,
  errors: ["invalid_body", "not_found"],
});

export const quickAddTaskContract = defineContract({
  method: "POST",
  path: "/api/v1/tasks/quick",
  summary: "Create a task from words: 'Call Anna tomorrow 9am' (dates read in your time zone)",
  tags,
  auth: "user",
  body: quickAddInput,
  response: taskSchema,
  errors: ["invalid_body", "not_found"],
});

export const getTaskContract = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{id}",
  params: idParams,
  summary: "One task",
  tags,
  auth: "user",
  response: taskSchema,
  errors: ["not_found"],
});

export const updateTaskContract = defineContract({
  method: "PATCH",
  path: "/api/v1/tasks/{id}",
  params: idParams,
  summary:
    "Edit a task; status open | done | snoozed (with snoozedUntil). Done on a recurring task adds the next one",
  tags,
  auth: "user",
  body: updateTaskInput,
  response: taskSchema,
  errors: ["invalid_body", "not_found"],
});

export const deleteTaskContract = defineContract({
  method: "DELETE",
  path: "/api/v1/tasks/{id}",
  params: idParams,
  summary: "Delete a task",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found"],
});

export const listTaskSuggestionsContract = defineContract({
  method: "GET",
  path: "/api/v1/tasks/suggestions",
  summary:
    "Promises found in your own mail and notes, waiting to be accepted or dismissed (AI only; aiConfigured/hint say when it is off)",
  tags,
  auth: "user",
  response: taskSuggestionListSchema,
});

export const acceptTaskSuggestionContract = defineContract({
  method: "POST",
  path: "/api/v1/tasks/suggestions/{id}/accept",
  params: idParams,
  summary: "Turn a suggested task into a task (source email or note, linked to where it was written)",
  tags,
  auth: "user",
  response: z.object({ suggestion: taskSuggestionSchema, task: taskSchema }),
  errors: ["not_found", "conflict"],
});

export const dismissTaskSuggestionContract = defineContract({
  method: "POST",
  path: "/api/v1/tasks/suggestions/{id}/dismiss",
  params: idParams,
  summary: "Dismiss a suggested task (the same promise is not suggested again)",
  tags,
  auth: "user",
  response: taskSuggestionSchema,
  errors: ["not_found", "conflict"],
});
