import { Alias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import type { Diagnostic, Position } from "../diagnostics.ts";
import { yamlDepthProblem } from "./limits.ts";
import { LineIndex, PositionIndex, pointerSegment } from "./positions.ts";

/** A Markdown file cut into its YAML frontmatter and its body. */
export interface SplitNarrative {
  /** The YAML between the two `---` lines, or undefined when there is none. */
  yaml: string | undefined;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Character offset of the body in the file. */
  bodyOffset: number;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(\r?\n|$)/m;

/** Separates the frontmatter from the Markdown body without interpreting either. */
export function splitNarrative(text: string): SplitNarrative {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const shift = text.length - source.length;
  const opening = OPENING.exec(source);
  if (!opening) return { yaml: undefined, yamlLine: 1, body: source, bodyLine: 1, bodyOffset: shift };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { yaml: undefined, yamlLine: 1, body: source, bodyLine: 1, bodyOffset: shift };
  const yaml = rest.slice(0, closing.index);
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  const body = source.slice(bodyStart);
  const bodyLine = 1 + (source.slice(0, bodyStart).match(/\n/g)?.length ?? 0);
  return { yaml, yamlLine: 2, body, bodyLine, bodyOffset: bodyStart + shift };
}

/** Parsed frontmatter: the value, positions in the whole file, and YAML problems (rule `safe-yaml`). */
export interface ParsedFrontmatter {
  value: unknown;
  positions: PositionIndex;
  problems: Diagnostic[];
}

/**
 * Reads frontmatter YAML safely: no anchors or aliases (they make "billion laughs" files),
 * no merge keys, unknown tags such as !!js/function are errors, duplicate keys are errors,
 * and warnings count as errors. Only the YAML 1.2 core schema: dates stay text. Nesting deeper
 * than MAX_YAML_DEPTH is one problem, found before the parser runs.
 */
export function parseFrontmatter(yaml: string, firstLine: number, file: string): ParsedFrontmatter {
  const problems: Diagnostic[] = [];
  const positions = new PositionIndex();
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const report = (offset: number, message: string, hint?: string) => {
    const { line, column } = toPosition(offset);
    problems.push({ ruleId: "safe-yaml", severity: "error", file, line, column, message, ...(hint ? { hint } : {}) });
  };

  // Bounded before the YAML parser recurses into it: a stack overflow is not a diagnostic.
  const tooDeep = yamlDepthProblem(yaml);
  if (tooDeep) {
    const { line, column } = new LineIndex(yaml).position(tooDeep.offset);
    problems.push({ ruleId: "safe-yaml", severity: "error", file, line: line + firstLine - 1, column, message: tooDeep.message, hint: tooDeep.hint });
    return { value: undefined, positions, problems };
  }
  const document = parseDocument(yaml, {
    lineCounter,
    schema: "core",
    strict: true,
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  for (const error of [...document.errors, ...document.warnings]) {
    report(error.pos[0], yamlMessage(error.code, error.message), yamlHint(error.code));
  }
  let hasAlias = false;
  // An unknown tag is already reported by the parser, at the tag itself.
  const unknownTags = [...document.errors, ...document.warnings].some((error) => error.code === "TAG_RESOLVE_FAILED");
  visit(document, {
    Node(_key, node) {
      if (node instanceof Alias) {
        hasAlias = true;
        report(node.range?.[0] ?? 0, "YAML aliases (*name) are not allowed in frontmatter.", "Write the value out in full.");
      } else if ((node as { anchor?: string }).anchor) {
        report(node.range?.[0] ?? 0, "YAML anchors (&name) are not allowed in frontmatter.", "Remove the anchor.");
      }
      // A tag the schema knows still changes what a value is (!!binary makes bytes of text): none is needed.
      const tag = (node as { tag?: string }).tag;
      if (tag && !(node instanceof Alias) && !unknownTags) {
        report(
          node.range?.[0] ?? 0,
          `YAML tags (${tag.replace("tag:yaml.org,2002:", "!!")}) are not allowed in frontmatter.`,
          "Write plain text instead; put it in quotes if it starts with ! or &.",
        );
      }
    },
  });
  if (problems.length > 0 || hasAlias) return { value: undefined, positions, problems };

  indexPositions(document.contents, "", undefined, positions, toPosition);
  const value = document.toJS({ maxAliasCount: 0 });
  return { value, positions, problems };
}

function indexPositions(
  node: Node | null,
  pointer: string,
  key: Position | undefined,
  positions: PositionIndex,
  toPosition: (offset: number) => Position,
): void {
  if (!node) return;
  const start = toPosition(node.range?.[0] ?? 0);
  positions.set(pointer, { ...(key ? { key } : {}), value: start });
  if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyPosition = toPosition(keyNode?.range?.[0] ?? 0);
      const child = pair.value as Node | null;
      if (child) indexPositions(child, `${pointer}/${pointerSegment(name)}`, keyPosition, positions, toPosition);
      else positions.set(`${pointer}/${pointerSegment(name)}`, { key: keyPosition, value: keyPosition });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      indexPositions(item as Node, `${pointer}/${index}`, undefined, positions, toPosition);
    });
  }
}

function yamlMessage(code: string, message: string): string {
  // The parser reports its own stack overflow as an error; say what it means.
  if (/call stack/i.test(message)) return "The frontmatter is nested too deeply to be read.";
  switch (code) {
    case "DUPLICATE_KEY":
      return "The same key appears twice in the frontmatter; only one can count.";
    case "MULTIPLE_DOCS":
      return "The frontmatter holds more than one YAML document (a line ... or --- inside it); only one is read.";
    case "TAG_RESOLVE_FAILED":
      return `Unknown YAML tag ${message.replace(/^Unresolved tag: /, "").replace("tag:yaml.org,2002:", "!!")}: tags are not allowed in frontmatter.`;
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "BLOCK_AS_IMPLICIT_KEY":
      return `The frontmatter is not valid YAML: ${message}.`;
    default:
      return `The frontmatter is not valid YAML: ${message}.`;
  }
}

function yamlHint(code: string): string | undefined {
  if (code === "DUPLICATE_KEY") return "Keep one of them and delete the other.";
  if (code === "TAG_RESOLVE_FAILED") return "Write plain text instead; put it in quotes if it starts with ! or &.";
  if (code === "MULTIPLE_DOCS") return "Keep title, summary and the translation: block between the two --- lines, and nothing else.";
  return "Each line is `key: value`; put text that contains a colon followed by a space, or starts with a special character, in double quotes.";
}
