import { reschedulePage } from "@/server/booking/pages/booking-pages";
import { publicPage } from "@/server/booking/pages/guard";

export const dynamic = "force-dynamic";

type Args = { params: Promise<{ token: string }> };

async function handle(req: Request, { params }: Args): Promise<Response> {
  const { token } = await params;
  return publicPage(req, () => reschedulePage(req, token));
}

export const GET = handle;
export const POST = handle;
