import { slotsPage } from "@/server/booking/pages/booking-pages";
import { publicPage } from "@/server/booking/pages/guard";

export const dynamic = "force-dynamic";

type Args = { params: Promise<{ handle: string; serviceId: string }> };

export async function GET(req: Request, { params }: Args): Promise<Response> {
  const { handle, serviceId } = await params;
  return publicPage(req, () => slotsPage(req, handle, serviceId));
}
