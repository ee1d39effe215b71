import { getDigestPreview } from "@/server/digest/get-digest-preview";
import { digestPreviewContract } from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = userRoute(digestPreviewContract, ({ ctx }) => getDigestPreview(ctx));
