import { Document, isMap, isPair, isScalar, isSeq, type Node, type ParsedNode, parseDocument, Scalar, type ToStringOptions } from "yaml";
import type { Diagnostic } from "../diagnostics.ts";
import { parseFrontmatter, splitNarrative } from "../load/frontmatter.ts";
import { pointerSegment } from "../load/positions.ts";
import { COLLISION_HINT, collisionMessage, FORMAT_RULE_ID, type FormatOutcome, findNfcCollision, nfc } from "./outcome.ts";
import { childShape, type FormatSchemas, OPEN_SHAPE, orderMembers, type Shape } from "./schema-shapes.ts";

/** Parse options shared with the validator's safe reading, plus exact big integers. */
const PARSE_OPTIONS = { schema: "core", strict: true, uniqueKeys: true, merge: false, intAsBigInt: true } as const;

/**
 * lineWidth 0: never fold a long line (a folded plain scalar is a different value for some
 * readers); directives false: never write a `---` that would close the frontmatter early;
 * doubleQuotedMinMultiLineLength Infinity: a quoted string stays on one line, with \n escapes.
 */
const WRITE_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  directives: false,
  doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
};

/**
 * Rewrites a <lang>.md file canonically: the frontmatter keys in the order of the narrative
 * schema (unknown keys kept, after the known ones), written so that every value reads back
 * exactly, in YAML 1.2 and in YAML 1.1 readers alike; LF line endings; NFC; no byte-order mark.
 * The Markdown body is kept as it is, apart from line endings and NFC. Frontmatter that is
 * not safe YAML is not rewritten: its problems are returned instead.
 */
export function formatNarrativeText(text: string, schemas: FormatSchemas, file = ""): FormatOutcome {
  const normalized = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const split = splitNarrative(normalized);
  if (split.yaml === undefined) return { text: nfc(normalized) };
  const parsed = parseFrontmatter(split.yaml, split.yamlLine, file);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const body = nfc(split.body);

  const document = parseDocument(split.yaml, PARSE_OPTIONS);
  // Nothing but comments or blank lines: nothing to order.
  if (document.contents === null) return { text: `---\n${nfc(split.yaml)}---\n${body}` };

  const problems: Diagnostic[] = [];
  const contents = canonicalize(document.contents, schemas.narrative, "", (pointer, message) => {
    const at = parsed.positions.keyAt(pointer);
    problems.push({ ruleId: FORMAT_RULE_ID, severity: "error", file, ...at, message, hint: COLLISION_HINT });
  });
  if (problems.length > 0) return { problems };
  const output = new Document(null, { schema: "core" });
  output.contents = contents;
  if (document.commentBefore) output.commentBefore = nfc(document.commentBefore);
  if (document.comment) output.comment = nfc(document.comment);
  const expected = describe(output.toJS({ mapAsMap: true }));

  // The yaml package chooses the quoting; the result is read back and compared, and in
  // the unlikely case it differs, every string is double-quoted, which is always exact.
  for (const quoteAll of [false, true]) {
    if (quoteAll) forEachString(contents, (scalar) => (scalar.type = Scalar.QUOTE_DOUBLE));
    const candidate = `---\n${output.toString(WRITE_OPTIONS)}---\n${body}`;
    if (readsBackAs(candidate, expected, body)) return { text: candidate };
  }
  return {
    problems: [
      {
        ruleId: FORMAT_RULE_ID,
        severity: "error",
        file,
        line: split.yamlLine,
        column: 1,
        message: "The frontmatter cannot be rewritten without changing a value, so it was left as it is.",
        hint: "Put the values of title and summary in double quotes; if the problem stays, report it to the maintainers.",
      },
    ],
  };
}

/**
 * Strings always written in double quotes. A version fingerprint is hexadecimal: it can be all
 * digits (012345678901) or read as a float (1234e5678901). Quoting every one keeps them alike,
 * and a hand edit can never turn one into a number.
 */
const ALWAYS_QUOTED = new Set(["/translation/version"]);

type Report = (pointer: string, message: string) => void;

