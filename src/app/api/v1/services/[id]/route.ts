import { deleteService } from "@/server/booking/delete-service";
import { getService } from "@/server/booking/get-service";
import { updateService } from "@/server/booking/update-service";
import {
  deleteServiceContract,
  getServiceContract,
  updateServiceContract,
} from "@/server/http/contracts/booking";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(getServiceContract, ({ ctx, params }) => getService(ctx, params.id));

export const PATCH = userRoute(updateServiceContract, ({ ctx, params, body }) =>
  updateService(ctx, params.id, body),
);

export const DELETE = userRoute(deleteServiceContract, ({ ctx, params }) => deleteService(ctx, params.id));
