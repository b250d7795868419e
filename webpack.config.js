// Production build of the add-in into dist/ (`npm run build`; `npm start` serves the same build).
//   taskpane.html  the shared runtime's page: loads Office.js, then functions.js AND taskpane.js
//   functions.js   the MG custom functions (entry src/functions/functions.ts)
//   functions.json generated from the JSDoc of functions.ts by custom-functions-metadata-plugin
//   manifest.xml   URLs rewritten from https://localhost:3000/ to ADDIN_BASE_URL
//   help.html      the functions' reference (each function's helpUrl points at its anchor)
//   dataset.json   the bundled dataset, fetched at startup (kept out of the JavaScript)
//   assets/        icons, and Office.js from @microsoft/office-js (no CDN: works offline)
// No IE11 polyfills: the hosts that run shared runtimes are modern (ES2020 output).
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { DEV_BASE_URL, normalizeBaseUrl, rewriteManifest } = require("./scripts/manifest");

const ROOT = __dirname;
/** Output folder: dist/, or MG_DIST_DIR (the build test builds into a temporary folder). */
const DIST = process.env.MG_DIST_DIR ? path.resolve(process.env.MG_DIST_DIR) : path.join(ROOT, "dist");
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const DATASET = path.join(ROOT, "src", "data", "dataset.json");
/** Where Office.js is served from, relative to taskpane.html. */
const OFFICE_JS_PATH = "assets/office-js/office.js";

function renderHelpPage() {
  // help.html is rendered from the TypeScript function catalogue (src/help/helpPage.ts)
  const { register } = require("tsx/cjs/api");
  const unregister = register();
  try {
    return require("./src/help/helpPage.ts").renderHelpPage();
  } finally {
    unregister();
  }
}

/** Emits help.html, rewrites the help URLs in functions.json, puts Office.js first in taskpane.html. */
class MagnesiumAddinPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const name = "MagnesiumAddinPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(name, (data) => {
        // Office.js must load, undeferred, before the bundles that call Office.onReady / associate.
        data.headTags.unshift({ tagName: "script", voidTag: false, meta: { plugin: name }, attributes: { src: OFFICE_JS_PATH } });
        return data;
      });
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("help.html", new webpack.sources.RawSource(renderHelpPage()));
      });
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const json = asset.source.source().toString().split(DEV_BASE_URL).join(this.baseUrl);
        compilation.updateAsset("functions.json", new webpack.sources.RawSource(json));
      });
    });
  }
}

module.exports = (_env, argv = {}) => {
  const mode = argv.mode || "production";
  const baseUrl = normalizeBaseUrl(process.env.ADDIN_BASE_URL || DEV_BASE_URL);
  if (!fs.existsSync(DATASET)) throw new Error(`${path.relative(ROOT, DATASET)} is missing: build it with \`npx mg corpus build\``);
  return {
    mode,
    context: ROOT,
    target: ["web", "es2020"],
    devtool: mode === "production" ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: DIST,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          // the alias registry ships only what lookups read (names and aliases), not its comments
          test: /src[\\/]data[\\/]aliases\.json$/,
          type: "json",
          parser: {
            parse: (text) => ({
              entities: (JSON.parse(text).entities || []).map((e) => ({ name: e.name, aliases: e.aliases })),
            }),
          },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules so webpack can tree-shake and split the pane's lazy tabs into chunks
            options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2020", sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // one webpack runtime for both bundles on taskpane.html, and shared code (zod, the query
      // core) loaded once instead of once per bundle
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: DATASET, to: "dataset.json" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), baseUrl) },
          {
            // Office.js and the Excel host scripts it loads; not other hosts, not debug builds
            from: OFFICE_JS_DIR,
            to: "assets/office-js",
            globOptions: {
              ignore: ["**/*.debug.js", "**/*-vsdoc.js", "**/*.d.ts", "**/outlook*", "**/word*", "**/powerpoint*", "**/onenote*", "**/project*", "**/visio*", "**/access*"],
            },
            info: { minimized: true },
          },
        ],
      }),
      new MagnesiumAddinPlugin(baseUrl),
    ],
  };
};
