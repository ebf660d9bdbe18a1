import { fieldName, LineIndex } from "../load/positions.ts";
import { FORBIDDEN_CHARACTERS, findForbidden, findInvisibleInId, findSuspiciousInProse } from "./characters.ts";
import type { Rule } from "./rule.ts";
import { activityValues, keys, profileValues, strings } from "./values.ts";

/** Fields whose values are identifiers or addresses, where no invisible character is acceptable. */
const ID_FIELDS = new Set(["url", "email", "phone", "login", "acronym"]);

/** No hidden characters where they could deceive, and text in Unicode normal form C. */
export const unicode: Rule = {
  id: "unicode",
  description:
    "Control characters, noncharacters and lone surrogates are errors everywhere; bidirectional overrides and zero-width characters are errors in file names, keys, identifiers and web addresses and warnings in prose; text is in Unicode normal form C (NFC).",
  check(dataset, report) {
    for (const file of dataset.files) {
      const found = findInvisibleInId(file);
      if (found)
        report({
          file,
          line: 1,
          column: 1,
          message: `The file path contains an invisible ${found.name}, which can make a name look like another.`,
          hint: "Retype the folder and file names with plain letters, digits and hyphens.",
        });
      const text = dataset.file(file)?.text;
      if (text !== undefined && text !== text.normalize("NFC")) {
        const index = firstDifference(text, text.normalize("NFC"));
        report({
          file,
          ...new LineIndex(text).position(index),
          severity: "warning",
          message: "The text is not in Unicode normal form C (NFC): letters with accents are stored as two characters.",
          hint: "Run `npm run format` to fix it; it changes nothing you can see.",
        });
      }
    }
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      for (const { pointer, key } of keys(value)) {
        const found = findInvisibleInId(key);
        if (found)
          report({ file, ...positions.keyAt(pointer), message: `The key "${visible(key)}" contains an invisible ${found.name}.`, hint: "Retype the key." });
      }
      for (const { pointer, key, text } of strings(value)) {
        const forbidden = findForbidden(text);
        if (forbidden) {
          report({ file, ...positions.valueAt(pointer), ...forbiddenProblem(fieldName(pointer), forbidden.name) });
          continue;
        }
        const isId = ID_FIELDS.has(key) || !/\s/.test(text);
        const found = isId ? findInvisibleInId(text) : findSuspiciousInProse(text);
        if (found) {
          report({
            file,
            ...positions.valueAt(pointer),
            severity: isId ? "error" : "warning",
            message: `"${visible(text).slice(0, 60)}" contains an invisible ${found.name}.`,
            hint: isId
              ? "Retype the value: identifiers and addresses must be plain."
              : "Check that the text shows as intended; remove the character unless it is needed.",
          });
        }
      }
    }
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        const forbidden = findForbidden(narrative.text);
        if (forbidden) {
          report({ file: narrative.file, ...new LineIndex(narrative.text).position(forbidden.index), ...forbiddenProblem("The text", forbidden.name) });
        }
        const frontmatter = narrative.frontmatter;
        // Escapes in double-quoted YAML ("\u001b") make characters the file itself does not show.
        for (const { pointer, text } of frontmatter ? strings(frontmatter.value) : []) {
          const escaped = findForbidden(text);
          if (escaped && frontmatter)
            report({ file: narrative.file, ...frontmatter.positions.valueAt(pointer), ...forbiddenProblem(fieldName(pointer), escaped.name) });
        }
        const found = findSuspiciousInProse(narrative.text.replace(FORBIDDEN_CHARACTERS, " "));
        if (found) {
          report({
            file: narrative.file,
            ...new LineIndex(narrative.text).position(found.index),
            severity: "warning",
            message: `The text contains an invisible ${found.name}: it can make the text display differently from what it says.`,
            hint: "Remove it unless it is needed; Arabic and other right-to-left text does not need it.",
          });
        }
      }
    }
  },
};

/** The error for a character no published text may hold, in `where` (a field name, or "The text"). */
function forbiddenProblem(where: string, name: string): { message: string; hint: string } {
  return {
    message: `${where} contains a ${name}, which cannot be published: feeds cannot carry it and pages and terminals would misread it.`,
    hint: "Delete the character: it is invisible, or shows as a box. Retype the text around it if you cannot find it.",
  };
}

/** Shows invisible characters as their code points, so a message never hides them. */
export function visible(text: string): string {
  return text.replace(
    /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu,
    (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`,
  );
}

function firstDifference(a: string, b: string): number {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return index;
}
