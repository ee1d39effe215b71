import { userRoute } from "@/server/http/route";
import { deleteClientFileContract, downloadClientFileContract } from "@/server/http/contracts/files";
import { readClientFile } from "@/server/files/read-client-file";
import { deleteClientFile } from "@/server/files/delete-client-file";
import { downloadHeaders } from "@/server/files/content-disposition";

export const dynamic = "force-dynamic";

export const GET = userRoute(downloadClientFileContract, async ({ ctx, params }) => {
  const f = await readClientFile(ctx, { id: params.id });
  return new Response(new Uint8Array(f.bytes), {
    headers: downloadHeaders({ fileName: f.fileName, mimeType: f.mimeType, size: f.bytes.length }),
  });
});

export const DELETE = userRoute(deleteClientFileContract, ({ ctx, params }) =>
  deleteClientFile(ctx, { id: params.id }),
);
