import { AppError } from "@/server/errors";
import { apiRoute } from "@/server/http/handler";

export const dynamic = "force-dynamic";

// Any /api path no route serves: 404 not_found in the JSON envelope (with the request id
// and security headers), never the HTML 404 page. One metrics label for all of them.
const notFound = apiRoute(() => Promise.reject(new AppError("not_found")), "/api/{unknown}");

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
