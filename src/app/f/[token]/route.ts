import { formPage } from "@/server/forms/pages/form-page";

export const dynamic = "force-dynamic";

type Args = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Args): Promise<Response> {
  const { token } = await params;
  return formPage(req, token);
}
