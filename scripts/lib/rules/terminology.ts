import { catalogText } from "../i18n/diagnostics.ts";
import { proseSpans } from "../load/narrative.ts";
import { perObject } from "../memo.ts";
import { isObject } from "../validate/dataset.ts";
import type { TerminologyTerm } from "../vocab.ts";
import type { Rule } from "./rule.ts";

/** Terms the Luxembourg Terminology Guidelines (2016) ask to avoid, with their preferred forms. */
export const terminology: Rule = {
  id: "terminology",
  description:
    'Prose in any language avoids the terms the Luxembourg Terminology Guidelines (2016) ask to avoid, in any of the six UN languages, such as "child pornography", and says what to write instead; quoting a law\'s official title listed in officialTitles is allowed.',
  check(dataset, report) {
    const { compiled, clue, any, candidates } = compiledTerms(dataset.vocabularies.terminology);
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        const value = narrative.frontmatter?.value;
        const titles = (isObject(value) && Array.isArray(value.officialTitles) ? value.officialTitles : []).filter((t): t is string => typeof t === "string");
        for (const span of proseSpans(narrative)) {
          // Most prose has none of the terms: one scan for words every match contains (plain text,
          // quick), or else one scan for all the terms, instead of one per term.
          if (clue && !clue.test(span.text)) continue;
          if (any && !any.test(span.text)) continue;
          // Where some of the words are there ("children" is common), only the terms that need those words are tried.
          const possible = candidates?.(span.text);
          const quoted = quotedRanges(span.text, titles);
          // Every language's terms, whatever the narrative's language: a phrase pasted from another language counts too.
          for (const { term, patterns } of compiled) {
            for (const { pattern, needs, index } of patterns) {
              if (possible && !possible[index]) continue;
              if (!needs.every((need) => need.test(span.text))) continue;
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

/** The terms as the rule runs them, compiled once per vocabulary (a whole run checks each owner with the same one). */
interface CompiledTerms {
  compiled: Array<{ term: TerminologyTerm; patterns: Array<{ pattern: RegExp; needs: RegExp[]; index: number }> }>;
  clue: RegExp | undefined;
  any: RegExp | undefined;
  candidates: ((text: string) => boolean[]) | undefined;
}

const compiledTerms = perObject((terms: readonly TerminologyTerm[]): CompiledTerms => {
  let index = 0;
  const compiled = terms.map((term) => ({
    term,
    patterns: term.avoid.map((source) => ({
      pattern: new RegExp(source, "giu"),
      // The words a match must contain, each looked for alone: a pattern runs only where all are.
      needs: (requiredLiterals(source) ?? []).map((word) => new RegExp(escapeRegExp(word), "iu")),
      index: index++,
    })),
  }));
  const sources = terms.flatMap((term) => term.avoid);
  const clue = literalClue(sources);
  return { compiled, clue, any: clue ? undefined : anyOf(sources), candidates: candidateFinder(sources) };
});

/**
 * Which of the sources can match in a text, as one flag per source, or undefined when some source
 * has no required word (see `literalClue`). Every match of a source contains its longest required
 * word, and that word contains one of the clue's words; the clue is looked for at every place it
 * matches, and each of its words tried there, so a source left out cannot match. One scan and a
 * few words tried where it stops, instead of each source's required words looked for in turn.
 */
export function candidateFinder(sources: readonly string[]): ((text: string) => boolean[]) | undefined {
  const longest = sources.map(requiredLiteral);
  const words = clueWords(longest);
  if (!words) return undefined;
  const scan = new RegExp(words.map(escapeRegExp).join("|"), "giu");
  const at = words.map((word) => new RegExp(escapeRegExp(word), "iuy"));
  // The clue's words inside each source's longest word (at least one: it is kept, or holds a kept one).
  const keys = longest.map((word) => words.flatMap((clue, index) => ((word ?? "").includes(clue) ? [index] : [])));
  return (text) => {
    const found = words.map(() => false);
    scan.lastIndex = 0;
    for (let match = scan.exec(text); match; match = scan.exec(text)) {
      // Every word that matches where the clue did, not only the first branch that did: one may be
      // another in a different case ("Child", "children"). Then on from the next character, so
      // that a word overlapping this match is found too.
      for (const [index, word] of at.entries()) {
        word.lastIndex = match.index;
        if (!found[index] && word.test(text)) found[index] = true;
      }
      scan.lastIndex = match.index + 1;
    }
    return keys.map((indices) => indices.some((index) => found[index]));
  };
}

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

/**
 * An expression of plain words, one taken from each source, that matches wherever one of the
 * sources matches, or undefined when some source has no such word. Every match of a source
 * contains each run of literal characters at its top level (outside groups, classes and
 * quantifiers), and the words are matched with the same flags, so case folding agrees: a text
 * the clue does not match cannot hold a term. A scan for a few words is many times quicker than
 * the terms' own patterns, with their word boundaries and look-behinds at every character.
 */
export function literalClue(sources: readonly string[]): RegExp | undefined {
  const kept = clueWords(sources.map(requiredLiteral));
  if (!kept) return undefined;
  try {
    return new RegExp(kept.map(escapeRegExp).join("|"), "iu");
  } catch {
    return undefined;
  }
}

/** The words of the clue, from each source's longest required word; undefined when a source has none, or there are no sources. */
function clueWords(longest: ReadonlyArray<string | undefined>): string[] | undefined {
  if (longest.length === 0 || longest.some((word) => word === undefined)) return undefined;
  const words = longest as string[];
  // A word that contains another adds nothing: the shorter one already matches there.
  return [...new Set(words)].filter((word, _, all) => !all.some((other) => other !== word && word.includes(other)));
}

/**
 * The longest run of literal characters every match of a pattern (a `u` expression) contains,
 * or undefined when there is none, or when the pattern has a top-level alternative (then no one
 * run is required). One character is enough for a script such as Chinese, where one says much.
 */
export function requiredLiteral(source: string): string | undefined {
  // Counted in characters, not UTF-16 units: a Chinese word is as telling as its length says.
  let longest: string | undefined;
  for (const word of requiredLiterals(source) ?? []) if (longest === undefined || Array.from(word).length > Array.from(longest).length) longest = word;
  return longest;
}

/**
 * Every run of literal characters at the top level of a pattern (outside groups, classes and
 * quantifiers), each of which every match contains, or undefined when the pattern has a top-level
 * alternative.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const characters = [...source];
  const runs: string[] = [];
  let run: string[] = [];
  let depth = 0;
  const end = () => {
    if (run.length > 0) runs.push(run.join(""));
    run = [];
  };
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as string;
    if (character === "\\") {
      // An escape is a class, an assertion or one character: never part of a run, and skipped whole.
      const next = characters[index + 1] ?? "";
      if (/[pPu]/.test(next) && characters[index + 2] === "{") index = characters.indexOf("}", index);
      else if (next === "k" && characters[index + 2] === "<") index = characters.indexOf(">", index);
      else if (next === "u") index += 5;
      else if (next === "x") index += 3;
      else if (next === "c") index += 2;
      else index += 1;
      if (index < 0) return undefined;
      if (depth === 0) end();
    } else if (character === "[") {
      for (index++; index < characters.length && characters[index] !== "]"; index++) if (characters[index] === "\\") index++;
      if (depth === 0) end();
    } else if (character === "(") {
      if (depth === 0) end();
      depth++;
    } else if (character === ")") {
      depth--;
    } else if (character === "|") {
      if (depth === 0) return undefined;
    } else if ("?*+{".includes(character)) {
      // A quantifier makes the character before it optional or repeated: the run ends before it.
      if (depth === 0) {
        run.pop();
        end();
      }
      if (character === "{") index = characters.indexOf("}", index);
      if (index < 0) return undefined;
    } else if (".^$".includes(character)) {
      if (depth === 0) end();
    } else if (depth === 0) {
      run.push(character);
    }
  }
  end();
  return runs;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
