import { userRoute } from "@/server/http/route";
import { deleteNoteContract, getNoteContract, updateNoteContract } from "@/server/notes/contracts";
import { deleteNote, getNote, updateNote } from "@/server/notes/note-ops";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(getNoteContract, ({ ctx, params }) => getNote(ctx, { id: pathId(params) }));

export const PATCH = userRoute(updateNoteContract, ({ ctx, params, body }) =>
  updateNote(ctx, { id: pathId(params), patch: body! }),
);

export const DELETE = userRoute(deleteNoteContract, ({ ctx, params }) =>
  deleteNote(ctx, { id: pathId(params) }),
);
