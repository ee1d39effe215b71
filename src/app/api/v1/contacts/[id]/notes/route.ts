import { userRoute } from "@/server/http/route";
import { ok } from "@/server/http/responses";
import { createNoteContract, listNotesContract } from "@/server/http/contracts/notes";
import { createNote } from "@/server/notes/create-note";
import { listNotes } from "@/server/notes/list-notes";

export const dynamic = "force-dynamic";

export const GET = userRoute(listNotesContract, ({ ctx, params }) =>
  listNotes(ctx, { contactId: params.id }),
);

export const POST = userRoute(createNoteContract, async ({ ctx, params, body }) =>
  ok(await createNote(ctx, { contactId: params.id, ...body }), { status: 201 }),
);
