import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Position } from "../diagnostics.ts";
import { perObject } from "../memo.ts";
import { type ParsedFrontmatter, parseFrontmatter, type SplitNarrative, splitNarrative } from "./frontmatter.ts";
import { type LimitProblem, markdownProblem } from "./limits.ts";
import { parsePlainMarkdown } from "./plain-markdown.ts";
import { LineIndex } from "./positions.ts";

/**
 * A <lang>.md file: its frontmatter and its Markdown tree, with positions in the whole file.
 *
 * This is the one parse of a narrative: the validator's rules share it, and the site build can
 * reuse it (`Dataset.narrative(path)` or `parseNarrative`) instead of parsing the file again.
 * The Markdown body is parsed on first use of `tree` (a plain body without the full parser, to the
 * same tree: see plain-markdown.ts), so code that needs only the frontmatter
 * (titles for the duplicates rule, the facts index) never pays for a Markdown parse.
 */
export interface ParsedNarrative {
  file: string;
  lang: string;
  text: string;
  split: SplitNarrative;
  /** Undefined when the file has no frontmatter block. */
  frontmatter: ParsedFrontmatter | undefined;
  /** The mdast tree of the body (remark-parse with remark-gfm), parsed on first access and kept; empty when `bodyProblem` is set. */
  readonly tree: Root;
  /** Where the body crosses a bound the parser cannot handle quickly (see limits.ts): it is then left unparsed, with an empty tree. */
  readonly bodyProblem: LimitProblem | undefined;
  /** Converts an offset in `split.body` to a position in the file. */
  bodyPosition(offset: number): Position;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses a narrative file (the body lazily, see `ParsedNarrative`). Never throws on bad content:
 * problems are in `frontmatter.problems`, and a body too deeply nested or too heavy for the
 * Markdown parser is `bodyProblem`.
 */
export function parseNarrative(text: string, file: string, lang: string): ParsedNarrative {
  const split = splitNarrative(text);
  const frontmatter = split.yaml === undefined ? undefined : parseFrontmatter(split.yaml, split.yamlLine, file);
  let tree: Root | undefined;
  let bodyProblem: LimitProblem | undefined | null = null;
  // A linear scan, run before the parser would (and only when the body is needed at all).
  const problem = () => {
    if (bodyProblem === null) bodyProblem = markdownProblem(split.body);
    return bodyProblem;
  };
  let lines: LineIndex | undefined;
  return {
    file,
    lang,
    text,
    split,
    frontmatter,
    get tree() {
      // Most bodies are plain enough to read without the parser, with the same tree (plain-markdown.ts).
      tree ??= problem() ? { type: "root", children: [] } : (parsePlainMarkdown(split.body) ?? markdown.parse(split.body));
      return tree;
    },
    get bodyProblem() {
      return problem();
    },
    bodyPosition(offset) {
      lines ??= new LineIndex(split.body);
      const { line, column } = lines.position(offset);
      return { line: line + split.bodyLine - 1, column };
    },
  };
}

/** A stretch of prose a reader sees, with a way back to its place in the file. */
export interface ProseSpan {
  text: string;
  where: "title" | "summary" | "body";
  position(offset: number): Position;
}

/** A node of a narrative's Markdown tree, as the rules read it. */
export type BodyNode = Root | RootContent;

/**
 * Every node of a narrative's tree in document order (a node before its children), listed once
 * and kept: several rules look at the same tree, and one walk over a flat list is cheaper for
 * each than a visit of the tree of its own.
 */
export const bodyNodes = perObject((narrative: ParsedNarrative): readonly BodyNode[] => {
  const found: BodyNode[] = [];
  const walk = (node: BodyNode) => {
    found.push(node);
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(narrative.tree);
  return found;
});

/**
 * The prose of a narrative: the title, the summary and the text of the body, without code,
 * raw HTML or link targets. Body spans are the source text of each text node, so offsets are exact.
 * Computed once per narrative and shared by the rules that read prose.
 */
export const proseSpans = perObject((narrative: ParsedNarrative): readonly ProseSpan[] => {
  const spans: ProseSpan[] = [];
  const value = narrative.frontmatter?.value as Record<string, unknown> | undefined;
  for (const where of ["title", "summary"] as const) {
    const text = value?.[where];
    if (typeof text !== "string" || !narrative.frontmatter) continue;
    const start = narrative.frontmatter.positions.valueAt(`/${where}`);
    const quoted = /^["']/.test(lineOf(narrative.text, start.line)?.slice(start.column - 1) ?? "");
    spans.push({
      text,
      where,
      // Exact on a plain or quoted one-line value; a folded value points at its start.
      position: (offset) => (text.includes("\n") ? start : { line: start.line, column: start.column + offset + (quoted ? 1 : 0) }),
    });
  }
  const body = narrative.split.body;
  const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html") return;
    if (node.type === "text" && node.position) {
      const start = node.position.start.offset ?? 0;
      const end = node.position.end.offset ?? start;
      spans.push({ text: body.slice(start, end), where: "body", position: (offset) => narrative.bodyPosition(start + offset) });
      return;
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(narrative.tree);
  return spans;
});

/** The text of a line (1-based) of a text, or undefined past its end; without splitting the whole text into lines. */
function lineOf(text: string, line: number): string | undefined {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? undefined : end);
}
