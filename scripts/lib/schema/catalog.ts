import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { diskSource, type FileSource } from "../load/source.ts";
import { buildVocabularies, type Vocabularies, type Vocabulary } from "../vocab.ts";
import { createAjv, forValidation } from "./ajv.ts";

/** The file kinds that have a schema. */
export type SchemaKind = "activity" | "narrative" | "country" | "organization";

export const SCHEMA_KINDS: readonly SchemaKind[] = ["activity", "narrative", "country", "organization"];

/** The site's canonical public address: every published schema's $id lies below it, where the site serves the file. */
export const CANONICAL_SITE_URL = "https://cop-atlas.github.io/cop-atlas/";
/** The base of every schema `$id`: a schema's file name under schemas/ is its `$id` less this. */
export const SCHEMA_BASE = `${CANONICAL_SITE_URL}schemas/`;

/** A schema document or a part of one. */
export type SchemaNode = Record<string, unknown>;

/** Where a `$ref` leads: the schema there, its document (by file name under schemas/) and, for a vocabulary, the list. */
export interface ResolvedRef {
  /** "common.schema.json", "vocab/topics.json". */
  file: string;
  /** The JSON pointer inside that document ("" for the whole document, "/$defs/link"). */
  pointer: string;
  schema: SchemaNode;
  /** Set when the reference is a whole controlled list. */
  vocabulary?: Vocabulary;
}

/**
 * Every schema and vocabulary of a repository, read once from schemas/ and shared by every
 * consumer: the validator (compiled validators), the formatter (key order), the forms, the
 * scaffold, the types, the site's data dictionary and the bots. `$ref`s are resolved here and
 * nowhere else. Two catalogs read from the same schema texts are the same object (see `loadCatalog`).
 */
export interface SchemaCatalog {
  /** Schema documents by file name under schemas/ ("activity.schema.json", "vocab/topics.json"), sorted by name. */
  readonly files: ReadonlyMap<string, SchemaNode>;
  /** Schema documents by `$id`. */
  readonly documents: ReadonlyMap<string, SchemaNode>;
  readonly vocabularies: Vocabularies;
  /** A hash of every schema and vocabulary text: what a cached result depends on. */
  readonly fingerprint: string;
  /** The compiled validator of a file kind (compiled on first use, once per catalog). */
  validator(kind: SchemaKind): ValidateFunction;
  /** Follows a `$ref` written in the document `from` (a file name under schemas/). Throws when it leads nowhere. */
  resolve(ref: string, from: string): ResolvedRef;
  /** The schema of a file kind. Throws when schemas/ lacks it. */
  schemaOf(kind: SchemaKind): SchemaNode;
}

/**
 * Where compiled validators are kept between runs, as standalone code by catalog fingerprint,
 * so that a run whose schemas did not change loads code instead of compiling it (compiling is
 * most of the start-up of a one-entry check). Kept with the tool, never in the data it checks.
 */
export interface CompiledValidatorStore {
  load(fingerprint: string): string | undefined;
  save(fingerprint: string, code: string): void;
}

/** What the catalog reads: the file schemas in schemas/ and the vocabularies in schemas/vocab/. */
const SCHEMA_FILE = /^schemas\/(vocab\/)?[^/]+\.json$/;

const byFingerprint = new Map<string, SchemaCatalog>();

/**
 * Reads schemas/ (and schemas/vocab/) from a repository root or a file source. The texts are
 * read every time (they are small); parsing and compiling happen once per distinct set of
 * texts in a process, so a test suite or a bot that validates many repositories pays for them once.
 * Throws when a schema is not JSON: the schemas themselves are broken, which no data file can fix.
 */
