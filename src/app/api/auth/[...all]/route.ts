import { handleAuthRequest } from "@/server/auth/auth-handler";
import { apiRoute } from "@/server/http/handler";

export const dynamic = "force-dynamic";

// The auth library's catch-all: one route label for all of it (never the raw URL).
const handler = apiRoute((req) => handleAuthRequest(req), "/api/auth/{path}");

export const GET = handler;
export const POST = handler;
