import { Alias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import type { Diagnostic, Position } from "../diagnostics.ts";
import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageRef } from "../i18n/messages.ts";
import { yamlDepthProblem } from "./limits.ts";
import { parsePlainFrontmatter } from "./plain-yaml.ts";
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
 *
 * Most frontmatter is a few one-line strings: it is read without the parser (plain-yaml.ts, to
 * the same value and positions, about eight times quicker), and anything else takes the parser,
 * which finds and words any problem.
 */
export function parseFrontmatter(yaml: string, firstLine: number, file: string): ParsedFrontmatter {
  const plain = parsePlainFrontmatter(yaml, firstLine);
  return plain ? { ...plain, problems: [] } : parseFrontmatterWithParser(yaml, firstLine, file);
}

/** The full reading with the `yaml` parser: every problem worded, every position recorded. */
export function parseFrontmatterWithParser(yaml: string, firstLine: number, file: string): ParsedFrontmatter {
  const problems: Diagnostic[] = [];
  const positions = new PositionIndex();
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const report = (offset: number, message: MessageRef, hint?: MessageRef) => {
    const { line, column } = toPosition(offset);
    problems.push({ ruleId: "safe-yaml", severity: "error", file, line, column, ...catalogText(message, hint) });
  };

  // Bounded before the YAML parser recurses into it: a stack overflow is not a diagnostic.
  const tooDeep = yamlDepthProblem(yaml);
  if (tooDeep) {
    const { line, column } = new LineIndex(yaml).position(tooDeep.offset);
    const { offset: _offset, ...words } = tooDeep;
    problems.push({ ruleId: "safe-yaml", severity: "error", file, line: line + firstLine - 1, column, ...words });
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
        report(node.range?.[0] ?? 0, { key: "yaml.alias" }, { key: "yaml.aliasHint" });
      } else if ((node as { anchor?: string }).anchor) {
        report(node.range?.[0] ?? 0, { key: "yaml.anchor" }, { key: "yaml.anchorHint" });
      }
      // A tag the schema knows still changes what a value is (!!binary makes bytes of text): none is needed.
      const tag = (node as { tag?: string }).tag;
      if (tag && !(node instanceof Alias) && !unknownTags) {
        report(node.range?.[0] ?? 0, { key: "yaml.knownTag", values: { tag: tag.replace("tag:yaml.org,2002:", "!!") } }, { key: "yaml.tagHint" });
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

function yamlMessage(code: string, message: string): MessageRef {
  // The parser reports its own stack overflow as an error; say what it means.
  if (/call stack/i.test(message)) return { key: "yaml.tooDeep" };
  switch (code) {
    case "DUPLICATE_KEY":
      return { key: "yaml.duplicateKey" };
    case "MULTIPLE_DOCS":
      return { key: "yaml.multipleDocs" };
    case "TAG_RESOLVE_FAILED":
      return { key: "yaml.tag", values: { tag: message.replace(/^Unresolved tag: /, "").replace("tag:yaml.org,2002:", "!!") } };
    default:
      // The parser's own words (in English) name what it expected: more use than a vaguer translation.
      return { key: "yaml.invalid", values: { detail: message } };
  }
}

function yamlHint(code: string): MessageRef {
  if (code === "DUPLICATE_KEY") return { key: "yaml.keepOne" };
  if (code === "TAG_RESOLVE_FAILED") return { key: "yaml.tagHint" };
  if (code === "MULTIPLE_DOCS") return { key: "yaml.multipleDocsHint" };
  return { key: "yaml.invalidHint" };
}
