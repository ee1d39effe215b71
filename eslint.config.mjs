import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import regexpPlugin from "eslint-plugin-regexp";

// ---- Boundaries (docs/architecture/code-map.md) -------------------------------------------
// 1. src/server never imports Next.js.
const noNext = {
  regex: "^next(/|$)",
  message: "src/server is framework-free: keep Next.js in src/app (route.ts, pages).",
};

// 3. Infrastructure (db/, jobs/, http/ except http/contracts/) never imports a domain. It may
// import only other infrastructure and the shared leaves named here (an allowlist, so a new
// domain folder is covered without touching this file). Relative specifiers depend on the
// file's depth, hence one pattern per depth. jobs/definitions reach their handler through a
// lazy `import()`, which this rule (static imports only) lets through on purpose.
const infraShared = [
  "context",
  "errors",
  "log",
  "log-context",
  "db",
  "jobs",
  "http",
  "crypto",
  "observability",
  "metrics",
];
function infraPattern(depth, extra = []) {
  const allowed = [...infraShared, ...extra].join("|");
  const up = "\\.\\./".repeat(depth);
  return {
    // `<domain>/constants` modules are plain values (enum lists) and stay allowed.
    regex: `^(?:@/server/|${up})(?!(?:${allowed})(?:/|$))(?![a-z-]+/constants$)[a-z]`,
    message:
      "Infrastructure (db/, jobs/, http/) must not import a domain: the domain imports it. " +
      "Job definitions use a lazy import() of their handler; see docs/architecture/code-map.md.",
  };
}
const infraConfigs = ["db", "jobs", "http"].flatMap((dir) =>
  [1, 2, 3].map((depth) => ({
    files: [`src/server/${dir}/${"*/".repeat(depth - 1)}*.ts`],
    ignores: ["src/server/http/contracts/**", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        // The HTTP layer authenticates and guards requests: auth/ and security/ are its tools.
        { patterns: [noNext, infraPattern(depth, dir === "http" ? ["auth", "security"] : [])] },
      ],
    },
  })),
);

// 4. One Google driver per API (src/server/google/gmail, calendar): quota, circuit breaker,
// retries and error mapping live inside the driver methods. Sync code (src/server/sync) calls
// those methods and never reaches the Google clients or the call machinery itself. Types of
// google/client (GmailRawMessage, CalendarEvent) stay importable: they carry no calls.
const googleDriverOnly = [
  {
    regex: "^(?:googleapis|@googleapis/.*|google-auth-library)$",
    message: "Google API clients live in the driver (src/server/google/): call a driver method.",
  },
  {
    regex: "(?:^|/)google/(?:call-google|quota|circuit-breaker|google-session)$",
    message:
      "Quota, breaker and retries are the driver's: call a google/gmail/* or google/calendar/* method.",
  },
  {
    regex: "(?:^|/)google/client$",
    allowTypeImports: true,
    message:
      "GmailApi/CalendarApi are the driver's: open a session (openGmail/openCalendar) and call its methods.",
  },
  {
    regex: "(?:^|/)google/authorized-client$",
    importNames: ["authorizedClient", "authorizeTokens"],
    message: "Open a driver session (openGmail/openCalendar) instead of an OAuth client.",
  },
];

// 2. Client components ("use client" files and src/components) import from src/server only
// types (`import type`), zod schemas (`…/schemas`) and plain values (`…/constants`).
const clientImports = {
  meta: {
    type: "problem",
    schema: [{ type: "object", properties: { always: { type: "boolean" } }, additionalProperties: false }],
    messages: {
      server:
        "Client code may import from src/server only types, …/schemas or …/constants (got '{{source}}').",
    },
  },
  create(context) {
    const always = context.options[0]?.always === true;
    const body = context.sourceCode.ast.body;
    const isClient =
      always || body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!isClient) return {};
    const file = context.filename.replaceAll("\\", "/");
    const check = (node) => {
      if (!node.source) return;
      const source = String(node.source.value);
      const intoServer =
        source.startsWith("@/server/") ||
        (source.startsWith(".") && /\/src\/server\//.test(new URL(source, `file://${file}`).pathname));
      if (!intoServer) return;
      if (node.importKind === "type" || node.exportKind === "type") return;
      if (
        node.specifiers?.length &&
        node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type")
      )
        return;
      if (/\/(schemas|constants)$/.test(source)) return;
      context.report({ node, messageId: "server", data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
const boundaries = { rules: { "client-imports": clientImports } };

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-test*/**",
      "node_modules/**",
      ".data/**",
      "coverage/**",
      "test-results/**",
      "next-env.d.ts",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      // Unawaited promises lose errors and ordering: every promise is awaited or voided.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // Untrusted text meets our regexes everywhere (mail, uploads, headers, queries): a regex
    // that can backtrack super-linearly is a way to freeze the server, so it fails the lint.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { regexp: regexpPlugin },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  {
    files: ["src/server/**/*.ts", "src/worker/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noNext] }] },
  },
  ...infraConfigs,
  {
    files: ["src/server/sync/**/*.ts"],
    ignores: ["**/*.test.ts", "src/server/sync/testing/**", "src/server/sync/**/testing/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noNext, ...googleDriverOnly] }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { boundaries },
    rules: { "boundaries/client-imports": "error" },
  },
  {
    files: ["src/components/**/*.ts", "src/components/**/*.tsx"],
    rules: { "boundaries/client-imports": ["error", { always: true }] },
  },
);
