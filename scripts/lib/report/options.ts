import { writeFileAtomically } from "../atomic-write.ts";

/** The output formats of the commands that report diagnostics (validate, links). */
export const REPORT_FORMATS = ["pretty", "github", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The --format option's value, pretty when absent; an unknown one is an error that names the three. */
export function parseReportFormat(value: string | undefined): ReportFormat {
  const format = value ?? "pretty";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`unknown --format "${format}": use pretty, github or json`);
  return format as ReportFormat;
}

/**
 * Writes the --json-out report whole or not at all, or fails with one sentence that says what to
 * change.
 */
export function writeJsonOut(path: string, text: string): void {
  try {
    writeFileAtomically(path, text);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "EISDIR"
        ? "it is a folder"
        : code === "ENOENT"
          ? "its folder does not exist"
          : code === "EACCES" || code === "EPERM" || code === "EROFS"
            ? "permission denied"
            : (code ?? "an unknown error");
    throw new Error(`cannot write the JSON report to ${path}: ${why}; give a file name in a folder that exists`);
  }
}
