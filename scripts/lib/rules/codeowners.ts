import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CODEOWNERS_PATH, checkCodeowners, checkCodeownersCurrent, readReviewerProfiles, readSecretariat, renderCodeowners } from "../codeowners.ts";
import type { Rule } from "../validate/dataset.ts";

const CONFIG = ".github/cop-atlas.json";

/** GitHub's own code-owner review enforces the same reviewers as the bot only while CODEOWNERS is current. */
export const codeowners: Rule = {
  id: "codeowners",
  description: ".github/CODEOWNERS is valid for GitHub and is what `npm run codeowners` generates from the reviewer lists in the profiles.",
  check(dataset, report) {
    // Only where the repository has the configuration, and only when profiles are part of the run.
    if (!existsSync(join(dataset.root, CONFIG))) return;
    if (!dataset.complete && dataset.profiles.length === 0) return;
    const path = join(dataset.root, CODEOWNERS_PATH);
    const committed = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    const secretariat = readSecretariat(dataset.root);
    const expected = renderCodeowners(readReviewerProfiles(dataset.root), secretariat);
    const problems = [...checkCodeownersCurrent(committed, expected), ...(committed === undefined ? [] : checkCodeowners(committed, secretariat))];
    for (const { ruleId: _ruleId, ...problem } of problems) report(problem);
  },
};
