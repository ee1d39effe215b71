import { completeGoogleOAuth } from "@/server/google/complete-google-oauth";
import { googleRedirectUri } from "@/server/google/oauth-client";
import { STATE_COOKIE } from "@/server/google/oauth-state";
import { userRoute } from "@/server/http/route";
import { googleOAuthCallbackContract } from "@/server/http/contracts/sync";

export const dynamic = "force-dynamic";

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

export const GET = userRoute(googleOAuthCallbackContract, async ({ ctx, query, req }) => {
  const { redirect } = await completeGoogleOAuth(ctx, {
    code: query.code,
    state: query.state,
    error: query.error,
    cookie: readCookie(req.headers.get("cookie"), STATE_COOKIE),
    redirectUri: googleRedirectUri(req.url),
  });
  return new Response(null, {
    status: 302,
    headers: {
      location: redirect,
      "cache-control": "no-store",
      "set-cookie": `${STATE_COOKIE}=; Path=/api; HttpOnly; SameSite=Lax; Max-Age=0`,
    },
  });
});
