import type { Rule } from "./rule.ts";

/** Frontmatter is plain YAML: no aliases or anchors, no tags, no duplicate keys. */
export const safeYaml: Rule = {
  id: "safe-yaml",
  description: "The frontmatter of a narrative is plain YAML: no anchors or aliases, no tags such as !!js/function, no key twice.",
  check(dataset, report) {
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        for (const problem of narrative.frontmatter?.problems ?? []) report(problem);
      }
    }
  },
};
