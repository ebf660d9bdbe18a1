import { catalogText } from "../i18n/diagnostics.ts";
import { fieldName } from "../load/positions.ts";
import type { Rule } from "./rule.ts";
import { activityValues, profileValues, strings } from "./values.ts";

/** Line breaks, and the Unicode line and paragraph separators that some readers also break at. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/** Which break it is, as a branch of the catalog's "oneLine.break" message. */
function breakName(text: string): string {
  return text === "\u2028" ? "line" : text === "\u2029" ? "paragraph" : "break";
}

/**
 * Every value in the JSON files and the frontmatter is one line of text: the CSV keeps each entry
 * on one row only when no title, summary or name holds a line break (a folded YAML block adds one
 * at its end), and feeds and pages show them on one line anyway.
 */
export const oneLine: Rule = {
  id: "one-line",
  description:
    "Titles, summaries, names and every other value in activity.json, the profiles and the narratives' frontmatter are one line of text, with no line break, so that an entry stays one row of the CSV and one line in a feed.",
  check(dataset, report) {
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      for (const { pointer, text } of strings(value)) {
        const found = LINE_BREAK.exec(text);
        if (found)
          report({
            file,
            ...positions.valueAt(pointer),
            ...catalogText({ key: "oneLine.found", values: { field: fieldName(pointer), kind: breakName(found[0]) } }, { key: "oneLine.jsonHint" }),
          });
      }
    }
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        const frontmatter = narrative.frontmatter;
        if (!frontmatter) continue;
        for (const { pointer, text } of strings(frontmatter.value)) {
          const found = LINE_BREAK.exec(text);
          if (found)
            report({
              file: narrative.file,
              ...frontmatter.positions.valueAt(pointer),
              ...catalogText({ key: "oneLine.found", values: { field: fieldName(pointer), kind: breakName(found[0]) } }, { key: "oneLine.yamlHint" }),
            });
        }
      }
    }
  },
};
