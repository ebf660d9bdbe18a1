import { catalogText } from "../i18n/diagnostics.ts";
import type { Rule } from "./rule.ts";

/**
 * A file the tool cannot read is one diagnostic, not a crash of every rule that needs it. It is a
 * problem of the machine (permissions, a failing disk), so validate ends with exit code 2.
 */
export const readable: Rule = {
  id: "readable",
  description:
    "Every file of the data can be read: a file that cannot be opened (no permission, a disk error) is reported once, and validate then exits with code 2 because its checks are incomplete.",
  check(dataset, report) {
    for (const file of dataset.files) {
      const reason = dataset.file(file)?.unreadable;
      if (reason)
        report({
          file,
          line: 1,
          column: 1,
          ...catalogText({ key: "readable.unreadable", values: { reason } }, { key: "readable.unreadableHint" }),
        });
    }
  },
};
