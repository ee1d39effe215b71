import { userRoute } from "@/server/http/route";
import { embeddingCoverageContract } from "@/server/http/contracts/ai";
import { getEmbeddingCoverage } from "@/server/ai/embeddings/get-embedding-coverage";

export const dynamic = "force-dynamic";

export const GET = userRoute(embeddingCoverageContract, ({ ctx }) => getEmbeddingCoverage(ctx));
