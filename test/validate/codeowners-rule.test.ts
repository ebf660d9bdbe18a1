import { afterEach, expect, test } from "vitest";
import { codeowners } from "../../scripts/lib/rules/codeowners.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { makeRepo, type TempRepo } from "../support/repo.ts";

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const CONFIG = `${JSON.stringify({ secretariat: "@cop-atlas/secretariat", autoMerge: false, botLogin: "cop-atlas-bot[bot]" })}\n`;

function check(root: string) {
  return validateRepository({ root, rules: [codeowners] }).diagnostics.map(({ ruleId, file, line, column, message }) => ({
    ruleId,
    file,
    line,
    column,
    message,
  }));
}

test("a reviewer added to a profile without regenerating CODEOWNERS is an error", () => {
  repo = makeRepo();
  repo.write(".github/cop-atlas.json", CONFIG);
  repo.write(".github/CODEOWNERS", "* @cop-atlas/secretariat\n");
  repo.write("countries/ken/country.json", `${JSON.stringify({ region: "africa", reviewers: [{ login: "ke-reviewer", id: 101 }] }, null, 2)}\n`);
  expect(check(repo.root)).toEqual([
    { ruleId: "codeowners", file: ".github/CODEOWNERS", line: 1, column: 1, message: ".github/CODEOWNERS does not match the reviewer lists in the profiles." },
  ]);
});

test("a missing CODEOWNERS is an error", () => {
  repo = makeRepo();
  repo.write(".github/cop-atlas.json", CONFIG);
  expect(check(repo.root).map((d) => d.message)).toEqual([".github/CODEOWNERS is missing: it must be generated from the reviewer lists."]);
});

test("without the repository configuration the rule stays silent (a data-only checkout)", () => {
  repo = makeRepo();
  expect(check(repo.root)).toEqual([]);
});