/** Orders, normalises and restyles a YAML node in place and returns it. */
function canonicalize(node: ParsedNode | Node, shape: Shape, pointer: string, report: Report): Node {
  if (node.commentBefore) node.commentBefore = nfc(node.commentBefore);
  if (node.comment) node.comment = nfc(node.comment);
  // Explicit tags (!!str 123) are dropped: the value decides its own representation.
  node.tag = undefined;
  // Blank lines inside the frontmatter go: where they sat in a flow collection, block style cannot say.
  node.spaceBefore = false;
  if (isMap(node)) {
    // Block style, except for an empty map, which has no block form.
    node.flow = node.items.length === 0;
    const pairs = node.items.filter(isPair);
    const names = pairs.map((pair) => keyName(pair.key));
    const collision = findNfcCollision(names);
    if (collision) report(`${pointer}/${pointerSegment(collision.second)}`, collisionMessage(collision.first, collision.second));
    for (const pair of pairs) {
      const raw = keyName(pair.key);
      // Keys are never in ALWAYS_QUOTED: "#key" is not a pointer.
      if (isScalar(pair.key)) canonicalize(pair.key, OPEN_SHAPE, "#key", report);
      const name = nfc(raw);
      if (pair.value && typeof pair.value === "object") {
        pair.value = canonicalize(pair.value as Node, childShape(shape, name), `${pointer}/${pointerSegment(raw)}`, report);
      }
    }
    node.items = orderMembers(pairs, (pair) => nfc(keyName(pair.key)), shape);
    return node;
  }
  if (isSeq(node)) {
    node.flow = node.items.length === 0;
    node.items = node.items.map((item, index) =>
      item && typeof item === "object" ? canonicalize(item as Node, shape.items ?? OPEN_SHAPE, `${pointer}/${index}`, report) : item,
    );
    return node;
  }
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === "string") {
      node.value = nfc(value);
      node.type = ALWAYS_QUOTED.has(pointer) || needsDoubleQuotes(nfc(value)) ? Scalar.QUOTE_DOUBLE : undefined;
    } else {
      // true/false/null and decimal numbers, whatever their spelling was (True, ~, 0x1F).
      // Integers are read as bigints, so every digit stays; -0 stays -0 for readers that see numbers.
      if (value === 0n && node.source?.startsWith("-")) node.value = -0;
      node.type = undefined;
      delete node.source;
      delete node.format;
    }
  }
  return node;
}

function keyName(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/**
 * True when a one-line string, written plainly, could read back as something else: a number,
 * a boolean, a date or null in YAML 1.2 or YAML 1.1 (yes, on, 2019-01-01), or a map, a
 * comment, a truncated value. Multi-line strings are left to the yaml package (block scalars).
 */
function needsDoubleQuotes(value: string): boolean {
  if (value.includes("\n")) return false;
  for (const schema of ["core", "yaml-1.1"] as const) {
    const document = parseDocument(value, { schema, logLevel: "silent" });
    if (document.errors.length > 0 || document.warnings.length > 0) return true;
    try {
      if (document.toJS({ maxAliasCount: 0 }) !== value) return true;
    } catch {
      // An alias (*b) that resolves to nothing: certainly not the plain string.
      return true;
    }
  }
  return false;
}

function forEachString(node: Node | null, visit: (scalar: Scalar) => void): void {
  if (!node) return;
  if (isScalar(node)) {
    if (typeof node.value === "string") visit(node);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) forEachString(pair.key, visit);
      forEachString(pair.value as Node | null, visit);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) forEachString(item as Node | null, visit);
  }
}

/** True when the file splits as written and its frontmatter and body read back as expected. */
function readsBackAs(candidate: string, expected: string, body: string): boolean {
  const split = splitNarrative(candidate);
  if (split.yaml === undefined || split.body !== body) return false;
  const document = parseDocument(split.yaml, PARSE_OPTIONS);
  if (document.errors.length > 0 || document.warnings.length > 0) return false;
  return describe(document.toJS({ mapAsMap: true })) === expected;
}

/** A string that tells two values apart exactly: types, key order and all. */
function describe(value: unknown): string {
  if (value instanceof Map) return `{${[...value].map(([key, item]) => `${describe(key)}:${describe(item)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map(describe).join(",")}]`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  // An integer is read back as a bigint, which has no -0.
  if (typeof value === "number") return Number.isInteger(value) ? `${BigInt(value)}n` : String(value);
  return String(value);
}
