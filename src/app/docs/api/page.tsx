import type { Metadata } from "next";
import { getOpenApi } from "@/server/openapi/get-openapi";
import { endpointsByTag } from "@/server/openapi/render-contracts-md";
import { EndpointCard } from "./_components/endpoint-card";

export const metadata: Metadata = { title: "API reference" };
// Rendered per request so the CSP nonce applies; the document itself is built once per process.
export const dynamic = "force-dynamic";

/** Server-rendered API reference from the generated OpenAPI document (no client JS, no CDN). */
export default function ApiDocsPage() {
  const doc = getOpenApi() as { info: { description: string } };
  const groups = endpointsByTag(doc);
  return (
    <main className="mx-auto max-w-[1000px] px-4 py-8 md:px-8">
      <h1 className="text-[30px] font-semibold">OmniCRM API</h1>
      <p className="mt-2 text-[15px] text-muted">{doc.info.description}</p>
      <p className="mt-2 text-[15px]">
        Machine-readable:{" "}
        <a className="text-primary underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
      <nav aria-label="Tags" className="mt-6 flex flex-wrap gap-2">
        {groups.map(([tag, eps]) => (
          <a key={tag} href={`#tag-${tag}`} className="rounded-lg border border-border px-3 py-1 text-sm">
            {tag} <span className="tabular-nums text-muted">{eps.length}</span>
          </a>
        ))}
      </nav>
      {groups.map(([tag, eps]) => (
        <section key={tag} id={`tag-${tag}`} className="mt-10">
          <h2 className="text-[24px] font-semibold">{tag}</h2>
          <div className="mt-4 space-y-3">
            {eps.map((e) => (
              <EndpointCard key={`${e.method} ${e.path}`} endpoint={e} />
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}
