import { z } from "zod";
import { defineContract } from "../contract";
import { tagSchema } from "../../tags/schemas";
import { mergeTagsInput } from "../../tags/merge-tags";

export const mergeTagsContract = defineContract({
  method: "POST",
  path: "/api/v1/tags/merge",
  summary: "Merge one tag into another (its contacts get the target tag; the source tag is deleted)",
  tags: ["tags"],
  auth: "user",
  body: mergeTagsInput,
  response: z.object({ target: tagSchema, moved: z.number().int() }),
  errors: ["invalid_body", "not_found"],
});
