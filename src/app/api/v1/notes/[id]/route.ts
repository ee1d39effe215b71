import { userRoute } from "@/server/http/route";
import { deleteNoteContract, getNoteContract, updateNoteContract } from "@/server/http/contracts/notes";
import { deleteNote } from "@/server/notes/delete-note";
import { getNote } from "@/server/notes/get-note";
import { updateNote } from "@/server/notes/update-note";

export const dynamic = "force-dynamic";

export const GET = userRoute(getNoteContract, ({ ctx, params }) => getNote(ctx, { id: params.id }));

export const PATCH = userRoute(updateNoteContract, ({ ctx, params, body }) =>
  updateNote(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteNoteContract, ({ ctx, params }) => deleteNote(ctx, { id: params.id }));
