const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "src/data/**", "bench/.*.bundle.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // src/core runs in Node and in the browser (the pipeline, the feed, the index, the functions' logic):
    // only the web platform APIs both have (fetch, TextDecoder, crypto.subtle, URL, …), no Node module or
    // global, no browser-only global. (A tsconfig without Node's types cannot enforce this: dependencies'
    // typings pull them in.)
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ regex: "^(node:|fs$|fs/|path$|os$|crypto$|child_process$|http$|https$|net$|stream$|util$|zlib$|worker_threads$|url$|buffer$|events$|readline$)", message: "src/core runs in the browser too: no Node modules here (src/cli and scripts are Node's)." }],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["process", "Buffer", "require", "__dirname", "__filename", "global", "setImmediate"].map((name) => ({ name, message: "src/core runs in the browser too: no Node globals here (reach optional ones through globalThis)." })),
        ...["window", "document", "localStorage", "sessionStorage", "navigator", "location", "alert", "Office", "Excel", "OfficeRuntime"].map((name) => ({
          name,
          message: "src/core runs in Node too and knows nothing of the host: no browser-only or Office globals here.",
        })),
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
  },
);
