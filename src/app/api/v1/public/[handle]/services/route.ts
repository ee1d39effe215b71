import { listPublicServices } from "@/server/booking/list-public-services";
import { resolveHandle } from "@/server/booking/resolve-handle";
import { getDb } from "@/server/db/client";
import { publicServicesContract } from "@/server/http/contracts/booking";
import { publicRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute(publicServicesContract, async ({ params }) =>
  listPublicServices(await resolveHandle((await getDb()).db, params.handle)),
);
