import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageRef } from "../i18n/messages.ts";
import { fieldName, LineIndex } from "../load/positions.ts";
import { FORBIDDEN_CHARACTERS, findForbidden, findInvisibleInId, findSuspiciousInProse, mayHoldHidden } from "./characters.ts";
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
          ...catalogText({ key: "unicode.inPath", values: { character: found.name } }, { key: "unicode.inPathHint" }),
        });
      const text = dataset.file(file)?.text;
      if (text !== undefined && text !== text.normalize("NFC")) {
        const index = firstDifference(text, text.normalize("NFC"));
        report({
          file,
          ...new LineIndex(text).position(index),
          severity: "warning",
          ...catalogText({ key: "unicode.notNfc" }, { key: "unicode.notNfcHint" }),
        });
      }
    }
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      for (const { pointer, key } of keys(value)) {
        const found = findInvisibleInId(key);
        if (found)
          report({
            file,
            ...positions.keyAt(pointer),
            ...catalogText({ key: "unicode.inKey", values: { key: visible(key), character: found.name } }, { key: "unicode.inKeyHint" }),
          });
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
            ...catalogText(
              { key: "unicode.inValue", values: { value: visible(text).slice(0, 60), character: found.name } },
              { key: isId ? "unicode.inIdHint" : "unicode.inProseValueHint" },
            ),
          });
        }
      }
    }
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        // Most narratives hold no hidden character at all: one quick scan says so, for the two checks of the text.
        const hidden = mayHoldHidden(narrative.text);
        const forbidden = hidden ? findForbidden(narrative.text) : undefined;
        if (forbidden) {
          report({ file: narrative.file, ...new LineIndex(narrative.text).position(forbidden.index), ...forbiddenProblem(undefined, forbidden.name) });
        }
        const frontmatter = narrative.frontmatter;
        // Escapes in double-quoted YAML ("\u001b") make characters the file itself does not show.
        for (const { pointer, text } of frontmatter ? strings(frontmatter.value) : []) {
          const escaped = findForbidden(text);
          if (escaped && frontmatter)
            report({ file: narrative.file, ...frontmatter.positions.valueAt(pointer), ...forbiddenProblem(fieldName(pointer), escaped.name) });
        }
        // Forbidden characters are reported above, not again as suspicious; most texts have none, and are scanned as they are.
        const found = hidden ? findSuspiciousInProse(forbidden ? narrative.text.replace(FORBIDDEN_CHARACTERS, " ") : narrative.text) : undefined;
        if (found) {
          report({
            file: narrative.file,
            ...new LineIndex(narrative.text).position(found.index),
            severity: "warning",
            ...catalogText({ key: "unicode.inProse", values: { character: found.name } }, { key: "unicode.inProseHint" }),
          });
        }
      }
    }
  },
};

/** The error for a character no published text may hold, in `where` (a field name, or "The text"). */
/** A character that cannot be published, in a field (its name) or in the text of a narrative (undefined). */
function forbiddenProblem(field: string | undefined, name: MessageRef) {
  return catalogText(
    field === undefined ? { key: "unicode.forbiddenInText", values: { character: name } } : { key: "unicode.forbidden", values: { field, character: name } },
    { key: "unicode.forbiddenHint" },
  );
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
