import { getProfileContract, updateProfileContract } from "@/server/http/contracts/profile";
import { userRoute } from "@/server/http/route";
import { getProfile } from "@/server/profile/get-profile";
import { updateProfile } from "@/server/profile/update-profile";

export const dynamic = "force-dynamic";

export const GET = userRoute(getProfileContract, ({ ctx }) => getProfile(ctx));

export const PATCH = userRoute(updateProfileContract, ({ ctx, body }) => updateProfile(ctx, body));
