// Regenerates schemas/vocab/countries.json from the reference table. No logic here:
// scripts/lib/vocab/countries-table.ts decides, this file reads, writes and reports.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildCountriesVocabulary, formatVocabulary } from "../lib/vocab/countries-table.ts";

const HELP = `Usage: tsx scripts/cli/generate-countries.ts [--check]

Builds schemas/vocab/countries.json from schemas/reference/itu-regions.csv and
itu-regions-non-un.csv (edit those, and the names in scripts/lib/vocab/countries-table.ts,
never the JSON).

  --check   write nothing; exit 1 if countries.json is not what the table gives
  --help    show this text
`;

const root = fileURLToPath(new URL("../../", import.meta.url));
const target = `${root}schemas/vocab/countries.json`;
const args = process.argv.slice(2);

if (args.includes("--help") || args.some((arg) => arg !== "--check")) {
  const unknown = args.find((arg) => arg !== "--check" && arg !== "--help");
  if (unknown) {
    process.stderr.write(`Unknown option ${unknown}\n\n${HELP}`);
    process.exitCode = 2;
  } else {
    process.stdout.write(HELP);
  }
} else {
  try {
    const text = formatVocabulary(
      buildCountriesVocabulary(
        readFileSync(`${root}schemas/reference/itu-regions.csv`, "utf8"),
        readFileSync(`${root}schemas/reference/itu-regions-non-un.csv`, "utf8"),
      ),
    );
    if (args.includes("--check")) {
      let current = "";
      try {
        current = readFileSync(target, "utf8");
      } catch {
        // A missing file is simply out of date.
      }
      if (current === text) {
        process.stdout.write("schemas/vocab/countries.json is up to date.\n");
      } else {
        process.stderr.write("schemas/vocab/countries.json is out of date: run tsx scripts/cli/generate-countries.ts\n");
        process.exitCode = 1;
      }
    } else {
      writeFileSync(target, text);
      process.stdout.write("Wrote schemas/vocab/countries.json.\n");
    }
  } catch (error) {
    process.stderr.write(`generate-countries: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
