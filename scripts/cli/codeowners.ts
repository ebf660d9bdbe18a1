// npm run codeowners [-- --check]: no logic here; see scripts/lib/codeowners.ts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CODEOWNERS_PATH, checkCodeowners, checkCodeownersCurrent, readReviewerProfiles, readSecretariat, renderCodeowners } from "../lib/codeowners.ts";

const HELP = `Usage: npm run codeowners [-- --check]

Writes ${CODEOWNERS_PATH} from the reviewer lists in countries/*/country.json and
organizations/*/organization.json, with the secretariat from .github/cop-atlas.json.

  --check   write nothing; exit 1 when ${CODEOWNERS_PATH} is out of date
  --help    show this text

Exit codes: 0 done (or current), 1 out of date or invalid, 2 could not run.`;

function main(): number {
  const { values } = parseArgs({ options: { check: { type: "boolean" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = process.cwd();
  const expected = renderCodeowners(readReviewerProfiles(root), readSecretariat(root));
  const problems = checkCodeowners(expected);
  for (const problem of problems) console.error(`${problem.file}:${problem.line}:${problem.column} ${problem.message} [${problem.ruleId}]`);
  if (problems.length > 0) return 1;
  const path = join(root, CODEOWNERS_PATH);
  const committed = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (values.check) {
    const stale = checkCodeownersCurrent(committed, expected);
    for (const problem of stale) console.error(`${problem.file}: ${problem.message}. ${problem.hint ?? ""}`.trim());
    return stale.length > 0 ? 1 : 0;
  }
  if (committed !== expected) writeFileSync(path, expected);
  console.log(committed === expected ? `${CODEOWNERS_PATH} is up to date.` : `Wrote ${CODEOWNERS_PATH}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`codeowners: ${(error as Error).message}`);
  process.exitCode = 2;
}
