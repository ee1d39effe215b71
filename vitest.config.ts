import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// `server-only` marks modules that Next.js must never bundle for the browser; outside Next
// (tests) it resolves to its empty build, as it does under the react-server condition.
const alias = {
  "@": fileURLToPath(new URL("./src", import.meta.url)),
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
};

// Two tiers: fast unit tests beside the code, and integration tests (`*.int.test.ts`)
// that run against a real database (PGlite in-process by default, Postgres/Redis when
// DATABASE_URL/REDIS_URL are set). `npm test` runs both.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "tools/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts", "tools/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          fileParallelism: true,
          maxWorkers: 2,
          // Vitest 4 needs distinct group orders for projects with different maxWorkers:
          // unit tests run first, then the integration tier.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
