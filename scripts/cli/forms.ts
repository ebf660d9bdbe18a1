import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FORMS_DIR, generateForms } from "../lib/forms/generate.ts";
import { loadCatalog } from "../lib/schema/catalog.ts";

const HELP = `Usage: npm run forms [-- --check]

Writes the issue forms in ${FORMS_DIR}/ from the schemas and vocabularies.

  --check      write nothing; exit 1 when a committed form differs
  -h, --help   show this help`;

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = process.cwd();
  const forms = generateForms(loadCatalog(root));
  let stale = 0;
  for (const [name, text] of forms) {
    const path = join(root, FORMS_DIR, name);
    let current: string | undefined;
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (values.check) {
      process.stderr.write(`${FORMS_DIR}/${name} is out of date: run npm run forms\n`);
      stale++;
    } else {
      mkdirSync(join(root, FORMS_DIR), { recursive: true });
      writeFileSync(path, text);
      process.stdout.write(`wrote ${FORMS_DIR}/${name}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`forms: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
