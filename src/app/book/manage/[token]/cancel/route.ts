import { cancelAction } from "@/server/booking/pages/booking-pages";
import { publicPage } from "@/server/booking/pages/guard";

export const dynamic = "force-dynamic";

type Args = { params: Promise<{ token: string }> };

export async function POST(req: Request, { params }: Args): Promise<Response> {
  const { token } = await params;
  return publicPage(req, () => cancelAction(req, token));
}
