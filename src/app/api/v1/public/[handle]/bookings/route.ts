import { createPublicBooking } from "@/server/booking/create-public-booking";
import { resolveHandle } from "@/server/booking/resolve-handle";
import { getDb } from "@/server/db/client";
import { publicBookContract } from "@/server/http/contracts/booking";
import { ok } from "@/server/http/responses";
import { publicRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const POST = publicRoute(publicBookContract, async ({ params, body }) =>
  ok(await createPublicBooking(await resolveHandle((await getDb()).db, params.handle), body), {
    status: 201,
  }),
);
