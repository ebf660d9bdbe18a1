import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadCatalog } from "../lib/schema/catalog.ts";
import { generateTypes } from "../lib/types/generate.ts";

const HELP = `Usage: npm run types [-- --check]

Writes scripts/lib/types/data.generated.ts, the TypeScript types of the data
files, from schemas/*.schema.json.

  --check     write nothing; exit 1 if the file is out of date
  -h, --help  show this help`;

const OUTPUT = "scripts/lib/types/data.generated.ts";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const code = await generateTypes(loadCatalog(process.cwd()));
  if (values.check) {
    const current = readFileSync(OUTPUT, "utf8");
    if (current === code) return 0;
    process.stderr.write(`${OUTPUT} is out of date: run npm run types\n`);
    return 1;
  }
  writeFileSync(OUTPUT, code);
  process.stdout.write(`Wrote ${OUTPUT}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`types: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
