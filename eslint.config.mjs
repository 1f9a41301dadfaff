import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import { defineConfig, globalIgnores } from "eslint/config";

/**
 * One-way layers: app → features → components, server → i18n → lib (and
 * generated, the Prisma client). A feature uses another only through the
 * modules that one lists here as its public surface, and only along the edges
 * below, which form no cycle (tests/unit/layers.test.ts checks both the rule
 * and the graph of src/).
 */
/**
 * The product never imports the tooling: nothing in src/ reaches scripts/, tests/, e2e/, bench/ or prisma/
 * (the scripts import the product, never the reverse). Kept in every src/ rule set that restricts imports.
 */
const leavingSrc = {
  regex: "^(\\.\\./)+(scripts|tests|e2e|bench|prisma|packages|examples)(/|$)",
  message: "src/ never imports from outside src/: move what the product needs into src/ and let the tooling import it.",
};

const featureUses = {
  access: [],
  portal: ["access"],
  invoices: ["access"],
  // The cards a billing profile keeps; Pay now and Settle balance pick or save one through its public modules.
  "payment-methods": ["access"],
  payments: ["access", "portal", "payment-methods"],
  // MOSP's Settle balance pays each past-due invoice the way Pay now does.
  "settle-balance": ["access", "payments", "payment-methods"],
  "billing-profiles": ["access"],
  // The ARM Billing API serves the blade's own reads under ARM's contract (docs/api.md).
  arm: ["access", "invoices", "billing-profiles"],
  // Worlds and their clocks (control API, docs/worlds.md): the billing cycle tells admins through the bell.
  worlds: ["portal"],
};
/** What each feature offers the others (paths inside the feature's folder). */
const featurePublic = {
  access: [
    "actions.ts",
    "bearer.ts",
    "origin.ts",
    "paths.ts",
    "policy.ts",
    "return-path.ts",
    "roles.ts",
    "scope.ts",
    "session.ts",
    "components/billing-account-blade.tsx",
    "components/pay-notices.tsx",
  ],
  portal: ["notifications.ts"],
  invoices: ["filters.ts", "grid-query.ts", "pdf-path.ts", "queries.ts"],
  "payment-methods": [
    "card-schema.ts",
    "cards.ts",
    "new-card-limit.ts",
    "queries.ts",
    "components/card-fields.tsx",
    "components/payment-method-picker.tsx",
    "components/use-card-check.ts",
  ],
  payments: ["pay-input.ts", "pay-invoice.ts", "payment-key.ts"],
  "settle-balance": [],
  "billing-profiles": ["queries.ts"],
  arm: [],
  worlds: [],
};

/** `@/server/db` and its modules, or the same reached by a relative path. */
const databaseClient = /^(@\/server\/|(\.\.?\/)+(server\/)?)db(\/|$)/;
/**
 * A "use server" file is a door: it parses the form, asks the policy and calls the feature's domain
 * functions, which do the work in their transaction. So it never imports the database client itself.
 * ESLint's `files` cannot select by directive, hence this small rule that reads the directive.
 */
const serverActionsKeepOffTheDatabase = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      database:
        'A "use server" file never touches the database: call a domain function of the feature that does (it takes typed values and answers a reason code).',
    },
  },
  create(context) {
    let serverActions = false;
    const check = (node) => {
      const source = node.source;
      if (serverActions && source?.type === "Literal" && databaseClient.test(String(source.value)))
        context.report({ node, messageId: "database" });
    };
    return {
      Program(program) {
        const prologue = [];
        for (const statement of program.body) {
          if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
          prologue.push(statement.directive);
        }
        serverActions = prologue.includes("use server");
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const element = (type, extra = {}) => ({ element: { type, ...extra } });
const layerPolicies = [
  // Routes (and src/proxy.ts) compose everything below them.
  {
    from: element("app"),
    allow: { to: ["feature", "components", "server", "i18n", "lib", "generated"].map((type) => element(type)) },
  },
  {
    from: element("feature"),
    allow: { to: ["components", "server", "i18n", "lib", "generated"].map((type) => element(type)) },
  },
  ...Object.entries(featureUses)
    .filter(([, uses]) => uses.length > 0)
    .map(([feature, uses]) => ({
      from: element("feature", { captured: { feature } }),
      allow: {
        to: uses.map((used) =>
          element("feature", { captured: { feature: used }, fileInternalPath: featurePublic[used] }),
        ),
      },
    })),
  { from: element("components"), allow: { to: ["i18n", "lib"].map((type) => element(type)) } },
  { from: element("server"), allow: { to: ["lib", "generated"].map((type) => element(type)) } },
  { from: element("i18n"), allow: { to: element("lib") } },
];

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  // Override default ignores of eslint-config-next.
  globalIgnores([
    // Default ignores of eslint-config-next:
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    // Generated by `prisma generate` (postinstall); not ours to lint.
    "src/generated/**",
    // Test and build artefacts.
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "coverage/**",
    // The test kit's compiled output (packages/billing-sim-kit: `npm run build` there), and the example suite's own install.
    "packages/*/dist/**",
    "examples/*/node_modules/**",
    "examples/*/test-results/**",
  ]),
  {
    files: ["src/**/*.{ts,tsx,mts}"],
    plugins: {
      boundaries,
      local: { rules: { "server-actions-keep-off-the-database": serverActionsKeepOffTheDatabase } },
    },
    settings: {
      "boundaries/include": ["src/**/*"],
      "boundaries/elements": [
        { type: "feature", pattern: "src/features/*", capture: ["feature"] },
        { type: "components", pattern: "src/components" },
        { type: "server", pattern: "src/server" },
        { type: "i18n", pattern: "src/i18n" },
        { type: "lib", pattern: "src/lib" },
        { type: "generated", pattern: "src/generated" },
        // The rest: src/app (routes) and the root files (proxy.ts) that Next.js runs before them.
        { type: "app", pattern: "src" },
      ],
    },
    rules: {
      "no-restricted-imports": ["error", { patterns: [leavingSrc] }],
      "local/server-actions-keep-off-the-database": "error",
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          checkUnknownLocals: true,
          message:
            "{{ from.type }} may not import this {{ to.type }} module: layers go app → features → components, server → i18n → lib, and a feature uses another only through its public modules (eslint.config.mjs).",
          policies: layerPolicies,
        },
      ],
    },
  },
  {
    // Components render what their feature's queries return; the database stays behind queries.ts.
    files: ["src/features/*/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            leavingSrc,
            {
              group: ["@/server/db", "@/server/db/*", "@/generated/*"],
              message: "Components never touch the database: read through the feature's queries.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Node-side tests and Playwright specs render no React: helpers named use*
    // (useTestDatabase, Playwright's fixture `use`) are not hooks there.
    files: ["tests/**/*.ts", "e2e/**/*.ts", "packages/**/*.ts", "examples/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);

export default eslintConfig;
