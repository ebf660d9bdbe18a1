import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, expect, test } from "vitest";
import { toolVersion } from "../../scripts/lib/validate/disk-cache.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A project with a bundle in build/cli and a lock file, as `launch.mjs` leaves it. */
function bundledProject(): { bundle: string; url: string } {
  root = mkdtempSync(join(tmpdir(), "cop-atlas-tool-version-"));
  const bundle = join(root, "build/cli");
  mkdirSync(bundle, { recursive: true });
  writeFileSync(join(bundle, "validate.mjs"), "export const rule = 'one';\n");
  writeFileSync(join(bundle, "validate-worker.mjs"), "export {};\n");
  writeFileSync(join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
  return { bundle, url: pathToFileURL(join(bundle, "validate.mjs")).href };
}

test("a bundle's version is kept beside it and taken again when a file of the bundle or the lock file changes", () => {
  const { bundle, url } = bundledProject();
  const first = toolVersion(url);
  expect(existsSync(join(bundle, "tool-version.json"))).toBe(true);
  expect(toolVersion(url)).toBe(first);
  // Same size and modification time, other content: the change time still tells.
  const path = join(bundle, "validate.mjs");
  const { atime, mtime } = statSync(path);
  writeFileSync(path, "export const rule = 'two';\n");
  utimesSync(path, atime, mtime);
  const second = toolVersion(url);
  expect(second).not.toBe(first);
  expect(toolVersion(url)).toBe(second);
  writeFileSync(join(root as string, "package-lock.json"), '{"lockfileVersion":4}\n');
  expect(toolVersion(url)).not.toBe(second);
});

test("a kept version that cannot be read is taken again, never trusted", () => {
  const { bundle, url } = bundledProject();
  const version = toolVersion(url);
  writeFileSync(join(bundle, "tool-version.json"), "{ torn");
  expect(toolVersion(url)).toBe(version);
  writeFileSync(join(bundle, "tool-version.json"), JSON.stringify({ attributes: "[]", version: "stale" }));
  expect(toolVersion(url)).toBe(version);
});
