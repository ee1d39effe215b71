import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { contactDetailSchema } from "../../contacts/contact-dto";
import { duplicatePairSchema, duplicatesQuery } from "../../contacts/find-duplicates";
import { mergeContactsInput } from "../../contacts/merge-contacts";

const tags = ["contacts"];

export const duplicatesContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/duplicates",
  summary: "Likely duplicate pairs (same email/phone in canonical form, similar names)",
  tags,
  auth: "user",
  query: duplicatesQuery,
  response: z.object({ items: z.array(duplicatePairSchema) }),
  errors: ["invalid_query"],
});

export const mergeContactsContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/merge",
  summary: "Merge mergedId into survivorId (identities, interactions, notes, tags move; undoable)",
  tags,
  auth: "user",
  body: mergeContactsInput,
  response: z.object({ mergeId: z.uuid(), survivor: contactDetailSchema }),
  errors: ["invalid_body", "not_found"],
});

export const undoMergeContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/merges/{id}/undo",
  params: idParams,
  summary: "Undo a merge (the merged contact comes back with what it brought)",
  tags,
  auth: "user",
  response: z.object({ survivor: contactDetailSchema, restored: contactDetailSchema }),
  errors: ["not_found", "conflict", "gone"],
});
