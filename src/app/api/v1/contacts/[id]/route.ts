import { userRoute } from "@/server/http/route";
import {
  deleteContactContract,
  getContactContract,
  updateContactContract,
} from "@/server/contacts/contracts";
import { getContact } from "@/server/contacts/get-contact";
import { updateContact } from "@/server/contacts/update-contact";
import { deleteContact } from "@/server/contacts/delete-contact";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const GET = userRoute(getContactContract, ({ ctx, params, query }) =>
  getContact(ctx, { id: pathId(params), includeDeleted: query?.includeDeleted }),
);

export const PATCH = userRoute(updateContactContract, ({ ctx, params, body }) =>
  updateContact(ctx, { id: pathId(params), patch: body! }),
);

export const DELETE = userRoute(deleteContactContract, ({ ctx, params }) =>
  deleteContact(ctx, { id: pathId(params) }),
);
