// Lint: typescript-eslint, Next's and React's hook rules, and the layers of ARCHITECTURE.md.
// The layers are import rules: app → features → components → lib → domain. Exceptions
// would sit on ALLOWLIST below, with a reason; it is empty.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Files that may break a layer rule, each with the reason. Empty: keep it so. */
const ALLOWLIST = [];

const rule = "@typescript-eslint/no-restricted-imports";
const PRISMA = {
  group: ["@/lib/db", "@/lib/prisma-client", "@/generated/*", "@/generated/**", "@prisma/*"],
  message: "Prisma is used only in a feature's data.ts (reads) and mutations.ts (writes), and in src/lib/db.ts and prisma-client.ts.",
};
const NO_APP = { group: ["@/app/*", "@/app/**"], message: "Nothing imports from src/app: it is the top layer." };
const NO_FEATURES = { group: ["@/features/*", "@/features/**"], message: "lib, i18n and components are below the features: they import none." };
const NO_COMPONENTS = { group: ["@/components/*"], message: "lib and i18n are below the components." };
/** A feature may use another's schema, ability, model, data, server and components; its writes and files stay its own (the audit writer is for all). */
const crossFeature = (f) => [
  {
    group: [...new Set(["@/features/*/mutations", `!@/features/${f}/mutations`, "!@/features/audit/mutations"])],
    message: "A feature never calls another feature's writes (except the audit writer).",
  },
  { group: ["@/features/*/files", `!@/features/${f}/files`], message: "A feature's files (xlsx, CSV, PDF) are its own." },
];
/** A read depends on no write, and on no request: data.ts is plain queries. */
const READS = {
  group: ["@/features/*/mutations", "@/features/*/server", "@/lib/cache", "next/headers"],
  message: "A read (data.ts) imports no write and no request code.",
};
/** Components are the leaves: they get plain data from pages, and reach no reads, writes or server code (types are fine). */
const LEAF = {
  group: ["@/features/*/data", "@/features/*/mutations", "@/features/*/server", "@/features/*/files"],
  allowTypeImports: true,
  message: "Components get plain data from their page: no reads, writes or server code.",
};
const restrict = (...patterns) => ({ rules: { [rule]: ["error", { patterns }] } });
const features = readdirSync("src/features", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const layers = [
  { files: ["src/app/**/*.{ts,tsx}", "src/proxy.ts"], ...restrict(PRISMA) },
  { files: ["src/components/**/*.{ts,tsx}"], ...restrict(PRISMA, NO_APP, NO_FEATURES) },
  {
    files: ["src/lib/**/*.ts", "src/i18n/**/*.ts"],
    ignores: ["src/lib/db.ts", "src/lib/prisma-client.ts"],
    ...restrict(PRISMA, NO_APP, NO_FEATURES, NO_COMPONENTS),
  },
  { files: ["src/lib/db.ts", "src/lib/prisma-client.ts"], ...restrict(NO_APP, NO_FEATURES, NO_COMPONENTS) },
  ...features.flatMap((f) => {
    const dir = `src/features/${f}`;
    return [
      {
        files: [`${dir}/**/*.{ts,tsx}`],
        ignores: [`${dir}/data.ts`, `${dir}/mutations.ts`, `${dir}/components/**`],
        ...restrict(PRISMA, NO_APP, ...crossFeature(f)),
      },
      { files: [`${dir}/data.ts`], ...restrict(NO_APP, READS, crossFeature(f)[1]) },
      { files: [`${dir}/mutations.ts`], ...restrict(NO_APP, ...crossFeature(f)) },
      { files: [`${dir}/components/**/*.{ts,tsx}`], ...restrict(PRISMA, NO_APP, LEAF, ...crossFeature(f)) },
    ];
  }),
  {
    // The rules of the domain are plain TypeScript: no React, Next, Prisma or anything outside src/domain.
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    ...restrict({ regex: "^(?!\\./)", message: "src/domain imports nothing outside itself." }),
  },
  ...ALLOWLIST,
];

export default tseslint.config(
  { ignores: [".next/", "src/generated/", "node_modules/", "test-results/", "playwright-report/", "tests/.tmp/", "bench/out/", "next-env.d.ts", "public/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  reactHooks.configs.flat["recommended-latest"],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Japanese text spaces with U+3000 in strings, templates and JSX on purpose.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  ...layers,
  prettier,
);
