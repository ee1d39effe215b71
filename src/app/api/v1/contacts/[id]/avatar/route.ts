import { userRoute } from "@/server/http/route";
import { avatarDeleteContract, avatarGetContract, avatarUploadContract } from "@/server/contacts/contracts";
import { MAX_AVATAR_BYTES, readAvatar, removeAvatar, setAvatar } from "@/server/contacts/avatar";
import { readUpload } from "@/server/imports/read-upload";
import { pathId } from "@/server/contacts/route-params";

export const dynamic = "force-dynamic";

export const PUT = userRoute(avatarUploadContract, async ({ ctx, params, req }) => {
  const up = await readUpload(req, { maxBytes: MAX_AVATAR_BYTES });
  return setAvatar(ctx, { contactId: pathId(params), bytes: up.bytes });
});

export const GET = userRoute(avatarGetContract, async ({ ctx, params }) => {
  const { bytes, mime } = await readAvatar(ctx, { contactId: pathId(params) });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": mime,
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
});

export const DELETE = userRoute(avatarDeleteContract, ({ ctx, params }) =>
  removeAvatar(ctx, { contactId: pathId(params) }),
);
