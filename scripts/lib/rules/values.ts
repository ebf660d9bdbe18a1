import type { PositionIndex } from "../load/positions.ts";
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

/** Every string in a JSON value with its pointer and the key that holds it. */
export function* strings(value: unknown, pointer = "", key = ""): Generator<{ pointer: string; key: string; text: string }> {
  if (typeof value === "string") yield { pointer, key, text: value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${pointer}/${index}`, key);
  else if (isObject(value)) {
    for (const [name, item] of Object.entries(value)) yield* strings(item, `${pointer}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`, name);
  }
}

/** Every key of a JSON value with its pointer. */
export function* keys(value: unknown, pointer = ""): Generator<{ pointer: string; key: string }> {
  if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* keys(item, `${pointer}/${index}`);
  else if (isObject(value)) {
    for (const [name, item] of Object.entries(value)) {
      const child = `${pointer}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      yield { pointer: child, key: name };
      yield* keys(item, child);
    }
  }
}
