import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Contract } from "../http/contract";
import { allContracts } from "./build-openapi";
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
      const documented = new Set(allContracts());
      for (const m of exportedMethods(readRepoFile(file))) {
        const c = mod[m]?.contract;
        expect(c, `${m} in ${file} is not built with userRoute/publicRoute`).toBeDefined();
        expect(c!.path).toBe(p);
        expect(documented.has(c!), `${c!.method} ${c!.path}: contract not exported from a contracts.ts`).toBe(
          true,
        );
        // Other methods may reuse the handler of the documented one: its guards answer 405.
        if (c!.method !== m) expect(mod[c!.method], `${m} ${p} has no contract of its own`).toBe(mod[m]);
      }
    });
  }
});
