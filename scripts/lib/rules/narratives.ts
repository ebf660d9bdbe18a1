import { catalogText } from "../i18n/diagnostics.ts";
import { bodyNodes, type ParsedNarrative } from "../load/narrative.ts";
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
      // The language's name in each of the six: "written in Arabic", "написана на языке «арабский»".
      const languageName = dataset.vocabularies.lists.get("languages")?.terms.get(original)?.labels ?? { en: original };
      if (!source) {
        report({
          file: activity.file,
          ...activity.parsed.positions.valueAt("/originalLanguage"),
          ...catalogText(
            { key: "narratives.noOriginal", values: { file: `${original}.md`, language: languageName } },
            { key: "narratives.noOriginalHint", values: { path: `${entry.dir}/${original}.md` } },
          ),
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
              ...catalogText({ key: "narratives.originalMarked", values: { lang: original } }, { key: "narratives.originalMarkedHint" }),
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
              ...catalogText(
                { key: "narratives.noTranslation", values: { file: `${original}.md` } },
                version
                  ? { key: "narratives.noTranslationHint", values: { lang: { verbatim: original }, version: { verbatim: version } } }
                  : { key: "narratives.noTranslationHintUnknown", values: { lang: { verbatim: original } } },
              ),
            });
          }
          continue;
        }
        if (typeof translation.from === "string" && translation.from !== original) {
          report({
            file: narrative.file,
            ...frontmatter.positions.valueAt("/translation/from"),
            ...catalogText(
              { key: "narratives.wrongFrom", values: { from: translation.from, file: `${original}.md` } },
              { key: "narratives.wrongFromHint", values: { lang: original } },
            ),
          });
        } else if (version && typeof translation.version === "string" && /^[0-9a-f]{12}$/.test(translation.version) && translation.version !== version) {
          report({
            file: narrative.file,
            ...frontmatter.positions.valueAt("/translation/version"),
            severity: "warning",
            ...catalogText(
              { key: "narratives.outOfDate", values: { translated: translation.version, file: `${original}.md`, version } },
              { key: "narratives.outOfDateHint", values: { file: `${original}.md`, version } },
            ),
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
      ...catalogText({ key: "narratives.noFrontmatter" }, { key: "narratives.noFrontmatterHint" }),
    });
  }
  if (narrative.bodyProblem) {
    const { offset, ...words } = narrative.bodyProblem;
    report({ file: narrative.file, ...narrative.bodyPosition(offset), ...words });
  }
  if (narrative.split.body.trim() === "") {
    report({
      file: narrative.file,
      ...narrative.bodyPosition(0),
      severity: "warning",
      ...catalogText({ key: "narratives.empty" }, { key: "narratives.emptyHint" }),
    });
  }
  let previous = 1;
  for (const node of bodyNodes(narrative)) {
    // Only raw HTML and headings are reported: the position is looked up for them alone.
    if (node.type === "html") {
      const html = node.value.trim().slice(0, 40);
      report({
        file: narrative.file,
        ...narrative.bodyPosition(node.position?.start.offset ?? 0),
        ...catalogText({ key: "narratives.html", values: { html: JSON.stringify(html) } }, { key: "narratives.htmlHint" }),
      });
    } else if (node.type === "heading") {
      const depth = node.depth;
      if (depth === 1) {
        report({
          file: narrative.file,
          ...narrative.bodyPosition(node.position?.start.offset ?? 0),
          ...catalogText({ key: "narratives.topHeading" }, { key: "narratives.topHeadingHint" }),
        });
      } else if (depth > previous + 1) {
        report({
          file: narrative.file,
          ...narrative.bodyPosition(node.position?.start.offset ?? 0),
          ...catalogText(
            { key: "narratives.headingJump", values: { from: previous, to: depth } },
            { key: "narratives.headingJumpHint", values: { marks: "#".repeat(previous + 1) } },
          ),
        });
      }
      previous = depth;
    }
  }
}
