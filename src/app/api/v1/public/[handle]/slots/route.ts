import { listPublicSlots } from "@/server/booking/list-public-slots";
import { resolveHandle } from "@/server/booking/resolve-handle";
import { getDb } from "@/server/db/client";
import { publicSlotsContract } from "@/server/http/contracts/booking";
import { publicRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute(publicSlotsContract, async ({ params, query }) =>
  listPublicSlots(await resolveHandle((await getDb()).db, params.handle), query),
);
