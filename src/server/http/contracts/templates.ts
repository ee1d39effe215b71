import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import {
  createTemplateInput,
  getTemplateQuery,
  templateSchema,
  templateWithPreview,
  updateTemplateInput,
} from "../../templates/schemas";

export const listTemplatesContract = defineContract({
  method: "GET",
  path: "/api/v1/templates",
  summary: "Email templates (the starter set is added on first use)",
  tags: ["templates"],
  auth: "user",
  response: z.object({ items: z.array(templateSchema) }),
});

export const createTemplateContract = defineContract({
  method: "POST",
  path: "/api/v1/templates",
  summary: "New template; merge fields like {{firstName}}, {{lastSessionDate}}, {{bookingLink}}",
  tags: ["templates"],
  auth: "user",
  body: createTemplateInput,
  response: templateSchema,
  errors: ["invalid_body"],
});

export const getTemplateContract = defineContract({
  method: "GET",
  path: "/api/v1/templates/{id}",
  params: idParams,
  summary: "One template; with ?contactId= also previewed for that recipient",
  tags: ["templates"],
  auth: "user",
  query: getTemplateQuery,
  response: templateWithPreview,
  errors: ["not_found"],
});

export const updateTemplateContract = defineContract({
  method: "PATCH",
  path: "/api/v1/templates/{id}",
  params: idParams,
  summary: "Edit a template",
  tags: ["templates"],
  auth: "user",
  body: updateTemplateInput,
  response: templateSchema,
  errors: ["invalid_body", "not_found"],
});

export const deleteTemplateContract = defineContract({
  method: "DELETE",
  path: "/api/v1/templates/{id}",
  params: idParams,
  summary: "Delete a template",
  tags: ["templates"],
  auth: "user",
  response: z.object({ id: z.uuid(), deleted: z.literal(true) }),
  errors: ["not_found"],
});
