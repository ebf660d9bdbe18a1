import { type PositionIndex, pointerSegment } from "../load/positions.ts";
import { perObject } from "../memo.ts";
import { type Dataset, isObject } from "../validate/dataset.ts";

/** A JSON data file whose content is an object, with the positions of its values. */
export interface JsonValue {
  file: string;
  value: Record<string, unknown>;
  positions: PositionIndex;
}

/** The activity.json files of the run that parsed into objects. */
export function activityValues(dataset: Dataset): JsonValue[] {
  const found: JsonValue[] = [];
  for (const entry of dataset.entries) {
    const activity = dataset.activity(entry);
    if (activity?.value) found.push({ file: activity.file, value: activity.value, positions: activity.parsed.positions });
  }
  return found;
}

/** The profile files of the run that parsed into objects. */
export function profileValues(dataset: Dataset): JsonValue[] {
  const found: JsonValue[] = [];
  for (const file of dataset.profiles) {
    const parsed = dataset.json(file);
    if (parsed && isObject(parsed.value)) found.push({ file, value: parsed.value, positions: parsed.positions });
  }
  return found;
}

/** A string of a JSON value, with its JSON pointer and the key that holds it. */
export interface StringAt {
  pointer: string;
  key: string;
  text: string;
}

/** A key of a JSON value, with the JSON pointer of its value. */
export interface KeyAt {
  pointer: string;
  key: string;
}

/**
 * Every string in a JSON value with its pointer and the key that holds it, in document order.
 * Listed once per value and kept as long as the value is: the links, one-line and unicode rules
 * each go through the same values, and three walks of nested generators, each pointer built
 * anew, made a sixth of a part's garbage.
 */
export function strings(value: unknown): readonly StringAt[] {
  if (typeof value !== "object" || value === null) return typeof value === "string" ? [{ pointer: "", key: "", text: value }] : [];
  return stringsOfObject(value);
}

const stringsOfObject = perObject((value: object): readonly StringAt[] => {
  const list: StringAt[] = [];
  const visit = (item: unknown, pointer: string, key: string) => {
    if (typeof item === "string") list.push({ pointer, key, text: item });
    else if (Array.isArray(item)) for (let index = 0; index < item.length; index++) visit(item[index], `${pointer}/${index}`, key);
    else if (isObject(item)) for (const name of Object.keys(item)) visit(item[name], `${pointer}/${keySegment(name)}`, name);
  };
  visit(value, "", "");
  return list;
});

/** Every key of a JSON value with its pointer, in document order. */
export function keys(value: unknown): KeyAt[] {
  const found: KeyAt[] = [];
  const visit = (item: unknown, pointer: string) => {
    if (Array.isArray(item)) for (let index = 0; index < item.length; index++) visit(item[index], `${pointer}/${index}`);
    else if (isObject(item)) {
      for (const name of Object.keys(item)) {
        const child = `${pointer}/${keySegment(name)}`;
        found.push({ pointer: child, key: name });
        visit(item[name], child);
      }
    }
  };
  visit(value, "");
  return found;
}

/** A key as a segment of a JSON pointer (see `pointerSegment`), without two replacements for the many keys that need none. */
function keySegment(name: string): string {
  return name.includes("~") || name.includes("/") ? pointerSegment(name) : name;
}
