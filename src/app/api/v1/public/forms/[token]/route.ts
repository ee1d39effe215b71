import { getDb } from "@/server/db/client";
import { getPublicForm } from "@/server/forms/get-public-form";
import { submitPublicForm } from "@/server/forms/submit-public-form";
import { getPublicFormContract, submitPublicFormContract } from "@/server/http/contracts/forms";
import { ok } from "@/server/http/responses";
import { publicRoute } from "@/server/http/route";
import { clientIp } from "@/server/security/client-ip";

export const dynamic = "force-dynamic";

export const GET = publicRoute(getPublicFormContract, async ({ params }) =>
  getPublicForm((await getDb()).db, params.token),
);

export const POST = publicRoute(submitPublicFormContract, async ({ req, params, body }) =>
  ok(
    await submitPublicForm((await getDb()).db, params.token, body, {
      ip: clientIp(req.headers),
      userAgent: req.headers.get("user-agent"),
    }),
    { status: 201 },
  ),
);
