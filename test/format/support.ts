import { type AnyNode, parse as parseJsonAst } from "@humanwhocodes/momoa";
import { baselineFiles } from "../support/repo.ts";

/** A JSON-like value with every string and key in NFC (keys kept as own properties, even "__proto__"). */
export function nfcDeep(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [nfcDeep(key), nfcDeep(item)]));
  if (typeof value === "object" && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(result, key.normalize("NFC"), { value: nfcDeep(item), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}

/** The key order of every object in a JSON text, by JSON pointer, read from the text itself (JSON.parse would reorder "10" before "a"). */
export function jsonKeyOrder(text: string): Map<string, string[]> {
  const orders = new Map<string, string[]>();
  const walk = (node: AnyNode, pointer: string) => {
    if (node.type === "Object") {
      const keys = node.members.map((member) => (member.name.type === "String" ? member.name.value : member.name.name));
      orders.set(pointer, keys);
      node.members.forEach((member, index) => {
        walk(member.value, `${pointer}/${keys[index]}`);
      });
    } else if (node.type === "Array") {
      node.elements.forEach((element, index) => {
        walk(element.value, `${pointer}/${index}`);
      });
    }
  };
  walk(parseJsonAst(text, { mode: "json" }).body, "");
  return orders;
}

/** The test baseline with one thing to format: fr.md's translation version written without quotes. */
export function unformattedBaseline(): Record<string, string> {
  const files = baselineFiles();
  const french = "countries/ken/activities/example-strategy-2020/fr.md";
  files[french] = (files[french] ?? "").replace(/version: "([0-9a-f]{12})"/, "version: $1");
  return files;
}
