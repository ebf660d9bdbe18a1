import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, type Dirent, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { baselineFiles, PROJECT_ROOT } from "../support/repo.ts";
import { type Content, type HostileCase, materialise, type SetupStep } from "./case.ts";

/** The folders of one case: the repository, and a folder beside it that nothing may read or write. */
export interface CaseFolders {
  /** Holds both; removed afterwards. */
  parent: string;
  root: string;
  outside: string;
}

/** Builds a case's repository in a new temporary folder: schemas, the baseline entry, the case's files and set-up. */
export function buildCaseRepository(hostile: HostileCase): CaseFolders {
  const parent = mkdtempSync(join(tmpdir(), "cop-atlas-hostile-"));
  const root = join(parent, "repo");
  const outside = join(parent, "outside");
  mkdirSync(root);
  mkdirSync(outside);
  cpSync(join(PROJECT_ROOT, "schemas"), join(root, "schemas"), { recursive: true });
  // The bot reads its form from .github/ISSUE_TEMPLATE, as on GitHub: set up here, before the file-system guard starts.
  if (hostile.run === "submission") cpSync(join(PROJECT_ROOT, ".github"), join(root, ".github"), { recursive: true });
  if (hostile.base !== "empty") for (const [path, text] of Object.entries(baselineFiles())) write(root, path, text);
  // Removals first, so that a case can put a file where the baseline has a folder.
  const steps = hostile.setup ?? [];
  for (const step of steps) if (step.op === "remove") applyStep(root, outside, step);
  for (const [path, content] of Object.entries(hostile.files ?? {})) write(root, path, content);
  for (const [path, content] of Object.entries(hostile.outside ?? {})) write(outside, path, content);
  // As root (the test machines) a file without read permission can still be read, so such a
  // command runs as nobody (runners.ts): everything else of the case is opened to it first.
  if (hostile.run === "cli" && process.getuid?.() === 0 && steps.some((step) => step.op === "unreadable")) execFileSync("chmod", ["-R", "a+rwX", parent]);
  for (const step of steps) if (step.op !== "remove") applyStep(root, outside, step);
  if (hostile.run === "artifact") {
    const dir = join(parent, "artifact");
    mkdirSync(dir);
    for (const [name, content] of Object.entries(hostile.artifact)) {
      if (typeof content === "object" && "symlink" in content) symlinkSync(content.symlink.replace("<outside>", outside), join(dir, name));
      else if (typeof content === "object" && "folder" in content) mkdirSync(join(dir, name));
      else write(dir, name, content);
    }
  }
  return { parent, root, outside };
}

/** Removes a case's folders, making unreadable ones readable first. */
export function removeCaseRepository(folders: CaseFolders): void {
  try {
    execFileSync("chmod", ["-R", "u+rwx", folders.parent], { stdio: "ignore" });
  } catch {
    // Nothing was made unreadable, or rm copes without it.
  }
  rmSync(folders.parent, { recursive: true, force: true });
}

function write(base: string, path: string, content: Content): void {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  const existing = typeof content === "object" && "replace" in content ? readFileSync(join(base, path), "utf8") : undefined;
  writeFileSync(join(base, path), materialise(content, existing));
}

function applyStep(root: string, outside: string, step: SetupStep): void {
  const at = (path: string) => join(root, path);
  switch (step.op) {
    case "symlink": {
      mkdirSync(dirname(at(step.path)), { recursive: true });
      const target = step.target.startsWith("outside:") ? join(outside, step.target.slice("outside:".length)) : step.target;
      symlinkSync(target, at(step.path));
      return;
    }
    case "fifo":
      mkdirSync(dirname(at(step.path)), { recursive: true });
      execFileSync("mkfifo", [at(step.path)]);
      return;
    case "unreadable":
      chmodSync(at(step.path), 0o000);
      return;
    case "folders":
      for (let index = 0; index < step.count; index++) mkdirSync(join(at(step.under), `empty-${index}`), { recursive: true });
      return;
    case "copies": {
      const source = at(step.entry);
      for (let index = 1; index <= step.count; index++) cpSync(source, `${source}-copy-${index}`, { recursive: true });
      return;
    }
    case "remove":
      rmSync(at(step.path), { recursive: true, force: true });
      return;
  }
}

/** Every path under a folder (for checking that nothing was written into the repository). */
export function listTree(folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    let names: Dirent[];
    try {
      names = readdirSync(join(folder, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const name of names) {
      const path = relative ? `${relative}/${name.name}` : name.name;
      found.push(path);
      // Never into a symbolic link: it may point out of the folder.
      if (name.isDirectory()) walk(path);
    }
  };
  walk("");
  return found.sort();
}
