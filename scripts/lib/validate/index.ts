import { compareDiagnostics, type Diagnostic } from "../diagnostics.ts";
import { diskSource, type FileSource } from "../load/source.ts";
import { RULES } from "../rules/index.ts";
import type { Rule } from "../rules/rule.ts";
import { loadCatalog, type SchemaCatalog } from "../schema/catalog.ts";
import { Dataset } from "./dataset.ts";
import { runRules } from "./run.ts";

export interface ValidateOptions {
  /** The repository root on disk; ignored when `source` is given. */
  root?: string;
  /** Where to read the repository from (a git tree, memory ...); the working tree at `root` by default. */
  source?: FileSource;
  /** Files or folders to check (a change's paths, deleted ones included); undefined for everything. */
  targets?: readonly string[];
  /** "Today", for date rules; the real date by default. */
  now?: Date;
  rules?: readonly Rule[];
  /** The schemas and vocabularies; read from the source's schemas/ by default (compiled once per process). */
  catalog?: SchemaCatalog;
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
  const source = options.source ?? diskSource(options.root ?? ".");
  const dataset = new Dataset({
    source,
    catalog: options.catalog ?? loadCatalog(source),
    now: options.now ?? new Date(),
    ...(options.targets ? { targets: options.targets } : {}),
  });
  const diagnostics = runRules(dataset, options.rules ?? RULES).sort(compareDiagnostics);
  return { diagnostics, files: dataset.files.length, entries: dataset.entries.length };
}
