import { type AnyNode, type DocumentNode, parse } from "@humanwhocodes/momoa";
import type { Diagnostic } from "../diagnostics.ts";
import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageRef } from "../i18n/messages.ts";
import { jsonDepthProblem } from "./limits.ts";
import { LineIndex, PositionIndex, pointerSegment } from "./positions.ts";

/** A JSON file read strictly, with the position of every key and value. */
export interface ParsedJson {
  /** The value, or undefined when the text is not JSON at all. */
  value: unknown;
  positions: PositionIndex;
  /** Problems with the JSON text itself (rule `strict-json`). */
  problems: Diagnostic[];
}

/**
 * Reads JSON the strict way: a byte-order mark, trailing content and duplicate keys
 * are problems (JSON.parse would silently keep the last duplicate), and every value
 * keeps its source position. Keys such as "__proto__" become plain own properties. Data nested
 * deeper than MAX_JSON_DEPTH is one problem, found before anything recurses into it.
 *
 * Most files are plain, valid JSON, and most positions are never asked for: such a file is read
 * by JSON.parse (thirty times quicker than a parser that records positions), and its positions
 * are recorded the first time a rule asks for one. Anything else takes the full reading, which
 * finds and words the problem.
 */
export function parseJson(text: string, file: string): ParsedJson {
  return quickParse(text) ?? parseWithPositions(text, file);
}

/**
 * JSON.parse's reading of a text without a byte-order mark, too-deep nesting or duplicate keys:
 * then it is exactly the strict reading's value. Undefined for any other text.
 */
function quickParse(text: string): ParsedJson | undefined {
  if (text.startsWith("\uFEFF") || jsonDepthProblem(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // JSON.parse keeps the last of duplicate keys: with one, the object has fewer keys than the text names.
  if (countKeys(value) !== countKeyTokens(text)) return undefined;
  const positions = new PositionIndex((index) => {
    evaluate(parse(text, { mode: "json", ranges: false, tokens: false }).body, "", undefined, index, () => {});
  });
  return { value, positions, problems: [] };
}

/** Every string token of a JSON text, in order, and whether a colon follows it (a key). */
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"([ \t\r\n]*:)?/g;

/** The keys a valid JSON text names, duplicates included. */
function countKeyTokens(text: string): number {
  let keys = 0;
  for (const match of text.matchAll(STRING_TOKEN)) if (match[1] !== undefined) keys++;
  return keys;
}

/** The keys of every object in a parsed value (its depth is already bounded). */
function countKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countKeys(item), 0);
  if (value === null || typeof value !== "object") return 0;
  let keys = 0;
  for (const key of Object.keys(value)) keys += 1 + countKeys((value as Record<string, unknown>)[key]);
  return keys;
}

/** The strict reading with momoa: every position recorded, every problem worded. */
export function parseWithPositions(text: string, file: string): ParsedJson {
  const problems: Diagnostic[] = [];
  const positions = new PositionIndex();
  const report: Report = (line, column, message, hint) =>
    problems.push({ ruleId: "strict-json", severity: "error", file, line, column, ...catalogText(message, hint) });

  let source = text;
  if (source.startsWith("\uFEFF")) {
    report(1, 1, { key: "json.bom" }, { key: "json.bomHint" });
    source = source.slice(1);
  }
  // Bounded before the parser and the rules recurse into it: a stack overflow is not a diagnostic.
  const tooDeep = jsonDepthProblem(source);
  if (tooDeep) {
    const { line, column } = new LineIndex(source).position(tooDeep.offset);
    const { offset: _offset, ...words } = tooDeep;
    problems.push({ ruleId: "strict-json", severity: "error", file, line, column, ...words });
    return { value: undefined, positions, problems };
  }
  let document: DocumentNode;
  try {
    document = parse(source, { mode: "json", ranges: false, tokens: false });
  } catch (error) {
    const { line = 1, column = 1, offset = 0 } = error as { line?: number; column?: number; offset?: number };
    const detail = error instanceof RangeError ? "it is too complex to read" : error instanceof Error ? readableParseError(error.message) : String(error);
    const before = source.slice(0, offset).trimEnd();
    if (offset > 0 && isCompleteJson(before)) {
      report(line, column, { key: "json.trailingText" }, { key: "json.trailingTextHint" });
    } else if (before.endsWith(",") && /^\s*[}\]]/.test(source.slice(offset))) {
      report(line, column, { key: "json.trailingComma" }, { key: "json.trailingCommaHint" });
    } else {
      report(line, column, { key: "json.invalid", values: { detail } }, jsonHint(source, line));
    }
    return { value: undefined, positions, problems };
  }
  const value = evaluate(document.body, "", undefined, positions, report);
  return { value, positions, problems };
}

function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const TOKEN_NAMES: Record<string, string> = {
  LBrace: "'{'",
  RBrace: "'}'",
  LBracket: "'['",
  RBracket: "']'",
  Comma: "','",
  Colon: "':'",
  String: "text",
  Number: "number",
  Boolean: "true or false",
  Null: "null",
  EOF: "the end of the file",
};

function readableParseError(message: string): string {
  return message
    .replace(/\s*\(\d+:\d+\)\.?$/, "")
    .replace(/\.$/, "")
    .replace(/\b(LBrace|RBrace|LBracket|RBracket|Comma|Colon|String|Number|Boolean|Null|EOF)\b/g, (name) => TOKEN_NAMES[name] ?? name)
    .replace(/^Unexpected (token |identifier )?/, "unexpected ")
    .replace(/^unexpected end of input$/i, "the file ends too early")
    .replace(/^Unexpected character /, "unexpected character ")
    .replace(/ found$/, "");
}

function jsonHint(source: string, line: number): MessageRef {
  const text = source.split("\n")[line - 1] ?? "";
  if (/,\s*$/.test(text) || /^\s*[}\]]/.test(text)) return { key: "json.checkComma" };
  if (/'/.test(text)) return { key: "json.doubleQuotes" };
  return { key: "json.checkLine" };
}

type Report = (line: number, column: number, message: MessageRef, hint?: MessageRef) => void;

function evaluate(node: AnyNode, pointer: string, key: { line: number; column: number } | undefined, positions: PositionIndex, report: Report): unknown {
  positions.set(pointer, { ...(key ? { key } : {}), value: node.loc.start });
  switch (node.type) {
    case "Object": {
      const object: Record<string, unknown> = {};
      const seen = new Map<string, number>();
      for (const member of node.members) {
        const name = member.name.type === "String" ? member.name.value : member.name.name;
        const keyPosition = member.name.loc.start;
        const firstLine = seen.get(name);
        if (firstLine !== undefined) {
          report(keyPosition.line, keyPosition.column, { key: "json.duplicateKey", values: { name, line: firstLine } }, { key: "json.keepOne" });
          continue;
        }
        seen.set(name, keyPosition.line);
        const child = evaluate(member.value, `${pointer}/${pointerSegment(name)}`, keyPosition, positions, report);
        Object.defineProperty(object, name, { value: child, enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    case "Array":
      return node.elements.map((element, index) => evaluate(element.value, `${pointer}/${index}`, undefined, positions, report));
    case "String":
    case "Number":
    case "Boolean":
      return node.value;
    case "Null":
      return null;
    default:
      return undefined;
  }
}
