import { env } from "@/lib/env";
import {
  feedStatusContract,
  revokeFeedContract,
  rotateFeedContract,
} from "@/server/http/contracts/followups";
import { userRoute } from "@/server/http/route";
import { getFeedStatus, revokeFeed, rotateFeed } from "@/server/feeds/rotate-feed";

export const dynamic = "force-dynamic";

export const GET = userRoute(feedStatusContract, ({ ctx }) => getFeedStatus(ctx));

export const POST = userRoute(rotateFeedContract, ({ ctx, req }) =>
  rotateFeed(ctx, { origin: env().APP_URL ? new URL(env().APP_URL!).origin : new URL(req.url).origin }),
);

export const DELETE = userRoute(revokeFeedContract, ({ ctx }) => revokeFeed(ctx));
