import { catalogText } from "../i18n/diagnostics.ts";
import { proseSpans } from "../load/narrative.ts";
import { isObject } from "../validate/dataset.ts";
import type { Rule } from "./rule.ts";

/** Terms the Luxembourg Terminology Guidelines (2016) ask to avoid, with their preferred forms. */
export const terminology: Rule = {
  id: "terminology",
  description:
    'Prose in any language avoids the terms the Luxembourg Terminology Guidelines (2016) ask to avoid, in any of the six UN languages, such as "child pornography", and says what to write instead; quoting a law\'s official title listed in officialTitles is allowed.',
  check(dataset, report) {
    const compiled = dataset.vocabularies.terminology.map((term) => ({
      term,
      patterns: term.avoid.map((source) => new RegExp(source, "giu")),
    }));
    const any = anyOf(dataset.vocabularies.terminology.flatMap((term) => term.avoid));
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        const value = narrative.frontmatter?.value;
        const titles = (isObject(value) && Array.isArray(value.officialTitles) ? value.officialTitles : []).filter((t): t is string => typeof t === "string");
        for (const span of proseSpans(narrative)) {
          // Most prose has none of the terms: one scan for all of them, instead of one per term.
          if (any && !any.test(span.text)) continue;
          const quoted = quotedRanges(span.text, titles);
          // Every language's terms, whatever the narrative's language: a phrase pasted from another language counts too.
          for (const { term, patterns } of compiled) {
            for (const pattern of patterns) {
              for (const match of span.text.matchAll(pattern)) {
                const start = match.index ?? 0;
                // Report the whole word: a pattern may stop at a stem ("child porn" in "child pornography").
                const end = start + match[0].length + (/^[\p{L}\p{M}]*/u.exec(span.text.slice(start + match[0].length))?.[0].length ?? 0);
                const found = span.text.slice(start, end);
                if (quoted.some(([from, to]) => start >= from && end <= to)) continue;
                report({
                  file: narrative.file,
                  ...span.position(start),
                  severity: term.severity,
                  ...catalogText(
                    { key: term.severity === "error" ? "terminology.avoid" : "terminology.care", values: { found, prefer: term.prefer } },
                    { key: "terminology.quotedTitleHint" },
                  ),
                });
              }
            }
          }
        }
      }
    }
  },
};

/**
 * One expression that matches where any of the sources matches (an alternation finds a match
 * wherever one of its branches does), or undefined when the sources cannot be joined safely:
 * a back-reference or named group would change meaning once the groups are numbered together.
 */
export function anyOf(sources: readonly string[]): RegExp | undefined {
  if (sources.length === 0 || sources.some((source) => /\\[1-9]|\\k<|\(\?<[^=!]/.test(source))) return undefined;
  try {
    return new RegExp(sources.map((source) => `(?:${source})`).join("|"), "iu");
  } catch {
    return undefined;
  }
}

/** Where the official titles occur in a text, so that terms inside them are allowed. */
function quotedRanges(text: string, titles: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  for (const title of titles) {
    const wanted = title.toLowerCase();
    for (let index = lower.indexOf(wanted); index !== -1; index = lower.indexOf(wanted, index + 1)) {
      ranges.push([index, index + wanted.length]);
    }
  }
  return ranges;
}
