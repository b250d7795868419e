// `npm run test:browser`: the production build in real Chromium (Debian's /usr/bin/chromium driven by
// playwright-core), served from 127.0.0.1. globalSetup builds dist/ once when it is missing or older
// than the sources.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.browser.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  globalSetup: "<rootDir>/test/browser/globalSetup.ts",
  testTimeout: 120000,
  maxWorkers: 1,
};
