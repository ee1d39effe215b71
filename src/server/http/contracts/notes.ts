import { z } from "zod";
import { defineContract } from "../contract";
import { idParams } from "../params";
import { createNoteInput, noteSchema, updateNoteInput } from "../../notes/schemas";

const tags = ["notes"];

export const listNotesContract = defineContract({
  method: "GET",
  path: "/api/v1/contacts/{id}/notes",
  params: idParams,
  summary: "A contact's notes, pinned first",
  tags,
  auth: "user",
  response: z.object({ items: z.array(noteSchema) }),
  errors: ["not_found"],
});

export const createNoteContract = defineContract({
  method: "POST",
  path: "/api/v1/contacts/{id}/notes",
  params: idParams,
  summary: "Add a Markdown note (optionally redacting card numbers/IBANs)",
  tags,
  auth: "user",
  body: createNoteInput,
  response: noteSchema,
  errors: ["not_found", "invalid_body"],
});

export const getNoteContract = defineContract({
  method: "GET",
  path: "/api/v1/notes/{id}",
  params: idParams,
  summary: "One note",
  tags,
  auth: "user",
  response: noteSchema,
  errors: ["not_found"],
});

export const updateNoteContract = defineContract({
  method: "PATCH",
  path: "/api/v1/notes/{id}",
  params: idParams,
  summary: "Edit or (un)pin a note",
  tags,
  auth: "user",
  body: updateNoteInput,
  response: noteSchema,
  errors: ["not_found", "invalid_body"],
});

export const deleteNoteContract = defineContract({
  method: "DELETE",
  path: "/api/v1/notes/{id}",
  params: idParams,
  summary: "Delete a note",
  tags,
  auth: "user",
  response: z.object({ id: z.uuid() }),
  errors: ["not_found"],
});
