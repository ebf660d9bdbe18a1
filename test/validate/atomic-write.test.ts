import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { writeFileAtomically } from "../../scripts/lib/atomic-write.ts";

// The writes validate makes (its cache, the facts index, --json-out) go through writeFileAtomically.
const scratch = mkdtempSync(join(tmpdir(), "cop-atlas-atomic-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A disk that fills up halfway through a write: half the text reaches the file, then ENOSPC. */
const fullDisk = {
  writeFileSync(path: string, text: string) {
    writeFileSync(path, text.slice(0, text.length / 2));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  },
  renameSync,
  rmSync,
};

test("a write that fails halfway leaves the old file as it was, and nothing beside it", () => {
  const folder = join(scratch, "full-disk");
  mkdirSync(folder);
  const path = join(folder, "report.json");
  writeFileAtomically(path, '{"old": true}');
  expect(() => writeFileAtomically(path, JSON.stringify({ new: "x".repeat(1000) }), fullDisk)).toThrow(/ENOSPC/);
  expect(readFileSync(path, "utf8")).toBe('{"old": true}');
  expect(readdirSync(folder)).toEqual(["report.json"]);
});

test("a folder in the way or a missing folder is an error, with nothing left behind", () => {
  const folder = join(scratch, "in-the-way");
  mkdirSync(join(folder, "report.json"), { recursive: true });
  writeFileSync(join(folder, "report.json", "inside"), "a folder stands where the file would go");
  expect(() => writeFileAtomically(join(folder, "report.json"), "{}")).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
  expect(readdirSync(folder)).toEqual(["report.json"]);
  expect(() => writeFileAtomically(join(folder, "missing", "report.json"), "{}")).toThrow(/ENOENT/);
  expect(readdirSync(folder)).toEqual(["report.json"]);
});

test("a write replaces the old content whole", () => {
  const path = join(scratch, "replace.json");
  writeFileAtomically(path, "old and longer");
  writeFileAtomically(path, "new");
  expect(readFileSync(path, "utf8")).toBe("new");
  expect(readdirSync(scratch).filter((name) => name.startsWith("replace.json"))).toEqual(["replace.json"]);
});
