import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import {
  interactionSchema,
  logInteractionInput,
  timelinePageSchema,
  timelineQuery,
} from "../../interactions/schemas";

const tags = ["interactions"];

export const timelineContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/timeline",
  params: idParams,
  summary: "A contact's interactions and notes, newest first (cursor paginated)",
  tags,
  auth: "user",
  query: timelineQuery,
  response: timelinePageSchema,
  errors: ["not_found", "invalid_query"],
});

export const logInteractionContract = defineContract({
  method: "POST",
  path: "/api/v1/interactions",
  summary: "Log a call, session, meeting or note by hand",
  tags,
  auth: "user",
  body: logInteractionInput,
  response: interactionSchema,
  errors: ["invalid_body", "not_found"],
});

export const getInteractionContract = defineContract({
  method: "GET",
  path: "/api/v1/interactions/{id}",
  params: idParams,
  summary: "One interaction with its linked contacts",
  tags,
  auth: "user",
  response: interactionSchema,
  errors: ["not_found"],
});

export const deleteInteractionContract = defineContract({
  method: "DELETE",
  path: "/api/v1/interactions/{id}",
  params: idParams,
  summary: "Delete a hand-logged interaction",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found", "conflict"],
});
