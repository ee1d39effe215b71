import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { createNoteContract, listNotesContract } from "@/server/notes/contracts";
import { createNote, listNotes } from "@/server/notes/note-ops";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(listNotesContract, ({ ctx, params }) =>
  listNotes(ctx, { contactId: pathId(params) }),
);

export const POST = userRoute(createNoteContract, async ({ ctx, params, body }) =>
  ok(await createNote(ctx, { contactId: pathId(params), ...body! }), { status: 201 }),
);
