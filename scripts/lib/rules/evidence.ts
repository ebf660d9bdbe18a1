import { catalogText } from "../i18n/diagnostics.ts";
import type { Rule } from "./rule.ts";
import { activityValues } from "./values.ts";

/** A good practice is a case study whose results are evidenced: the bar that keeps the label meaningful. */
export const evidence: Rule = {
  id: "evidence",
  description: "An entry of kind good-practice links to its evidence: at least one link of type evaluation (an evaluation, audit or published results).",
  check(dataset, report) {
    for (const { file, value, positions } of activityValues(dataset)) {
      if (value.kind !== "good-practice") continue;
      const list = Array.isArray(value.links) ? value.links : [];
      if (list.some((link) => (link as { type?: unknown } | null)?.type === "evaluation")) continue;
      report({
        file,
        ...positions.valueAt("/kind"),
        ...catalogText({ key: "evidence.missing" }, { key: "evidence.missingHint" }),
      });
    }
  },
};
