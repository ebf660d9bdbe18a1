import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { RULES } from "../../scripts/lib/rules/index.ts";
import { CASES, run } from "./rule-cases.ts";

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
