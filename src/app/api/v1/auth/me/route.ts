import { meContract } from "@/server/http/contracts/auth";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(meContract, async ({ user }) => ({ id: user.id, email: user.email }));
