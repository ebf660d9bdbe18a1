// A benchmark probe, not a user command: npm run bench runs it (bundled, through
// scripts/bin/launch.mjs, like validate) to time the schema pass alone against ajv-cli.
import { schemaPass } from "../lib/bench/schema-pass.ts";
import { diskSource } from "../lib/load/source.ts";
import { loadCatalog } from "../lib/schema/catalog.ts";
import { diskValidatorStore, validatorFolder } from "../lib/validate/disk-cache.ts";

try {
  const source = diskSource(process.cwd());
  const result = schemaPass(source, loadCatalog(source, { compiled: diskValidatorStore(validatorFolder(import.meta.url)) }));
  process.stdout.write(`${result.files} activity.json checked, ${result.invalid} invalid\n`);
  process.exitCode = result.invalid > 0 ? 1 : 0;
} catch (error) {
  process.stderr.write(`bench-schema-pass: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
