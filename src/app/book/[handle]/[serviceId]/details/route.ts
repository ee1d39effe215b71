import { detailsPage } from "@/server/booking/pages/booking-pages";
import { publicPage } from "@/server/booking/pages/guard";

export const dynamic = "force-dynamic";

type Args = { params: Promise<{ handle: string; serviceId: string }> };

async function handle(req: Request, { params }: Args): Promise<Response> {
  const p = await params;
  return publicPage(req, () => detailsPage(req, p.handle, p.serviceId));
}

export const GET = handle;
export const POST = handle;
