import path from "node:path";
import prettier from "prettier";
import { buildOpenApi } from "./build-openapi";
import { renderContractsMd } from "./render-contracts-md";
import { listContractFiles, renderContractModules } from "./source-files";

/**
 * The generated files of `npm run docs:api`, formatted exactly as `prettier --write` would
 * leave them, so the staleness tests and `format:check` agree. Build-time only. The
 * document is built from the contract files found on disk (imported directly), not from
 * the generated module list, so one pass is always self-consistent.
 */
export async function renderGeneratedFiles(
  root = process.cwd(),
  opts: { only?: (file: string) => boolean } = {},
): Promise<Record<string, string>> {
  const config = (await prettier.resolveConfig(`${root}/package.json`)) ?? {};
  const fmt = (text: string, parser: string) => prettier.format(text, { ...config, parser });
  const files = listContractFiles(root).filter(opts.only ?? (() => true));
  const modules = (await Promise.all(
    files.map((f) => import(/* @vite-ignore */ path.resolve(root, f))),
  )) as Record<string, unknown>[];
  const doc = buildOpenApi(modules);
  return {
    "src/server/openapi/contract-modules.ts": await fmt(renderContractModules(files), "typescript"),
    "docs/api/contracts.md": await fmt(renderContractsMd(doc), "markdown"),
    "docs/api/openapi.json": await fmt(JSON.stringify(doc), "json"),
  };
}
