import prettier from "prettier";
import { listContractFiles, renderContractModules } from "./source-files";

/**
 * The generated files of `npm run docs:api`, formatted exactly as `prettier --write` would
 * leave them, so the staleness tests and `format:check` agree. Build-time only.
 */
export async function renderGeneratedFiles(
  root = process.cwd(),
  opts: { only?: (file: string) => boolean } = {},
): Promise<Record<string, string>> {
  const config = (await prettier.resolveConfig(`${root}/package.json`)) ?? {};
  const fmt = (text: string, parser: string) => prettier.format(text, { ...config, parser });
  const modules = await fmt(
    renderContractModules(listContractFiles(root).filter(opts.only ?? (() => true))),
    "typescript",
  );
  // Import lazily: the module list above may just have changed on disk.
  const { buildOpenApi } = await import("./build-openapi");
  const { renderContractsMd } = await import("./render-contracts-md");
  const doc = buildOpenApi();
  return {
    "src/server/openapi/contract-modules.ts": modules,
    "docs/api/contracts.md": await fmt(renderContractsMd(doc), "markdown"),
    "docs/api/openapi.json": await fmt(JSON.stringify(doc), "json"),
  };
}
