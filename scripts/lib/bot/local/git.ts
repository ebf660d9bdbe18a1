import { execFile } from "node:child_process";
import { type ContentReader, type DirRead, type FileRead, MAX_FILE_BYTES } from "../../github/content.ts";
import type { ChangedFile } from "../types.ts";

/** Runs git without a shell: arguments are passed as they are. */
export function git(cwd: string, args: string[], maxBuffer = 16 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, maxBuffer, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(new Error(`git ${args[0]}: ${String(stderr).trim().split("\n")[0] ?? error.message}`), { code: error.code }));
      else resolve(stdout);
    });
  });
}

/** A revision a user named (`--base main`): refused when it could be read as an option or a revision range. */
export function checkRevision(name: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/@{}^~-]{0,200}$/.test(name) || name.includes("..")) {
    throw new Error(`Not a usable git revision: ${JSON.stringify(name).slice(0, 80)}`);
  }
  return name;
}

/** Reads files and folders at a commit with `git cat-file` and `git ls-tree`. */
export function gitContentReader(cwd: string): ContentReader {
  return {
    async readFile(ref, path): Promise<FileRead> {
      const object = `${ref}:${path}`;
      let type: string;
      try {
        type = (await git(cwd, ["cat-file", "-t", object])).trim();
      } catch {
        return { status: "missing" };
      }
      if (type !== "blob") return { status: "error", message: "not a regular file" };
      try {
        const size = Number((await git(cwd, ["cat-file", "-s", object])).trim());
        if (!(size <= MAX_FILE_BYTES)) return { status: "error", message: "too large" };
        return { status: "ok", text: await git(cwd, ["cat-file", "blob", object]) };
      } catch (error) {
        return { status: "error", message: error instanceof Error ? error.message : String(error) };
      }
    },
    async listDir(ref, path): Promise<DirRead> {
      let out: string;
      try {
        out = await git(cwd, ["ls-tree", "-z", ref, "--", `${path}/`]);
      } catch (error) {
        return { status: "error", message: error instanceof Error ? error.message : String(error) };
      }
      const entries = out
        .split("\0")
        .filter(Boolean)
        .map((line) => {
          const [meta = "", name = ""] = line.split("\t");
          const [mode, kind] = meta.split(" ");
          const type: "file" | "dir" | "other" = kind === "tree" ? "dir" : kind === "blob" && mode !== "120000" ? "file" : "other";
          return { name: name.slice(name.lastIndexOf("/") + 1), type };
        });
      return entries.length === 0 ? { status: "missing" } : { status: "ok", entries };
    },
  };
}

/** The files changed between the merge base of `base` and `head`, as GitHub lists a pull request's files. */
export async function gitChangedFiles(cwd: string, base: string, head: string): Promise<ChangedFile[]> {
  const out = await git(cwd, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", `${base}...${head}`, "--"]);
  const parts = out.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++];
    if (!code) continue;
    const letter = code[0];
    if (letter === "R" || letter === "C") {
      const from = parts[i++] ?? "";
      const to = parts[i++] ?? "";
      files.push(letter === "R" ? { path: to, status: "renamed", previousPath: from } : { path: to, status: "copied" });
    } else {
      const path = parts[i++] ?? "";
      files.push({ path, status: letter === "A" ? "added" : letter === "D" ? "removed" : "modified" });
    }
  }
  return files;
}
