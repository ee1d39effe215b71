import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Contract } from "../http/contract";
import { exportedMethods, listRouteFiles, readRepoFile, routePathFromFile } from "./source-files";

// Imports every route module (no server needed) and checks that each exported handler was
// built from the contract of its own path and method, so the spec describes the validator
// that actually runs. Integration tier because route modules pull in the whole server.
describe("route files use their own contract", () => {
  for (const file of listRouteFiles()) {
    it(file, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<
        string,
        { contract?: Contract } | undefined
      >;
      const p = routePathFromFile(file);
      for (const m of exportedMethods(readRepoFile(file))) {
        const c = mod[m]?.contract;
        expect(c, `${m} in ${file} is not built with userRoute/publicRoute`).toBeDefined();
        expect(`${c!.method} ${c!.path}`).toBe(`${m} ${p}`);
      }
    });
  }
});
