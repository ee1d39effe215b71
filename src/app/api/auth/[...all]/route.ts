import { handleAuthRequest } from "@/server/auth/auth-handler";
import { apiRoute } from "@/server/http/handler";

export const dynamic = "force-dynamic";

const handler = apiRoute((req) => handleAuthRequest(req));

export const GET = handler;
export const POST = handler;
