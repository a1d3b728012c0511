import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/**
 * The stages of src/, in the order data flows through them. A folder may import from the folders
 * before it (and from common/), never from one after it: the lint below keeps that shape.
 */
const STAGES = [
  "common",
  "pdf",
  "input",
  "model",
  "render",
  "check",
  "output",
  "pipeline",
  "preview",
  "cli",
  "startup",
];

const direction = STAGES.map((stage, i) => {
  const later = STAGES.slice(i + 1);
  return {
    files: [`src/${stage}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: later.map((folder) => ({
            group: [`../${folder}/*`, `../../${folder}/*`, `../../../${folder}/*`, `./${folder}/*`],
            message: `src/${stage} comes before src/${folder} in the pipeline (${STAGES.join(" → ")}) and may not import from it`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ["dist/", "out/", "node_modules/", "scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        Buffer: "readonly",
        console: "readonly",
        URL: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  // The preview page's script runs in the browser.
  {
    files: ["preview/**/*.js"],
    languageOptions: {
      globals: {
        document: "readonly",
        window: "readonly",
        sessionStorage: "readonly",
        fetch: "readonly",
        EventSource: "readonly",
        FormData: "readonly",
      },
    },
  },
  // Layout is Prettier's (`npm run lint` checks it); what it cannot wrap (comments) keeps to the same width.
  prettier,
  {
    rules: {
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  ...direction,
);
