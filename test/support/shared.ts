// Tests that read ../shared (the real corpus next to the repo) use this: the corpus folder, or null
// when it is absent (the test then skips, saying why). On CI (CI=true) an absent corpus is a failure,
// so a broken checkout cannot pass by skipping.
import * as fs from "fs";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "../..");

export function sharedCorpusDir(): string | null {
  const dir = path.resolve(REPO_ROOT, "../shared/corpus");
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  if (process.env.CI === "true") {
    throw new Error(`${dir} is absent but CI=true: the corpus tests cannot run (mount ../shared next to the repo)`);
  }
  console.warn(`skipping corpus tests: ${dir} is absent (they run when ../shared/corpus exists next to the repo)`);
  return null;
}

/** Microsoft's manifest schemas in ../shared/schemas, or null (skip, saying why; on CI, a failure). */
export function sharedSchemasDir(): string | null {
  const dir = path.resolve(REPO_ROOT, "../shared/schemas/office-manifest");
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  if (process.env.CI === "true") {
    throw new Error(`${dir} is absent but CI=true: the manifest cannot be validated (mount ../shared next to the repo)`);
  }
  console.warn(`skipping manifest schema checks: ${dir} is absent (they run when ../shared/schemas exists next to the repo)`);
  return null;
}
