import { authLabel, type Endpoint } from "@/server/openapi/render-contracts-md";

const methodColor: Record<string, string> = {
  GET: "bg-primary text-white",
  // White on clay is 3.2:1; dark text on a clay tint reads at any size.
  POST: "bg-accent/25 text-text",
  PUT: "bg-text text-bg",
  PATCH: "bg-text text-bg",
  DELETE: "bg-danger text-white",
};

function Schema({ label, schema }: { label: string; schema: unknown }) {
  return (
    <div className="mt-3">
      <h4 className="text-sm font-semibold">{label}</h4>
      <pre className="mt-1 max-h-96 overflow-auto rounded-lg border border-border bg-bg p-3 text-xs">
        {JSON.stringify(schema, null, 2)}
      </pre>
    </div>
  );
}

/** One endpoint: summary line always visible, schemas behind a native <details> (no JS). */
export function EndpointCard({ endpoint: e }: { endpoint: Endpoint }) {
  const body = e.op.requestBody?.content["application/json"]?.schema;
  const form = e.op.requestBody?.content["multipart/form-data"]?.schema;
  const ok = e.op.responses["200"]?.content ?? {};
  const okJson = ok["application/json"]?.schema as { properties?: { data?: unknown } } | undefined;
  const query = e.op.parameters.filter((p) => p.in === "query");
  const errors = Object.entries(e.op.responses).filter(([s]) => s !== "200");
  return (
    <details id={e.op.operationId} className="rounded-[12px] border border-border bg-surface p-4">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3">
        <span
          className={`rounded-md px-2 py-0.5 font-mono text-xs font-semibold ${methodColor[e.method] ?? ""}`}
        >
          {e.method}
        </span>
        <code className="text-sm">{e.path}</code>
        <span className="text-sm text-muted">{e.op.summary}</span>
      </summary>
      <p className="mt-3 text-sm">
        Auth: <strong>{authLabel(e.op)}</strong>
      </p>
      {query.length > 0 && (
        <Schema label="Query parameters" schema={Object.fromEntries(query.map((q) => [q.name, q.schema]))} />
      )}
      {body !== undefined && <Schema label="Request body" schema={body} />}
      {form !== undefined && <Schema label="Request body (multipart/form-data)" schema={form} />}
      {okJson ? (
        <Schema label="Response data (inside { ok: true, data })" schema={okJson.properties?.data ?? {}} />
      ) : (
        <p className="mt-3 text-sm">Response: {Object.keys(ok)[0]}</p>
      )}
      {errors.length > 0 && (
        <p className="mt-3 text-sm">
          Errors:{" "}
          {errors.map(([status, r]) => (
            <span key={status} className="mr-3 tabular-nums">
              {status} <span className="text-muted">{r.description}</span>
            </span>
          ))}
        </p>
      )}
    </details>
  );
}
