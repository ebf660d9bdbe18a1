import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { EntryFile } from "./entry.ts";

/** The files that already exist: `npm run new` refuses to run when there is any. */
export function existingFiles(root: string, files: readonly EntryFile[]): string[] {
  const taken: string[] = [];
  for (const file of files) {
    if (existsSync(join(root, file.path))) taken.push(file.path);
    else if (file.path.endsWith("/activity.json") && existsSync(join(root, dirname(file.path)))) taken.push(`${dirname(file.path)}/`);
  }
  return taken;
}

/** Creates the files; `wx` makes the write fail rather than replace a file that appeared meanwhile. */
export function createFiles(root: string, files: readonly EntryFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.text, { flag: "wx" });
  }
}
