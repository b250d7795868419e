// Builds the add-in once for the browser tests when dist/ is missing or older than what it is built from.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const f of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, f)));
  return max;
}

export default async function globalSetup(): Promise<void> {
  const built = path.join(ROOT, "dist", "taskpane.html");
  const inputs = ["src", "webpack.config.js", "package.json", "manifest.xml", "assets"].map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p));
  const stale = !fs.existsSync(built) || inputs.some((p) => newestMtime(p) > fs.statSync(built).mtimeMs);
  if (stale) {
    process.stdout.write("\nbuilding dist/ for the browser tests (npm run build)...\n");
    execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  }
}
