import { createService } from "@/server/booking/create-service";
import { listServices } from "@/server/booking/list-services";
import { createServiceContract, listServicesContract } from "@/server/http/contracts/booking";
import { ok } from "@/server/http/responses";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(listServicesContract, ({ ctx }) => listServices(ctx));

export const POST = userRoute(createServiceContract, async ({ ctx, body }) =>
  ok(await createService(ctx, body), { status: 201 }),
);
