import { CODEOWNERS_PATH, CONFIG_PATH, checkCodeowners, checkCodeownersCurrent, renderCodeowners, reviewerProfilesIn, secretariatIn } from "../codeowners.ts";
import type { Rule } from "./rule.ts";

/** GitHub's own code-owner review enforces the same reviewers as the bot only while CODEOWNERS is current. */
export const codeowners: Rule = {
  id: "codeowners",
  description: ".github/CODEOWNERS is valid for GitHub and is what `npm run codeowners` generates from the reviewer lists in the profiles.",
  scope: "repository",
  check(dataset, report) {
    // Only where the repository has the configuration, and only when profiles are part of the run.
    if (!dataset.source.exists(CONFIG_PATH)) return;
    if (!dataset.complete && dataset.profiles.length === 0) return;
    const committed = dataset.source.read(CODEOWNERS_PATH)?.text;
    const secretariat = secretariatIn(dataset.source);
    const expected = renderCodeowners(reviewerProfilesIn(dataset.source), secretariat);
    const problems = [...checkCodeownersCurrent(committed, expected), ...(committed === undefined ? [] : checkCodeowners(committed, secretariat))];
    for (const { ruleId: _ruleId, ...problem } of problems) report(problem);
  },
};
