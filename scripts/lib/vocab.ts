/** The six UN languages, in the order the UN lists them. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];
export type Labels = Record<UnLanguage, string>;

/** One allowed value of a controlled list. */
export interface Term {
  id: string;
  labels: Labels;
  /** What it means, in English; `descriptions` has the other five languages (read with `describedIn`). */
  description?: string;
  descriptions?: Readonly<Partial<Record<UnLanguage, string>>>;
  meta?: Record<string, unknown>;
}

/** A controlled list (schemas/vocab/<name>.json). */
export interface Vocabulary {
  name: string;
  id: string;
  title: string;
  labels: Labels;
  terms: Map<string, Term>;
}

/** A terminology rule after the Luxembourg Guidelines (schemas/vocab/terminology.json). */
export interface TerminologyTerm {
  id: string;
  language: string;
  avoid: string[];
  prefer: string;
  severity: "error" | "warning";
  sources: string[];
  note?: string;
}

export interface Vocabularies {
  lists: Map<string, Vocabulary>;
  terminology: TerminologyTerm[];
  /** Looks a list up by name ("topics"); throws for a name the code should not ask for. */
  get(name: string): Vocabulary;
}

/**
 * The controlled lists, from the parsed documents of schemas/vocab/ by file name ("topics.json").
 * Only the schema catalog calls this: everyone else asks `loadCatalog(...).vocabularies`.
 */
export function buildVocabularies(documents: ReadonlyMap<string, Record<string, unknown>>): Vocabularies {
  const lists = new Map<string, Vocabulary>();
  let terminology: TerminologyTerm[] = [];
  for (const [file, document] of [...documents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!file.endsWith(".json")) continue;
    const name = file.slice(0, -".json".length);
    if (name === "terminology") {
      terminology = (document.terms ?? []) as TerminologyTerm[];
      continue;
    }
    const terms = new Map<string, Term>();
    const branches = (Array.isArray(document.oneOf) ? document.oneOf : []) as Array<{
      const: string;
      labels: Labels;
      description?: string;
      descriptions?: Partial<Record<UnLanguage, string>>;
      meta?: Record<string, unknown>;
    }>;
    for (const branch of branches) {
      terms.set(branch.const, {
        id: branch.const,
        labels: branch.labels,
        ...(branch.description ? { description: branch.description } : {}),
        ...(branch.descriptions ? { descriptions: branch.descriptions } : {}),
        ...(branch.meta ? { meta: branch.meta } : {}),
      });
    }
    lists.set(name, { name, id: String(document.$id), title: String(document.title), labels: document.labels as Labels, terms });
  }
  return {
    lists,
    terminology,
    get(name) {
      const list = lists.get(name);
      if (!list) throw new Error(`vocabularies: schemas/vocab/${name}.json is missing`);
      return list;
    },
  };
}

/** The vocabulary a schema document is, if it is one (matched by `$id`). */
export function vocabularyOfSchema(vocabularies: Vocabularies, schema: unknown): Vocabulary | undefined {
  const id = (schema as { $id?: unknown } | null)?.$id;
  if (typeof id !== "string") return undefined;
  for (const list of vocabularies.lists.values()) if (list.id === id) return list;
  return undefined;
}

/** The id of the value whose label, in any of the six languages, is what was written ("Kenya" → KEN, "english" → en). */
export function findByLabel(list: Vocabulary, written: string): string | undefined {
  const wanted = written.trim().toLowerCase().replace(/[-_]+/g, " ");
  for (const [id, term] of list.terms) {
    if (Object.values(term.labels).some((label) => label.toLowerCase() === wanted)) return id;
  }
  return undefined;
}
