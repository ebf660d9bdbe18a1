import { Schema } from "yaml";
import type { Position } from "../diagnostics.ts";
import { PositionIndex, pointerSegment } from "./positions.ts";

/** A plain frontmatter's value and the position of each of its values and keys. */
export interface PlainFrontmatter {
  value: Record<string, unknown>;
  positions: PositionIndex;
}

/**
 * The reading of a plain frontmatter without the YAML parser, or undefined when the text holds
 * anything beyond the plain subset below: the caller then runs the parser, and both readings give
 * the same value, key order and positions wherever this answers (test/validate/plain-yaml.test.ts checks
 * it over generated texts, tricky ones included).
 *
 * Narratives' frontmatter is a title, a summary, perhaps a translation map (from, version,
 * method) and a list of official titles. That needs no tokenizer: one pass over the lines, and
 * anything whose reading depends on context sends the text to the parser. The subset:
 * - a block map at column 1, whose keys start with a letter and hold letters, digits, _ and -,
 *   each key once, each followed by `: ` and a one-line value or by nothing and a nested block;
 * - nested blocks: a map indented further, or a list of `- ` items (indented further or not), at
 *   most three levels in all;
 * - one-line values: plain text that the YAML 1.2 core schema reads as a string (not null, true,
 *   false or a number) and that holds nothing YAML gives a meaning to (no `: `, ` #`, no leading
 *   indicator such as - ? & * ! | > % @ [ {); 'single-quoted' text; "double-quoted" text without
 *   a backslash;
 * - whole-line comments and blank lines; LF or CRLF line ends;
 * - no tab, no lone CR, no control character, no byte-order mark, no line or paragraph separator.
 * An empty value (null), a multi-line value, an anchor, alias, tag or flow collection, a
 * duplicate key: all of these go to the parser, which reads them or words the problem.
 */
export function parsePlainFrontmatter(yaml: string, firstLine: number): PlainFrontmatter | undefined {
  if (UNSUPPORTED.test(yaml)) return undefined;
  const lines: Line[] = [];
  let number = firstLine;
  for (const raw of yaml.split("\n")) {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    let indent = 0;
    while (text.charCodeAt(indent) === 0x20) indent++;
    // Blank lines and whole-line comments carry nothing: a value that could run over them (a
    // multi-line scalar) is not in the subset, so here they are only separators.
    if (indent < text.length && text.charCodeAt(indent) !== 0x23) lines.push({ number, indent, text: trimEnd(text.slice(indent)) });
    number++;
  }
  if (lines.length === 0 || (lines[0] as Line).indent !== 0) return undefined;
  const positions = new PositionIndex();
  const reader = { lines, next: 0, positions };
  const value = readMap(reader, 0, "", 1);
  if (value === undefined || reader.next < lines.length) return undefined;
  positions.set("", { value: position(lines[0] as Line, 0) });
  return { value, positions };
}

/** Tabs (YAML gives them meanings of their own), lone CRs, control characters, BOMs, separators and lone surrogates. */
const UNSUPPORTED =
  /[\t\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A key line: the key, and what follows `: ` (empty when nothing does). */
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** A list item line: what follows `- `. */
const ITEM_LINE = /^- +(.+)$/;
/** Characters that give a plain scalar another meaning when they start it. */
const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`");
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
/** Nesting beyond this is not plain: it also bounds the recursion below. */
const MAX_LEVELS = 3;
/** YAML refuses an implicit key longer than 1024 characters. */
const MAX_KEY_LENGTH = 1000;
/**
 * The core schema's own tests for plain scalars that are not strings (null, booleans, integers,
 * floats): taken from the parser, so that "plainly a string" means what it means to the parser.
 */
const NOT_STRING = new Schema({ schema: "core" }).tags.flatMap((tag) => ("test" in tag && tag.default && tag.test instanceof RegExp ? [tag.test] : []));

interface Line {
  /** Line number in the file. */
  number: number;
  /** Spaces before the text. */
  indent: number;
  /** The line from its first non-space character, without trailing spaces or CR. */
  text: string;
}

interface Reader {
  lines: Line[];
  next: number;
  positions: PositionIndex;
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}

/** The position of the character `offset` places after a line's indentation. */
function position(line: Line, offset: number): Position {
  return { line: line.number, column: line.indent + offset + 1 };
}

/** A block map whose keys sit `indent` spaces in; undefined when anything in it is not plain. */
function readMap(reader: Reader, indent: number, pointer: string, level: number): Record<string, unknown> | undefined {
  const map: Record<string, unknown> = {};
  const keys = new Set<string>();
  while (reader.next < reader.lines.length) {
    const line = reader.lines[reader.next] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) return undefined;
    const match = KEY_LINE.exec(line.text);
    if (!match) return undefined;
    const key = match[1] as string;
    if (keys.has(key) || key.length > MAX_KEY_LENGTH || NOT_STRING.some((test) => test.test(key))) return undefined;
    keys.add(key);
    reader.next++;
    const at = `${pointer}/${pointerSegment(key)}`;
    const keyPosition = position(line, 0);
    const rest = match[2] ?? "";
    if (rest !== "") {
      const value = readScalar(rest);
      if (value === undefined) return undefined;
      map[key] = value;
      // The value starts where the text after ": " does, which ends the line.
      reader.positions.set(at, { key: keyPosition, value: position(line, line.text.length - rest.length) });
      continue;
    }
    const child = reader.lines[reader.next];
    if (child === undefined || child.indent < indent || level >= MAX_LEVELS) return undefined;
    // A list may sit at its key's own indentation; a map must sit further in.
    const isList = child.text.startsWith("-");
    if (!isList && child.indent === indent) return undefined;
    const value = isList ? readList(reader, child.indent, at, child.indent === indent) : readMap(reader, child.indent, at, level + 1);
    if (value === undefined) return undefined;
    map[key] = value;
    reader.positions.set(at, { key: keyPosition, value: position(child, 0) });
  }
  return map;
}

/** A block list of one-line items `indent` spaces in; `besideKey` when it shares its key's indentation. */
function readList(reader: Reader, indent: number, pointer: string, besideKey: boolean): string[] | undefined {
  const list: string[] = [];
  while (reader.next < reader.lines.length) {
    const line = reader.lines[reader.next] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) return undefined;
    const match = ITEM_LINE.exec(line.text);
    if (!match) {
      // Beside its key, the list ends where the map's next key starts; anywhere else this is not plain.
      if (besideKey && list.length > 0) break;
      return undefined;
    }
    const rest = match[1] as string;
    const value = readScalar(rest);
    if (value === undefined) return undefined;
    reader.positions.set(`${pointer}/${list.length}`, { value: position(line, line.text.length - rest.length) });
    list.push(value);
    reader.next++;
  }
  return list.length > 0 ? list : undefined;
}

/** The string a one-line value (trimmed) stands for, or undefined when it is not plainly a string. */
function readScalar(text: string): string | undefined {
  const first = text.charAt(0);
  if (first === "'") return SINGLE_QUOTED.exec(text)?.[1]?.replaceAll("''", "'");
  if (first === '"') return DOUBLE_QUOTED.exec(text)?.[1];
  if (INDICATORS.has(first) || text.includes(": ") || text.endsWith(":") || text.includes(" #")) return undefined;
  if (NOT_STRING.some((test) => test.test(text))) return undefined;
  return text;
}
