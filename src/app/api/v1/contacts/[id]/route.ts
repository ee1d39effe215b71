import { userRoute } from "@/server/http/route";
import {
  deleteContactContract,
  getContactContract,
  updateContactContract,
} from "@/server/http/contracts/contacts";
import { getContact } from "@/server/contacts/get-contact";
import { updateContact } from "@/server/contacts/update-contact";
import { deleteContact } from "@/server/contacts/delete-contact";

export const dynamic = "force-dynamic";

export const GET = userRoute(getContactContract, ({ ctx, params, query }) =>
  getContact(ctx, { id: params.id, includeDeleted: query.includeDeleted }),
);

export const PATCH = userRoute(updateContactContract, ({ ctx, params, body }) =>
  updateContact(ctx, { id: params.id, patch: body }),
);

export const DELETE = userRoute(deleteContactContract, ({ ctx, params }) =>
  deleteContact(ctx, { id: params.id }),
);
