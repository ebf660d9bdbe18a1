import type { SchemaCatalog } from "../schema/catalog.ts";

/** The file kinds `npm run format` rewrites, each with its schema. */
export type FormatKind = "activity" | "country" | "organization" | "narrative";

export const FORMAT_KINDS: readonly FormatKind[] = ["activity", "country", "organization", "narrative"];

/**
 * What formatting needs to know of a schema: the order of an object's known keys, and
 * the shape of what sits under each key, each array item and each other key.
 */
export interface Shape {
  /** Known keys in the order of the schema's `properties`, each with the shape of its value. */
  readonly properties: ReadonlyMap<string, Shape>;
  /** The shape of the values of keys the schema does not list (`additionalProperties`). */
  readonly additional?: Shape;
  /** The shape of array items. */
  readonly items?: Shape;
}

/** The shape of each file kind, built once from the schema documents. */
export type FormatSchemas = Readonly<Record<FormatKind, Shape>>;

/** A value the schema says nothing about: its keys keep their order. */
export const OPEN_SHAPE: Shape = { properties: new Map() };

type SchemaObject = Record<string, unknown>;

/**
 * Builds the shapes from the catalog's schemas. `$ref`s ("common.schema.json#/$defs/link",
 * "#/$defs/link") are followed by the catalog; a vocabulary is a leaf.
 * Throws when a file schema is missing or a `$ref` does not resolve: the schemas themselves
 * are broken, which no data file can fix.
 */
export function buildFormatSchemas(catalog: SchemaCatalog): FormatSchemas {
  const builder = new ShapeBuilder(catalog);
  const build = (kind: FormatKind): Shape => builder.shapeOf(catalog.schemaOf(kind), `${kind}.schema.json`);
  return { activity: build("activity"), country: build("country"), organization: build("organization"), narrative: build("narrative") };
}

interface MutableShape {
  properties: Map<string, Shape>;
  additional?: Shape;
  items?: Shape;
}

const STRUCTURE = ["properties", "additionalProperties", "items", "allOf"];

class ShapeBuilder {
  /** One shape per referenced definition, shared, and cached before it is filled so that recursive schemas terminate. */
  readonly #byRef = new Map<string, MutableShape>();

  constructor(readonly catalog: SchemaCatalog) {}

  shapeOf(schema: SchemaObject, documentName: string): Shape {
    if (typeof schema.$ref === "string" && !STRUCTURE.some((keyword) => keyword in schema)) {
      return this.#refShape(schema.$ref, documentName) ?? OPEN_SHAPE;
    }
    const shape: MutableShape = { properties: new Map() };
    this.#fill(shape, schema, documentName);
    return shape;
  }

  #refShape(ref: string, documentName: string): Shape | undefined {
    const target = this.catalog.resolve(ref, documentName);
    // Vocabularies hold values, not objects to order: a leaf.
    if (target.vocabulary) return undefined;
    const key = `${target.file}#${target.pointer}`;
    let shape = this.#byRef.get(key);
    if (!shape) {
      shape = { properties: new Map() };
      this.#byRef.set(key, shape);
      this.#fill(shape, target.schema, target.file);
    }
    return shape;
  }

  #fill(shape: MutableShape, schema: SchemaObject, documentName: string): void {
    const merge = (other: Shape) => {
      for (const [key, child] of other.properties) if (!shape.properties.has(key)) shape.properties.set(key, child);
      shape.additional ??= other.additional;
      shape.items ??= other.items;
    };
    if (typeof schema.$ref === "string") {
      const referenced = this.#refShape(schema.$ref, documentName);
      if (referenced) merge(referenced);
    }
    if (isSchemaObject(schema.properties)) {
      for (const [key, child] of Object.entries(schema.properties)) {
        if (isSchemaObject(child)) shape.properties.set(key, this.shapeOf(child, documentName));
      }
    }
    if (isSchemaObject(schema.additionalProperties)) shape.additional = this.shapeOf(schema.additionalProperties, documentName);
    if (isSchemaObject(schema.items)) shape.items = this.shapeOf(schema.items, documentName);
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) if (isSchemaObject(part)) merge(this.shapeOf(part, documentName));
    }
  }
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The shape of the value under `key` in an object of the given shape. */
export function childShape(shape: Shape, key: string): Shape {
  return shape.properties.get(key) ?? shape.additional ?? OPEN_SHAPE;
}

/**
 * Orders members canonically: the keys the schema knows in schema order, then the others in
 * their original order (they are kept, never dropped). Stable, so equal keys cannot reorder.
 */
export function orderMembers<T>(members: readonly T[], keyOf: (member: T) => string, shape: Shape): T[] {
  const rank = new Map<string, number>();
  let index = 0;
  for (const key of shape.properties.keys()) rank.set(key, index++);
  const known = members.filter((member) => rank.has(keyOf(member)));
  const unknown = members.filter((member) => !rank.has(keyOf(member)));
  known.sort((a, b) => (rank.get(keyOf(a)) ?? 0) - (rank.get(keyOf(b)) ?? 0));
  return [...known, ...unknown];
}
