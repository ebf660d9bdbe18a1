import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/repo.ts";

let project: string | undefined;
afterEach(() => {
  if (project) rmSync(project, { recursive: true, force: true });
  project = undefined;
});

/** A tiny project with the launcher and a `validate` command that prints a message from a catalog. */
function tinyProject(): string {
  const root = mkdtempSync(join(tmpdir(), "cop-atlas-launch-"));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  cpSync(join(PROJECT_ROOT, "scripts/bin/launch.mjs"), join(root, "scripts/bin/launch.mjs"));
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
  write("package-lock.json", "{}\n");
  write("locales/en.json", '{ "hello": "first" }\n');
  write("scripts/lib/greet.ts", 'import en from "../../locales/en.json" with { type: "json" };\nexport const greet = (): string => en.hello;\n');
  write("scripts/cli/validate.ts", 'import { greet } from "../lib/greet.ts";\nconsole.log(greet());\n');
  write("scripts/lib/validate/worker.ts", "export {};\n");
  write("scripts/lib/unused.ts", "export const unused = 1;\n");
  return root;
}

const run = (root: string) => execFileSync(process.execPath, [join(root, "scripts/bin/launch.mjs"), "validate"], { cwd: tmpdir(), encoding: "utf8" });
const builtAt = (root: string) => statSync(join(root, "build/cli/validate.mjs")).mtimeMs;
/** Marks a file as edited after the bundle was built, without waiting for the clock. */
const editLater = (root: string, path: string, text?: string) => {
  if (text !== undefined) writeFileSync(join(root, path), text);
  const later = new Date(builtAt(root) + 5000);
  utimesSync(join(root, path), later, later);
};

test("the bundle is built once, then rebuilt when a file it imports changes, a data file included", () => {
  project = tinyProject();
  expect(run(project)).toBe("first\n");
  const first = builtAt(project);
  // Nothing changed: the bundle is reused.
  expect(run(project)).toBe("first\n");
  expect(builtAt(project)).toBe(first);
  // A file the command does not import changes nothing.
  editLater(project, "scripts/lib/unused.ts");
  run(project);
  expect(builtAt(project)).toBe(first);
  // A message catalog outside scripts/ is an input too: the edited text is what runs.
  editLater(project, "locales/en.json", '{ "hello": "second" }\n');
  expect(run(project)).toBe("second\n");
  // The dependencies, through the lock file.
  const second = builtAt(project);
  editLater(project, "package-lock.json");
  run(project);
  expect(builtAt(project)).toBeGreaterThan(second);
});

test("a missing list of inputs means a build, never a stale bundle", () => {
  project = tinyProject();
  run(project);
  rmSync(join(project, "build/cli/validate.inputs.json"));
  editLater(project, "locales/en.json", '{ "hello": "third" }\n');
  expect(run(project)).toBe("third\n");
});

test("a message catalog read from the bundle behaves as the JSON it was made from", () => {
  project = tinyProject();
  const catalog = { $comment: "not a message", hello: "first", "dotted.key": "plural {count, plural, one {# file} other {# files}}", الكلمة: "عربي" };
  writeFileSync(join(project, "locales/en.json"), `${JSON.stringify(catalog, null, 2)}\n`);
  writeFileSync(
    join(project, "scripts/cli/validate.ts"),
    [
      'import en from "../../locales/en.json" with { type: "json" };',
      "const catalog: Record<string, string> = en;",
      'console.log(JSON.stringify([catalog["dotted.key"], catalog.nope, "hello" in catalog, "nope" in catalog, Object.keys(catalog), Object.entries(catalog), { ...catalog }, catalog]));',
    ].join("\n"),
  );
  const expected = [catalog["dotted.key"], undefined, true, false, Object.keys(catalog), Object.entries(catalog), catalog, catalog];
  expect(JSON.parse(run(project))).toEqual(JSON.parse(JSON.stringify(expected)));
});
