import { handleAuthRequest } from "@/server/auth/auth-handler";
import { apiRoute } from "@/server/http/handler";
import { AUTH_MAX_BODY_BYTES } from "@/server/http/limit-body";

export const dynamic = "force-dynamic";

// The auth library's catch-all: one route label for all of it (never the raw URL).
// Bodies are capped before the library reads them (it has no limit of its own).
const handler = apiRoute((req) => handleAuthRequest(req), "/api/auth/{path}", {
  maxBodyBytes: AUTH_MAX_BODY_BYTES,
});

export const GET = handler;
export const POST = handler;
