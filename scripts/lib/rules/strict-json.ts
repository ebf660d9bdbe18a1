import type { Rule } from "./rule.ts";

/** JSON files parse strictly: no byte-order mark, no trailing content, no duplicate keys. */
export const strictJson: Rule = {
  id: "strict-json",
  description: "JSON files are plain, strict JSON: no byte-order mark, no comments or trailing commas, no text after the data, no key twice in one object.",
  check(dataset, report) {
    for (const file of dataset.files) {
      if (!file.endsWith(".json")) continue;
      for (const problem of dataset.json(file)?.problems ?? []) report(problem);
    }
  },
};
