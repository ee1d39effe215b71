import { env } from "@/lib/env";
import { googleRedirectUri } from "@/server/google/oauth-client";
import { STATE_COOKIE, STATE_TTL_MS } from "@/server/google/oauth-state";
import { startGoogleOAuth } from "@/server/google/start-google-oauth";
import { userRoute } from "@/server/http/route";
import { googleOAuthStartContract } from "@/server/http/contracts/sync";

export const dynamic = "force-dynamic";

export const GET = userRoute(googleOAuthStartContract, async ({ ctx, query, req }) => {
  const { url, cookie } = await startGoogleOAuth(ctx, {
    scope: query.scope,
    redirectUri: googleRedirectUri(req.url),
  });
  const secure = (env().APP_URL ?? req.url).startsWith("https:") ? "; Secure" : "";
  return new Response(null, {
    status: 302,
    headers: {
      location: url,
      "cache-control": "no-store",
      // Lax: the cookie must come back on Google's top-level redirect to the callback.
      "set-cookie": `${STATE_COOKIE}=${cookie}; Path=/api; HttpOnly; SameSite=Lax; Max-Age=${STATE_TTL_MS / 1000}${secure}`,
    },
  });
});
