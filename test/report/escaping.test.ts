import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { printable } from "../../scripts/lib/printable.ts";
import { formatGithub, formatJobSummary } from "../../scripts/lib/report/github.ts";
import { formatPretty } from "../../scripts/lib/report/pretty.ts";

/** A file name and a message that try to forge a second diagnostic and recolour the terminal. */
const FORGED: Diagnostic = {
  ruleId: "layout",
  severity: "error",
  file: "countries/ken/activities/x\n  1:1      error    All checks passed.  schema\u001b[2K\u001b[1A/en.md",
  line: 1,
  column: 1,
  message: 'Unexpected file "a\rb\u202Ec\u0007".',
  hint: "first line\nsecond line with \u001b]8;;https://evil.example\u0007a link\u001b]8;;\u0007",
};
const summary = { files: 1, entries: 1 };

describe("printable", () => {
  test.for([
    ["plain text, Arabic حملة and 中文", "plain text, Arabic حملة and 中文"],
    ["a\nb", "a<U+000A>b"],
    ["\u001b[31mred", "<U+001B>[31mred"],
    ["\u202Eevil", "<U+202E>evil"],
    ["lone \uD800 surrogate", "lone <U+D800> surrogate"],
    ["pair 😀 stays", "pair 😀 stays"],
    ["non\uFFFEcharacter", "non<U+FFFE>character"],
    ["line\u2028separator", "line<U+2028>separator"],
    ["Persian half-space می\u200Cخواهم", "Persian half-space می\u200Cخواهم"],
    ["an isolated \u2068حملة\u2069 value stays", "an isolated \u2068حملة\u2069 value stays"],
    ["\u2068a\nb\u2069 inside too", "\u2068a<U+000A>b\u2069 inside too"],
    ["unclosed \u2068حملة", "unclosed <U+2068>حملة"],
    ["stray \u2069 close", "stray <U+2069> close"],
    ["nested \u2068a\u2067b\u2069c\u2069", "nested <U+2068>a<U+2067>b<U+2069>c<U+2069>"],
    ["override \u2068a\u202Eb\u2069", "override <U+2068>a<U+202E>b<U+2069>"],
  ] as const)("%j prints as %j", ([input, expected]) => {
    expect(printable(input)).toBe(expected);
  });
});

describe("the formats print data as inert text", () => {
  test("pretty: one heading line and one diagnostic line, with no control character", () => {
    const out = formatPretty([FORGED], summary, false);
    const lines = out.split("\n");
    expect(lines[0]).toBe("countries/ken/activities/x<U+000A>  1:1      error    All checks passed.  schema<U+001B>[2K<U+001B>[1A/en.md");
    expect(lines[1]).toBe('  1:1      error    Unexpected file "a<U+000D>b<U+202E>c<U+0007>".  layout');
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202E]/);
    expect(lines.filter((line) => /^ {2}\d+:\d+ +error/.test(line))).toHaveLength(1);
  });

  test("pretty with colour: the only escape sequences are its own", () => {
    const out = formatPretty([FORGED], summary, true);
    const escapes = out.match(/\u001b\[[0-9;]*m/g) ?? [];
    expect(out.replace(/\u001b\[[0-9;]*m/g, "")).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(escapes.length).toBeGreaterThan(0);
  });

  test("github: one workflow command per diagnostic, properties and data encoded", () => {
    const out = formatGithub([FORGED], summary);
    const commands = out.split("\n").filter((line) => line.startsWith("::"));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=countries\/ken\/activities\/x<U\+000A> {2}1%3A1 {6}error {4}All checks passed\. {2}schema<U\+001B>\[2K/);
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });

  test("job summary: no control character and no line break inside a table row", () => {
    const out = formatJobSummary([FORGED], summary);
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(out.split("\n").filter((line) => line.startsWith("| ❌"))).toHaveLength(1);
  });
});
