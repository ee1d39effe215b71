import { userRoute } from "@/server/http/route";
import { embeddingBackfillContract } from "@/server/http/contracts/ai";
import { backfillEmbeddings } from "@/server/ai/embeddings/backfill-embeddings";

export const dynamic = "force-dynamic";

export const POST = userRoute(embeddingBackfillContract, ({ ctx }) => backfillEmbeddings(ctx));
