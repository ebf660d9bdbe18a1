import type { Heading, Html } from "mdast";
import { visit } from "unist-util-visit";
import type { ParsedNarrative } from "../load/narrative.ts";
import { narrativeVersion } from "../narrative-version.ts";
import { isObject } from "../validate/dataset.ts";
import type { Report, Rule } from "./rule.ts";

/** The original narrative exists; translations say what they translate; bodies are plain Markdown in heading order. */
export const narratives: Rule = {
  id: "narratives",
  description:
    "Each entry has its original-language narrative; every other <lang>.md is a translation that names the original's version and the method; the original is not marked as a translation; out-of-date translations are flagged; bodies have no raw HTML, headings start at ## without skipping levels, and lists, quotes and formatting stay within what a story needs (no more than 16 levels of nesting, 3,000 lines, 1,000 formatting marks a paragraph).",
  check(dataset, report) {
    for (const entry of dataset.entries) {
      const narratives = dataset.narratives(entry);
      for (const narrative of narratives.values()) checkBody(narrative, report);
      const activity = dataset.activity(entry);
      const original = activity?.value?.originalLanguage;
      if (typeof original !== "string" || !activity) continue;
      const source = narratives.get(original);
      const languageName = dataset.vocabularies.lists.get("languages")?.terms.get(original)?.labels.en ?? original;
      if (!source) {
        report({
          file: activity.file,
          ...activity.parsed.positions.valueAt("/originalLanguage"),
          message: `The original narrative ${original}.md is missing: originalLanguage says the entry is written in ${languageName}.`,
          hint: `Add ${entry.dir}/${original}.md, or set originalLanguage to the language the story was first written in.`,
        });
      }
      // Without the original, every other file would look like a broken translation: one problem is enough.
      if (!source) continue;
      const version = versionOf(source);
      for (const [lang, narrative] of narratives) {
        const frontmatter = narrative.frontmatter;
        if (!frontmatter || !isObject(frontmatter.value)) continue;
        const translation = frontmatter.value.translation;
        if (lang === original) {
          if (translation !== undefined) {
            report({
              file: narrative.file,
              ...frontmatter.positions.keyAt("/translation"),
              message: `This is the original (originalLanguage is "${original}"), so it must not have translation:.`,
              hint: "Remove the translation: block, or correct originalLanguage in activity.json.",
            });
          }
          continue;
        }
        if (!isObject(translation)) {
          if (translation === undefined) {
            report({
              file: narrative.file,
              line: frontmatter.positions.valueAt("").line,
              column: 1,
              message: `This is a translation of ${original}.md, so its frontmatter needs translation: with from, version and method.`,
              hint: `Add:\ntranslation:\n  from: ${original}\n  version: "${version ?? "<the version printed for the original>"}"\n  method: human   # or machine, or reviewed`,
            });
          }
          continue;
        }
        if (typeof translation.from === "string" && translation.from !== original) {
          report({
            file: narrative.file,
            ...frontmatter.positions.valueAt("/translation/from"),
            message: `translation.from is "${translation.from}", but the original is ${original}.md.`,
            hint: `Set from: ${original}.`,
          });
        } else if (version && typeof translation.version === "string" && /^[0-9a-f]{12}$/.test(translation.version) && translation.version !== version) {
          report({
            file: narrative.file,
            ...frontmatter.positions.valueAt("/translation/version"),
            severity: "warning",
            message: `This translation may be out of date: it translates version ${translation.version} of ${original}.md, which is now version ${version}.`,
            hint: `Bring the translation up to date with ${original}.md, then set version: "${version}".`,
          });
        }
      }
    }
  },
};

/** The fingerprint of a narrative as it is now, or undefined when its frontmatter is not usable. */
export function versionOf(narrative: ParsedNarrative): string | undefined {
  const value = narrative.frontmatter?.value;
  if (!isObject(value) || typeof value.title !== "string" || typeof value.summary !== "string") return undefined;
  return narrativeVersion(value.title, value.summary, narrative.split.body);
}

function checkBody(narrative: ParsedNarrative, report: Report): void {
  if (!narrative.frontmatter) {
    report({
      file: narrative.file,
      line: 1,
      column: 1,
      message: "This narrative has no frontmatter.",
      hint: "Start the file with a line ---, then title: and summary: lines, then another line ---.",
    });
  }
  if (narrative.bodyProblem) {
    report({
      file: narrative.file,
      ...narrative.bodyPosition(narrative.bodyProblem.offset),
      message: narrative.bodyProblem.message,
      hint: narrative.bodyProblem.hint,
    });
  }
  if (narrative.split.body.trim() === "") {
    report({
      file: narrative.file,
      ...narrative.bodyPosition(0),
      severity: "warning",
      message: "The narrative has no text below the frontmatter.",
      hint: "Tell the story: context, what was done, results, lessons learned.",
    });
  }
  let previous = 1;
  visit(narrative.tree, (node) => {
    const at = narrative.bodyPosition(node.position?.start.offset ?? 0);
    if (node.type === "html") {
      const html = (node as Html).value.trim().slice(0, 40);
      report({
        file: narrative.file,
        ...at,
        message: `Raw HTML is not allowed in a narrative: ${JSON.stringify(html)}.`,
        hint: "Use Markdown: **bold**, *italic*, [text](https://...), lists with -.",
      });
    } else if (node.type === "heading") {
      const depth = (node as Heading).depth;
      if (depth === 1) {
        report({
          file: narrative.file,
          ...at,
          message: "A top-level heading (# ...) is not allowed: the title comes from the frontmatter.",
          hint: "Start sections with ## (Context, What was done, Results, Lessons learned).",
        });
      } else if (depth > previous + 1) {
        report({
          file: narrative.file,
          ...at,
          message: `The heading jumps from level ${previous} to level ${depth}.`,
          hint: `Use ${"#".repeat(previous + 1)} here, so that screen readers and the table of contents follow the structure.`,
        });
      }
      previous = depth;
    }
  });
}
