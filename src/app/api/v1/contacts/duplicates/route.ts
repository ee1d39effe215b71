import { userRoute } from "@/server/http/route";
import { duplicatesContract } from "@/server/http/contracts/contacts-merge";
import { findDuplicates } from "@/server/contacts/find-duplicates";

export const dynamic = "force-dynamic";

export const GET = userRoute(duplicatesContract, ({ ctx, query }) => findDuplicates(ctx, query));
