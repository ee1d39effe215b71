import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Contract } from "../http/contract";
import { METHOD_ALLOW_LIST } from "../http/guards";
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
        // Another method may reuse a documented handler only where the guards' method
        // allow-list answers it with 405; otherwise it really serves requests undocumented.
        if (c!.method !== m) {
          const rule = METHOD_ALLOW_LIST.find((r) => p.startsWith(r.prefix));
          const answers405 = !!rule && !rule.methods.includes(m);
          expect(
            answers405,
            `${m} ${p} serves requests under the ${c!.method} contract: give it its own`,
          ).toBe(true);
        }
      }
    });
  }
});
