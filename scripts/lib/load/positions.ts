import type { Position } from "../diagnostics.ts";

/** Where a value sits in its source file: the key that names it (if any) and the value itself. */
export interface Located {
  key?: Position;
  value: Position;
}

/** Maps JSON pointers ("/links/0/url") to source positions, for parsed JSON and YAML alike. */
export class PositionIndex {
  readonly #entries = new Map<string, Located>();
  #fill: ((index: PositionIndex) => void) | undefined;

  /** `fill`, when given, records the positions the first time one is asked for, and not before. */
  constructor(fill?: (index: PositionIndex) => void) {
    this.#fill = fill;
  }

  set(pointer: string, located: Located): void {
    this.#entries.set(pointer, located);
  }

  /** The position of the value at `pointer`, or of its nearest ancestor that has one. */
  valueAt(pointer: string): Position {
    return this.#nearest(pointer).value;
  }

  /** The position of the key naming the value at `pointer` (the value itself for array items and the root). */
  keyAt(pointer: string): Position {
    const located = this.#nearest(pointer);
    return located.key ?? located.value;
  }

  #nearest(pointer: string): Located {
    const fill = this.#fill;
    if (fill) {
      this.#fill = undefined;
      fill(this);
    }
    let current = pointer;
    for (;;) {
      const found = this.#entries.get(current);
      if (found) return found;
      if (current === "") return { value: { line: 1, column: 1 } };
      current = current.slice(0, current.lastIndexOf("/"));
    }
  }
}

/** Encodes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Decodes a JSON pointer into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Turns a pointer into the field name a contributor sees: "/links/0/url" → "links[0].url". */
export function fieldName(pointer: string): string {
  let name = "";
  for (const segment of pointerSegments(pointer)) {
    if (/^\d+$/.test(segment)) name += `[${segment}]`;
    else name += name === "" ? segment : `.${segment}`;
  }
  return name;
}

/** Converts a character offset into a 1-based line and column. */
export class LineIndex {
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) this.#lineStarts.push(index + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.#lineStarts[low] ?? 0) + 1 };
  }
}
