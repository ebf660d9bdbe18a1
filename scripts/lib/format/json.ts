import { type AnyNode, parse } from "@humanwhocodes/momoa";
import type { Diagnostic } from "../diagnostics.ts";
import { parseJson } from "../load/json.ts";
import { type PositionIndex, pointerSegment } from "../load/positions.ts";
import { COLLISION_HINT, collisionMessage, FORMAT_RULE_ID, type FormatOutcome, findNfcCollision, nfc } from "./outcome.ts";
import { childShape, type FormatKind, type FormatSchemas, OPEN_SHAPE, orderMembers, type Shape } from "./schema-shapes.ts";

/**
 * JSON as an ordered tree. Objects are member lists, not JS objects, so that keys such as
 * "10" or "__proto__" keep their place; numbers keep their source text, so that no digit
 * of a large or precise number is lost.
 */
type JsonTree =
  | { type: "object"; members: { key: string; value: JsonTree }[] }
  | { type: "array"; items: JsonTree[] }
  | { type: "string"; value: string }
  | { type: "literal"; raw: string };

/**
 * Rewrites a JSON file canonically: keys in the order of the kind's schema (unknown keys
 * kept, after the known ones, in their order), two-space indentation, a final newline,
 * every key and string in NFC, no byte-order mark. Arrays, numbers and every value stay.
 * A text that is not strict JSON is not rewritten: its problems are returned instead.
 */
export function formatJsonText(text: string, kind: FormatKind, schemas: FormatSchemas, file = ""): FormatOutcome {
  const parsed = parseJson(text, file);
  // A byte-order mark is the one strict-json problem formatting fixes rather than refuses.
  const problems = parsed.problems.filter((problem) => !(problem.line === 1 && problem.column === 1 && /byte-order mark/.test(problem.message)));
  if (problems.length > 0 || parsed.value === undefined) return { problems };
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const tree = toTree(parse(source, { mode: "json", ranges: true, tokens: false }).body, source);
  const collisions: Diagnostic[] = [];
  const canonical = canonicalize(tree, schemas[kind], "", parsed.positions, file, collisions);
  if (collisions.length > 0) return { problems: collisions };
  return { text: `${writeJson(canonical, "")}\n` };
}

function toTree(node: AnyNode, source: string): JsonTree {
  switch (node.type) {
    case "Object":
      return {
        type: "object",
        members: node.members.map((member) => ({
          key: member.name.type === "String" ? member.name.value : member.name.name,
          value: toTree(member.value, source),
        })),
      };
    case "Array":
      return { type: "array", items: node.elements.map((element) => toTree(element.value, source)) };
    case "String":
      return { type: "string", value: node.value };
    case "Number":
      return { type: "literal", raw: source.slice(node.loc.start.offset, node.loc.end.offset) };
    case "Boolean":
      return { type: "literal", raw: node.value ? "true" : "false" };
    case "Null":
      return { type: "literal", raw: "null" };
    default:
      throw new Error(`format: unexpected JSON node ${node.type}`);
  }
}

function canonicalize(tree: JsonTree, shape: Shape, pointer: string, positions: PositionIndex, file: string, problems: Diagnostic[]): JsonTree {
  switch (tree.type) {
    case "string":
      return { type: "string", value: nfc(tree.value) };
    case "literal":
      return tree;
    case "array":
      return {
        type: "array",
        items: tree.items.map((item, index) => canonicalize(item, shape.items ?? OPEN_SHAPE, `${pointer}/${index}`, positions, file, problems)),
      };
    case "object": {
      const collision = findNfcCollision(tree.members.map((member) => member.key));
      if (collision) {
        const at = positions.keyAt(`${pointer}/${pointerSegment(collision.second)}`);
        problems.push({
          ruleId: FORMAT_RULE_ID,
          severity: "error",
          file,
          ...at,
          message: collisionMessage(collision.first, collision.second),
          hint: COLLISION_HINT,
        });
      }
      const members = tree.members.map((member) => ({
        key: nfc(member.key),
        value: canonicalize(member.value, childShape(shape, nfc(member.key)), `${pointer}/${pointerSegment(member.key)}`, positions, file, problems),
      }));
      return { type: "object", members: orderMembers(members, (member) => member.key, shape) };
    }
  }
}

/** Writes the tree the way JSON.stringify(value, null, 2) would, without its reordering of integer-like keys. */
function writeJson(tree: JsonTree, indent: string): string {
  const inner = `${indent}  `;
  switch (tree.type) {
    case "string":
      return JSON.stringify(tree.value);
    case "literal":
      return tree.raw;
    case "array":
      if (tree.items.length === 0) return "[]";
      return `[\n${tree.items.map((item) => `${inner}${writeJson(item, inner)}`).join(",\n")}\n${indent}]`;
    case "object":
      if (tree.members.length === 0) return "{}";
      return `{\n${tree.members.map((member) => `${inner}${JSON.stringify(member.key)}: ${writeJson(member.value, inner)}`).join(",\n")}\n${indent}}`;
  }
}
