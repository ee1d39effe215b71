import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { bulkContactsInput, tagInput, tagSchema, updateTagInput } from "../../tags/schemas";

const tags = ["tags"];

export const listTagsContract = defineContract({
  method: "GET",
  path: "/api/v1/tags",
  summary: "All tags with colours and contact counts",
  tags,
  auth: "user",
  response: z.object({ items: z.array(tagSchema), starterTagsAvailable: z.boolean() }),
});

export const createTagContract = defineContract({
  method: "POST",
  path: "/api/v1/tags",
  summary: "Create a tag",
  tags,
  auth: "user",
  body: tagInput,
  response: tagSchema,
  errors: ["invalid_body", "conflict"],
});

export const updateTagContract = defineContract({
  method: "PATCH",
  path: "/api/v1/tags/{id}",
  params: idParams,
  summary: "Rename or recolour a tag",
  tags,
  auth: "user",
  body: updateTagInput,
  response: tagSchema,
  errors: ["invalid_body", "not_found", "conflict"],
});

export const deleteTagContract = defineContract({
  method: "DELETE",
  path: "/api/v1/tags/{id}",
  params: idParams,
  summary: "Delete a tag (removes it from every contact)",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found"],
});

export const seedStarterTagsContract = defineContract({
  method: "POST",
  path: "/api/v1/tags/seed-starter",
  summary: "Add the starter wellness tag set (idempotent)",
  tags,
  auth: "user",
  response: z.object({ items: z.array(tagSchema), created: z.number().int() }),
});

export const bulkContactsContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/bulk",
  summary: "Bulk add/remove tags, set stage, delete or restore (≤1,000 ids, all or nothing)",
  tags: ["contacts"],
  auth: "user",
  body: bulkContactsInput,
  response: z.object({ affected: z.number().int() }),
  errors: ["invalid_body", "not_found"],
});
