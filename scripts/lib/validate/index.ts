import { compareDiagnostics, type Diagnostic } from "../diagnostics.ts";
import { RULES } from "../rules/index.ts";
import { loadSchemas, type SchemaSet } from "../schema/ajv.ts";
import { loadVocabularies, type Vocabularies } from "../vocab.ts";
import { Dataset, type Rule } from "./dataset.ts";
import { runRules } from "./run.ts";

export interface ValidateOptions {
  /** The repository root. */
  root: string;
  /** Files or folders to check (a change's paths, deleted ones included); undefined for everything. */
  targets?: readonly string[];
  /** "Today", for date rules; the real date by default. */
  now?: Date;
  rules?: readonly Rule[];
  /** Already loaded schemas and vocabularies, to validate many times without reloading them. */
  schemas?: SchemaSet;
  vocabularies?: Vocabularies;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** How many files were checked. */
  files: number;
  /** How many entries were checked. */
  entries: number;
}

/** Validates the data of a repository (or the given part of it) and returns every problem, sorted. */
export function validateRepository(options: ValidateOptions): ValidationResult {
  const dataset = new Dataset({
    root: options.root,
    vocabularies: options.vocabularies ?? loadVocabularies(options.root),
    schemas: options.schemas ?? loadSchemas(options.root),
    now: options.now ?? new Date(),
    ...(options.targets ? { targets: options.targets } : {}),
  });
  const diagnostics = runRules(dataset, options.rules ?? RULES).sort(compareDiagnostics);
  return { diagnostics, files: dataset.files.length, entries: dataset.entries.length };
}
