import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allContracts, buildOpenApi } from "./build-openapi";
import { renderGeneratedFiles } from "./generate-api-docs";
import { exportedMethods, listRouteFiles, readRepoFile, routePathFromFile } from "./source-files";

describe("OpenAPI document", () => {
  // Handlers declared directly (`export const GET = …`) must be documented; methods
  // re-exported as aliases of a documented handler (405 answers) are checked by
  // route-contracts.int.test.ts, which can see which contract each one carries.
  it("has a spec entry for every route file and every directly exported method", () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const missing: string[] = [];
    for (const file of listRouteFiles()) {
      const p = routePathFromFile(file);
      const src = readRepoFile(file);
      if (!doc.paths[p]) missing.push(`${p} (${file})`);
      for (const m of exportedMethods(src)) {
        const direct = new RegExp(`export\\s+(?:const|let|async\\s+function|function)\\s+${m}\\b`).test(src);
        if (direct && !doc.paths[p]?.[m.toLowerCase()]) missing.push(`${m} ${p} (${file})`);
      }
    }
    expect(missing, "routes without a contract in src/server/http/contracts/").toEqual([]);
  });

  it("documents nothing that no route serves", () => {
    const served = new Set(
      listRouteFiles().flatMap((f) =>
        exportedMethods(readRepoFile(f)).map((m) => `${m} ${routePathFromFile(f)}`),
      ),
    );
    const orphans = allContracts()
      .map((c) => `${c.method} ${c.path}`)
      .filter((k) => !served.has(k));
    expect(orphans).toEqual([]);
  });

  it("is OpenAPI 3.1 with unique operation ids and declared path parameters", () => {
    const doc = buildOpenApi() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { operationId: string; parameters: { name: string; in: string }[] }>
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((ms) => Object.values(ms).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [p, ms] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ms)) {
        expect(op.parameters.filter((x) => x.in === "path").map((x) => x.name)).toEqual(names);
      }
    }
  });

  it("validates every path placeholder with the contract's params schema, and nothing else", () => {
    const wrong: string[] = [];
    for (const c of allContracts()) {
      const names = [...c.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort();
      const shape = (c.params as { shape?: Record<string, unknown> } | undefined)?.shape;
      const keys = shape ? Object.keys(shape).sort() : [];
      if (JSON.stringify(names) !== JSON.stringify(keys))
        wrong.push(`${c.method} ${c.path}: params [${keys}]`);
    }
    expect(wrong).toEqual([]);
  });

  it("maps route folders to contract paths", () => {
    expect(routePathFromFile("src/app/api/v1/contacts/[id]/restore/route.ts")).toBe(
      "/api/v1/contacts/{id}/restore",
    );
    expect(routePathFromFile("src/app/api/v1/files/[...rest]/route.ts")).toBe("/api/v1/files/{rest}");
    expect(routePathFromFile("src/app/api/v1/(ops)/ready/route.ts")).toBe("/api/v1/ready");
    expect(
      exportedMethods("export const GET = x;\nexport async function POST() {}\nexport { PATCH };"),
    ).toEqual(["GET", "POST", "PATCH"]);
  });

  it("generated files are current (run `npm run docs:api`)", { timeout: 60_000 }, async () => {
    const files = await renderGeneratedFiles();
    for (const [file, text] of Object.entries(files)) {
      const onDisk = existsSync(file) ? readFileSync(file, "utf8") : "";
      expect(onDisk, `${file} is stale: run \`npm run docs:api\``).toBe(text);
    }
  });
});
