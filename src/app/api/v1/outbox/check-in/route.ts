import { checkInContract } from "@/server/http/contracts/outbox";
import { userRoute } from "@/server/http/route";
import { draftCheckIn } from "@/server/outbox/draft-check-in";

export const dynamic = "force-dynamic";

export const POST = userRoute(checkInContract, ({ ctx, body }) => draftCheckIn(ctx, body));
