import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { listFiles, readSourceFile } from "../load/files.ts";
import { DATA_ROOTS } from "../load/paths.ts";
import { loadCatalog } from "../schema/catalog.ts";
import { formatFileText, formatKindOf } from "./file.ts";
import { FORMAT_RULE_ID } from "./outcome.ts";
import { buildFormatSchemas, type FormatSchemas } from "./schema-shapes.ts";

/** The shapes formatting follows, from the schema catalog of the repository at `root`. Throws when the schemas cannot be read. */
export function loadFormatSchemas(root: string): FormatSchemas {
  return buildFormatSchemas(loadCatalog(root));
}

export interface FormatRepositoryOptions {
  root: string;
  /** Files or folders to format (a change's paths, deleted ones included); undefined for the whole data tree. */
  targets?: readonly string[];
  /** False for --check: compute everything, write nothing. */
  write: boolean;
  /** The shapes to follow; read from root/schemas when not given. */
  schemas?: FormatSchemas;
}

/** What happened to one file. */
export interface FormattedFile {
  file: string;
  /** unchanged: already canonical; changed: rewritten (or would be, with --check); unformattable: left alone. */
  status: "unchanged" | "changed" | "unformattable";
  /** Why an unformattable file was left alone. */
  problems: Diagnostic[];
}

/** Formats the data files of a repository (or the given part of it), in path order. */
export function formatRepository(options: FormatRepositoryOptions): FormattedFile[] {
  const schemas = options.schemas ?? loadFormatSchemas(options.root);
  return findFormatTargets(options.root, options.targets).map((file) => {
    const source = readSourceFile(options.root, file);
    if (source?.text === undefined) return { file, status: "unformattable", problems: [unreadable(file, source)] };
    const outcome = formatFileText(file, source.text, schemas);
    if (outcome.problems) return { file, status: "unformattable", problems: outcome.problems };
    if (outcome.text === source.text) return { file, status: "unchanged", problems: [] };
    if (options.write) writeFileSync(join(options.root, file), outcome.text);
    return { file, status: "changed", problems: [] };
  });
}

/** The files under the targets that formatting rewrites, sorted, without duplicates; missing paths are skipped. */
export function findFormatTargets(root: string, targets: readonly string[] = DATA_ROOTS): string[] {
  const files = new Set<string>();
  for (const raw of targets) {
    const target = raw.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
    if (target === "" || target.split("/").includes("..")) continue;
    const listed = listFiles(root, target);
    const paths = listed.length > 0 ? listed : readSourceFile(root, target) ? [target] : [];
    for (const path of paths) if (formatKindOf(path)) files.add(path);
  }
  return [...files].sort();
}

function unreadable(file: string, source: ReturnType<typeof readSourceFile>): Diagnostic {
  const why = source?.symlink
    ? "It is a symbolic link, which formatting does not follow."
    : source?.tooLarge
      ? "It is larger than any entry file should be."
      : "It is not UTF-8 text.";
  return { ruleId: FORMAT_RULE_ID, severity: "error", file, line: 1, column: 1, message: `The file cannot be formatted. ${why}` };
}
