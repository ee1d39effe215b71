import { userRoute } from "@/server/http/route";
import {
  avatarDeleteContract,
  avatarGetContract,
  avatarUploadContract,
} from "@/server/http/contracts/contacts";
import { MAX_AVATAR_BYTES, readAvatar, removeAvatar, setAvatar } from "@/server/contacts/avatar";
import { readUpload } from "@/server/file-imports/read-upload";

export const dynamic = "force-dynamic";

export const PUT = userRoute(avatarUploadContract, async ({ ctx, params, req }) => {
  const up = await readUpload(req, { maxBytes: MAX_AVATAR_BYTES });
  return setAvatar(ctx, { contactId: params.id, bytes: up.bytes });
});

export const GET = userRoute(avatarGetContract, async ({ ctx, params }) => {
  const { bytes, mime } = await readAvatar(ctx, { contactId: params.id });
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
  removeAvatar(ctx, { contactId: params.id }),
);
