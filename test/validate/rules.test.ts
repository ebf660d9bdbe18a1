import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { RULES } from "../../scripts/lib/rules/index.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { makeRepo } from "../support/repo.ts";
import { CASES, NOW, run } from "./rule-cases.ts";

test("the baseline repository is valid: no rule reports anything", () => {
  expect(run({})).toEqual([]);
});

test("every rule has a unique kebab-case id and a description", () => {
  const ids = RULES.map((rule) => rule.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const rule of RULES) {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.description.length).toBeGreaterThan(20);
  }
});

describe("each rule reports the exact problem, at the exact place", () => {
  test.for(CASES)("$name", ({ change, expected }) => {
    const found = run(change).map(({ ruleId, severity, file, line, column, message }) => ({ ruleId, severity, file, line, column, message }));
    expect(found).toEqual(expected.map((e) => ({ severity: "error", ...e })));
  });
});

describe("every diagnostic carries a file, a position and a rule id", () => {
  let diagnostics: Diagnostic[] = [];
  beforeAll(() => {
    diagnostics = CASES.flatMap((c) => run(c.change));
  });
  afterAll(() => {
    diagnostics = [];
  });
  test("no rule crashed on any case", () => {
    expect(diagnostics.filter((d) => d.ruleId === "rule-crashed")).toEqual([]);
  });
  test("positions are 1-based and messages are sentences", () => {
    for (const d of diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message).toMatch(/[.?]$/);
    }
  });
});

describe("files the data layout does not allow", () => {
  const entry = "countries/ken/activities/example-strategy-2020";
  const layoutOf = (root: string) =>
    validateRepository({ root, now: NOW })
      .diagnostics.filter((d) => d.ruleId === "layout")
      .map(({ file, line, column, message }) => ({ file, line, column, message }));

  test("a symbolic link", () => {
    const repo = makeRepo();
    try {
      symlinkSync("/etc/passwd", join(repo.root, entry, "es.md"));
      expect(layoutOf(repo.root)).toEqual([{ file: `${entry}/es.md`, line: 1, column: 1, message: "Symbolic links are not allowed in the data." }]);
    } finally {
      repo.cleanup();
    }
  });

  test("a binary file", () => {
    const repo = makeRepo();
    try {
      writeFileSync(join(repo.root, entry, "es.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      expect(layoutOf(repo.root)).toEqual([{ file: `${entry}/es.md`, line: 1, column: 1, message: "This file is not UTF-8 text." }]);
    } finally {
      repo.cleanup();
    }
  });

  test("a file over the size limit is not read", () => {
    const repo = makeRepo();
    try {
      repo.write(`${entry}/es.md`, `---\ntitle: x\n---\n${"a".repeat(300 * 1024)}`);
      expect(layoutOf(repo.root)).toEqual([{ file: `${entry}/es.md`, line: 1, column: 1, message: "This file is too large (300 KB, at most 256 KB)." }]);
    } finally {
      repo.cleanup();
    }
  });
});
