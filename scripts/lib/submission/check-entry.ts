import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import { validateRepository } from "../validate/index.ts";

/**
 * Validates new entry files with the repository's own validator, in a temporary copy of what
 * they need (schemas/ and the country's folder), so nothing is written into the checkout.
 * Paths in the diagnostics are the repository's paths.
 */
export function checkEntryFiles(root: string, files: readonly EntryFile[], now?: Date): Diagnostic[] {
  const copy = mkdtempSync(join(tmpdir(), "cop-atlas-submission-"));
  try {
    cpSync(join(root, "schemas"), join(copy, "schemas"), { recursive: true });
    const owners = new Set(files.map((file) => file.path.split("/").slice(0, 2).join("/")));
    for (const owner of owners) {
      if (existsSync(join(root, owner))) cpSync(join(root, owner), join(copy, owner), { recursive: true, dereference: false });
    }
    for (const file of files) {
      mkdirSync(dirname(join(copy, file.path)), { recursive: true });
      writeFileSync(join(copy, file.path), file.text, { flag: "w" });
    }
    return validateRepository({ root: copy, targets: files.map((file) => file.path), ...(now ? { now } : {}) }).diagnostics;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