export function loadCatalog(from: string | FileSource, options: { compiled?: CompiledValidatorStore } = {}): SchemaCatalog {
  const source = typeof from === "string" ? diskSource(from) : from;
  const texts = new Map<string, string>();
  for (const path of source.list("schemas")) {
    if (!SCHEMA_FILE.test(path)) continue;
    const text = source.read(path)?.text;
    if (text === undefined) throw new Error(`${path} cannot be read as text`);
    texts.set(path.slice("schemas/".length), text);
  }
  if (texts.size === 0) throw new Error("cannot read the folder schemas: run this from the repository root");
  const hash = createHash("sha256");
  for (const [name, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\0${text}\0`);
  const fingerprint = hash.digest("hex").slice(0, 16);
  const memo = `${fingerprint}${options.compiled ? "+standalone" : ""}`;
  let catalog = byFingerprint.get(memo);
  if (!catalog) {
    const files = new Map<string, SchemaNode>();
    for (const [name, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      try {
        files.set(name, JSON.parse(text) as SchemaNode);
      } catch (error) {
        throw new Error(`schemas/${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    catalog = catalogOf(files, fingerprint, options.compiled);
    byFingerprint.set(memo, catalog);
  }
  return catalog;
}

/**
 * A catalog of schema documents already in memory, by file name under schemas/ (for tests of
 * consumers with hand-made schemas). Documents without `$id` get the one their file name implies.
 */
export function catalogOf(files: ReadonlyMap<string, SchemaNode>, fingerprint = "in-memory", compiled?: CompiledValidatorStore): SchemaCatalog {
  const documents = new Map<string, SchemaNode>();
  const fileOfId = new Map<string, string>();
  const idOfFile = new Map<string, string>();
  for (const [name, document] of files) {
    if (!isNode(document)) continue;
    const id = typeof document.$id === "string" ? document.$id : `${SCHEMA_BASE}${name}`;
    documents.set(id, document);
    fileOfId.set(id, name);
    idOfFile.set(name, id);
  }
  const vocabularies = buildVocabularies(
    new Map([...files].filter(([name, document]) => name.startsWith("vocab/") && isNode(document)).map(([name, document]) => [name.slice(6), document])),
  );
  const vocabularyByFile = new Map<string, Vocabulary>();
  for (const list of vocabularies.lists.values()) vocabularyByFile.set(`vocab/${list.name}.json`, list);

  let ajv: ReturnType<typeof createAjv> | undefined;
  const validators = new Map<SchemaKind, ValidateFunction>();
  const compiler = () => {
    if (!ajv) {
      ajv = createAjv({ source: compiled !== undefined });
      // terminology.json is data (checked against terminology.schema.json by the tests), not a schema.
      for (const [id, document] of documents) if (fileOfId.get(id) !== "vocab/terminology.json") ajv.addSchema(forValidation(document), id);
    }
    return ajv;
  };

  const catalog: SchemaCatalog = {
    files,
    documents,
    vocabularies,
    fingerprint,
    validator(kind) {
      if (compiled && validators.size === 0) {
        for (const [name, validate] of standaloneValidators(compiled, fingerprint, compiler)) validators.set(name, validate);
      }
      let validate = validators.get(kind);
      if (!validate) {
        validate = compiler().getSchema(`${SCHEMA_BASE}${kind}.schema.json`);
        if (!validate) throw new Error(`schemas/${kind}.schema.json is missing`);
        validators.set(kind, validate);
      }
      return validate;
    },
    resolve(ref, from) {
      const base = idOfFile.get(from) ?? `${SCHEMA_BASE}${from}`;
      const hash = ref.indexOf("#");
      const target = new URL(hash === -1 ? ref : ref.slice(0, hash), base).href;
      const pointer = hash === -1 ? "" : decodeURIComponent(ref.slice(hash + 1));
      const file = fileOfId.get(target);
      const document = documents.get(target);
      if (!file || !document) throw new Error(`schemas/${from}: "$ref": "${ref}" does not resolve`);
      let node: unknown = document;
      for (const segment of pointer.split("/").slice(1)) {
        const key = segment.replaceAll("~1", "/").replaceAll("~0", "~");
        node = isNode(node) ? node[key] : undefined;
      }
      if (!isNode(node)) throw new Error(`schemas/${from}: "$ref": "${ref}" does not resolve`);
      const vocabulary = pointer === "" ? vocabularyByFile.get(file) : undefined;
      return { file, pointer, schema: node, ...(vocabulary ? { vocabulary } : {}) };
    },
    schemaOf(kind) {
      const document = files.get(`${kind}.schema.json`);
      if (!isNode(document)) throw new Error(`schemas/${kind}.schema.json is missing or is not a JSON object`);
      return document;
    },
  };
  // Every reference is followed once now, so that a broken schema stops the tool at start, not halfway through a rule.
  for (const [file, document] of files) forEachRef(document, (ref) => catalog.resolve(ref, file));
  return catalog;
}

/**
 * The four validators from standalone code: loaded from the store when it has code for these
 * schemas, otherwise compiled once and saved. Code that fails to load is compiled again.
 */
function standaloneValidators(
  store: CompiledValidatorStore,
  fingerprint: string,
  compiler: () => ReturnType<typeof createAjv>,
): Map<SchemaKind, ValidateFunction> {
  const load = (code: string) => {
    const module = { exports: {} as Record<string, ValidateFunction> };
    new Function("require", "module", "exports", code)(createRequire(import.meta.url), module, module.exports);
    return new Map(SCHEMA_KINDS.map((kind) => [kind, module.exports[kind] as ValidateFunction]));
  };
  const saved = store.load(fingerprint);
  if (saved) {
    try {
      const loaded = load(saved);
      if ([...loaded.values()].every((validate) => typeof validate === "function")) return loaded;
    } catch {
      // Compiled again below.
    }
  }
  const ajv = compiler();
  for (const kind of SCHEMA_KINDS) if (!ajv.getSchema(`${SCHEMA_BASE}${kind}.schema.json`)) throw new Error(`schemas/${kind}.schema.json is missing`);
  const code = standalone.default(ajv, Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, `${SCHEMA_BASE}${kind}.schema.json`])));
  store.save(fingerprint, code);
  return load(code);
}

function forEachRef(node: unknown, visit: (ref: string) => void): void {
  if (Array.isArray(node)) for (const item of node) forEachRef(item, visit);
  else if (isNode(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") visit(value);
      else forEachRef(value, visit);
    }
  }
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
