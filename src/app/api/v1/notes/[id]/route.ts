import { userRoute } from "@/server/http/route";
import { deleteNoteContract, getNoteContract, updateNoteContract } from "@/server/http/contracts/notes";
import { deleteNote, getNote, updateNote } from "@/server/notes/note-ops";

export const dynamic = "force-dynamic";

export const GET = userRoute(getNoteContract, ({ ctx, params }) => getNote(ctx, { id: params.id }));

export const PATCH = userRoute(updateNoteContract, ({ ctx, params, body }) =>
  updateNote(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteNoteContract, ({ ctx, params }) => deleteNote(ctx, { id: params.id }));
