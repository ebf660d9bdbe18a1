import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One use of the file system by the code under test. */
export interface Access {
  operation: string;
  path: string;
  write: boolean;
}

const READS = [
  "readFileSync",
  "openSync",
  "readdirSync",
  "lstatSync",
  "statSync",
  "existsSync",
  "accessSync",
  "realpathSync",
  "opendirSync",
  "readlinkSync",
] as const;
const WRITES = [
  "writeFileSync",
  "appendFileSync",
  "mkdirSync",
  "mkdtempSync",
  "rmSync",
  "rmdirSync",
  "unlinkSync",
  "renameSync",
  "copyFileSync",
  "cpSync",
  "symlinkSync",
  "chmodSync",
  "truncateSync",
] as const;
const PROMISE_READS = ["readFile", "open", "readdir", "lstat", "stat", "access", "realpath", "opendir", "readlink"] as const;
const PROMISE_WRITES = [
  "writeFile",
  "appendFile",
  "mkdir",
  "mkdtemp",
  "rm",
  "rmdir",
  "unlink",
  "rename",
  "copyFile",
  "cp",
  "symlink",
  "chmod",
  "truncate",
] as const;
/** Operations that open a file's content: where an injected fault fires. */
const OPENS = new Set(["readFileSync", "openSync", "readFile", "open"]);
/** Operations whose second argument is a path too. */
const TWO_PATHS = new Set(["renameSync", "copyFileSync", "cpSync", "symlinkSync", "rename", "copyFile", "cp", "symlink"]);

function pathOf(argument: unknown): string | undefined {
  if (typeof argument === "string") return resolve(argument);
  if (argument instanceof URL) return fileURLToPath(argument);
  if (Buffer.isBuffer(argument)) return resolve(argument.toString("utf8"));
  return undefined;
}

/**
 * Records every path the code under test reads or writes through node:fs (sync and promise
 * APIs, also through ES module imports, which syncBuiltinESMExports updates), and makes opening
 * the `unreadable` paths fail with EACCES, as for a file without read permission (the tests run
 * as root, who can read anything). `stop()` puts the real functions back.
 */
export function guardFileSystem(unreadable: readonly string[]): { accesses: Access[]; stop(): void } {
  const accesses: Access[] = [];
  const faults = new Set(unreadable.map((path) => resolve(path)));
  const restore: Array<() => void> = [];
  const wrap = (target: Record<string, unknown>, name: string, write: boolean) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    if (typeof original !== "function") return;
    target[name] = function guarded(this: unknown, ...args: unknown[]) {
      const paths = [pathOf(args[0]), TWO_PATHS.has(name) ? pathOf(args[1]) : undefined].filter((path): path is string => path !== undefined);
      for (const path of paths) accesses.push({ operation: name, path, write });
      if (OPENS.has(name) && paths.some((path) => faults.has(path))) {
        const error = Object.assign(new Error(`EACCES: permission denied, open '${paths[0]}'`), {
          code: "EACCES",
          errno: -13,
          syscall: "open",
          path: paths[0],
        });
        if (target === (fs.promises as unknown)) return Promise.reject(error);
        throw error;
      }
      return original.apply(this, args);
    };
    // realpathSync.native and the like: kept, and recorded as well.
    for (const [key, value] of Object.entries(original)) {
      (target[name] as Record<string, unknown>)[key] =
        typeof value === "function"
          ? function guardedVariant(this: unknown, ...args: unknown[]) {
              const path = pathOf(args[0]);
              if (path !== undefined) accesses.push({ operation: `${name}.${key}`, path, write });
              return (value as (...args: unknown[]) => unknown).apply(this, args);
            }
          : value;
    }
    restore.push(() => {
      target[name] = original;
    });
  };
  const sync = fs as unknown as Record<string, unknown>;
  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const name of READS) wrap(sync, name, false);
  for (const name of WRITES) wrap(sync, name, true);
  for (const name of PROMISE_READS) wrap(promises, name, false);
  for (const name of PROMISE_WRITES) wrap(promises, name, true);
  syncBuiltinESMExports();
  return {
    accesses,
    stop() {
      for (const undo of restore) undo();
      syncBuiltinESMExports();
    },
  };
}

/** True when `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const normal = resolve(folder);
  return isAbsolute(path) && (path === normal || path.startsWith(`${normal}/`));
}
