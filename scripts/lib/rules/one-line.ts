import { fieldName } from "../load/positions.ts";
import type { Rule } from "./rule.ts";
import { activityValues, profileValues, strings } from "./values.ts";

/** Line breaks, and the Unicode line and paragraph separators that some readers also break at. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

function breakName(text: string): string {
  return text === "\u2028" ? "a line separator (U+2028)" : text === "\u2029" ? "a paragraph separator (U+2029)" : "a line break";
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
            message: `${fieldName(pointer)}: this text must be on one line, but it holds ${breakName(found[0])}.`,
            hint: "In JSON a line break is written \\n: remove it and join the lines with a space.",
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
              message: `${fieldName(pointer)}: this text must be on one line, but it holds ${breakName(found[0])}.`,
              hint: "Write the value on the line of its key (summary: Text ...). A block started with > or | keeps a line break at its end: write >- instead, or one long line.",
            });
        }
      }
    }
  },
};
