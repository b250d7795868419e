// `mg`: the project's command line (corpus, feed, functions). A command is a file:
// `mg call ...` -> src/cli/commands/call.ts; `mg corpus build ...` -> src/cli/commands/corpus/build.ts.
// Each exports `run(args: string[]): Promise<number>` (the exit code).
import * as path from "path";
import * as fs from "fs";

const GROUPS: Record<string, string> = {
  corpus: "build the dataset from articles; evaluate it against the gold file",
  feed: "publish a feed; check a feed",
  call: "evaluate an MG function as Excel would: mg call WEIGHTSAVING Seres",
};

function usage(): string {
  const lines = ["usage: mg <command> [args]", ""];
  for (const [name, help] of Object.entries(GROUPS)) lines.push(`  ${name.padEnd(8)} ${help}`);
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  if (!group || group === "--help" || group === "-h" || group === "help") {
    console.log(usage());
    return group ? 0 : 2;
  }
  if (!(group in GROUPS)) {
    console.error(`mg: unknown command "${group}"\n${usage()}`);
    return 2;
  }
  let file = path.join(__dirname, "commands", `${group}.ts`);
  let args = rest;
  if (!fs.existsSync(file)) {
    const sub = rest[0] ?? "";
    file = path.join(__dirname, "commands", group, `${sub}.ts`);
    args = rest.slice(1);
    if (!/^[a-z-]+$/.test(sub) || !fs.existsSync(file)) {
      const dir = path.join(__dirname, "commands", group);
      const subs = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => f.replace(/\.ts$/, "")) : [];
      console.error(`mg ${group}: unknown subcommand "${sub}" (available: ${subs.join(", ") || "none yet"})`);
      return 2;
    }
  }
  const mod = require(file) as { run(args: string[]): Promise<number> };
  return mod.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`mg: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
