#!/usr/bin/env node
// The project's command line. Runs the TypeScript sources through tsx so no build step is needed.
require("tsx/cjs");
require("../src/cli/mg.ts");
