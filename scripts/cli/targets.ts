import { isAbsolute, relative } from "node:path";
import { changedPaths } from "../lib/git.ts";

/** The base `--changed` compares with when it is given without one. */
export const DEFAULT_BASE = "origin/main";

/** Lets `--changed` stand alone: parseArgs has no optional values, so a bare flag gets the default base. */
export function withDefaultBase(argv: readonly string[]): string[] {
  return argv.map((arg, index) =>
    arg === "--changed" && (argv[index + 1] === undefined || argv[index + 1]?.startsWith("-")) ? `--changed=${DEFAULT_BASE}` : arg,
  );
}

/** What a data command works on: the change against a base, the paths given, or everything (undefined). */
export function resolveTargets(root: string, changed: string | undefined, paths: readonly string[]): string[] | undefined {
  // An absolute path is made relative to the repository; if it lies outside, it climbs out with .. and the validator refuses it.
  const given = paths.map((path) => (isAbsolute(path) ? relative(root, path) : path));
  if (changed !== undefined) return [...changedPaths(root, changed), ...given];
  return given.length > 0 ? given : undefined;
}
