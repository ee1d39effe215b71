// `npm run docs:api`: regenerates the contract module list, docs/api/contracts.md and
// docs/api/openapi.json from the zod contracts. `--tracked` lists only contract files git
// already tracks (for committing from a checkout with other people's work in flight).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderGeneratedFiles } from "../src/server/openapi/generate-api-docs";

const read = (f: string) => {
  try {
    return readFileSync(f, "utf8");
  } catch {
    return "";
  }
};

const tracked = process.argv.includes("--tracked")
  ? new Set(execFileSync("git", ["ls-files", "src/server"], { encoding: "utf8" }).split("\n"))
  : undefined;
const files = await renderGeneratedFiles(process.cwd(), tracked ? { only: (f) => tracked.has(f) } : {});
for (const [file, text] of Object.entries(files)) {
  if (read(file) === text) continue;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
