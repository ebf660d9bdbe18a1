import { describe, expect, test } from "vitest";
import { formatJsonText } from "../../scripts/lib/format/json.ts";
import { loadFormatSchemas } from "../../scripts/lib/format/repository.ts";
import type { FormatKind } from "../../scripts/lib/format/schema-shapes.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { nfcDeep } from "./support.ts";

const schemas = loadFormatSchemas(PROJECT_ROOT);
const format = (text: string, kind: FormatKind = "activity") => formatJsonText(text, kind, schemas, "x/activity.json");

describe("formatJsonText rewrites canonically", () => {
  test.for<{ name: string; kind?: FormatKind; input: string; output: string }>([
    {
      name: "known keys in schema order, two spaces, final newline",
      input: `{"links":[{"type":"official","url":"https://example.org/a"}],"start":"2020","kind":"activity"}`,
      output: `{\n  "kind": "activity",\n  "start": "2020",\n  "links": [\n    {\n      "url": "https://example.org/a",\n      "type": "official"\n    }\n  ]\n}\n`,
    },
    {
      name: "unknown keys kept after the known ones, in their original order",
      input: `{"zeta":1,"kind":"activity","alpha":{"b":1,"a":2},"10":"ten","2":"two","type":"law"}`,
      output: `{\n  "kind": "activity",\n  "type": "law",\n  "zeta": 1,\n  "alpha": {\n    "b": 1,\n    "a": 2\n  },\n  "10": "ten",\n  "2": "two"\n}\n`,
    },
    {
      name: "arrays keep their order",
      input: `{"topics":["grooming","cyberbullying"]}`,
      output: `{\n  "topics": [\n    "grooming",\n    "cyberbullying"\n  ]\n}\n`,
    },
    {
      name: "strings and keys in NFC, escapes decoded",
      input: `{"lead":[{"name":"E\\u0301cole","o\u0301":"Cafe\u0301"}]}`,
      output: `{\n  "lead": [\n    {\n      "name": "École",\n      "\u00f3": "Caf\u00e9"\n    }\n  ]\n}\n`,
    },
    {
      name: "CRLF, tabs and a byte-order mark go",
      input: `\uFEFF{\r\n\t"status" : "active" ,\r\n\t"kind":"activity"\r\n}`,
      output: `{\n  "kind": "activity",\n  "status": "active"\n}\n`,
    },
    {
      name: "numbers keep their digits",
      input: `{"x":[1.0,1e2,-0,12345678901234567890,0.1]}`,
      output: `{\n  "x": [\n    1.0,\n    1e2,\n    -0,\n    12345678901234567890,\n    0.1\n  ]\n}\n`,
    },
    {
      name: "empty objects and arrays, null and booleans",
      input: `{"x":{},"y":[],"z":[null,true,false]}`,
      output: `{\n  "x": {},\n  "y": [],\n  "z": [\n    null,\n    true,\n    false\n  ]\n}\n`,
    },
    {
      name: "__proto__ is an ordinary key",
      input: `{"__proto__":{"polluted":true},"kind":"activity"}`,
      output: `{\n  "kind": "activity",\n  "__proto__": {\n    "polluted": true\n  }\n}\n`,
    },
    {
      name: "control characters and lone surrogates stay escaped",
      input: `{"x":"a\\u0000b\\ud800\\n"}`,
      output: `{\n  "x": "a\\u0000b\\ud800\\n"\n}\n`,
    },
    {
      name: "country profile: reviewers ordered login, id",
      kind: "country",
      input: `{"reviewers":[{"id":1,"login":"a"}],"region":"africa"}`,
      output: `{\n  "region": "africa",\n  "reviewers": [\n    {\n      "login": "a",\n      "id": 1\n    }\n  ]\n}\n`,
    },
    {
      name: "organisation name: languages keep their order",
      kind: "organization",
      input: `{"level":"regional","name":{"fr":"Union","en":"Union"}}`,
      output: `{\n  "name": {\n    "fr": "Union",\n    "en": "Union"\n  },\n  "level": "regional"\n}\n`,
    },
    {
      name: "a value that is not an object is kept",
      input: `[3, "b"]`,
      output: `[\n  3,\n  "b"\n]\n`,
    },
  ])("$name", ({ input, output, kind }) => {
    const first = format(input, kind);
    expect(first).toEqual({ text: output });
    expect(format(output, kind)).toEqual({ text: output });
    expect(JSON.parse(output)).toEqual(nfcDeep(JSON.parse(input.replace(/^\uFEFF/, ""))));
  });
});

describe("formatJsonText refuses what does not parse", () => {
  test.for([
    { name: "a duplicate key", input: `{\n  "kind": "activity",\n  "kind": "law"\n}`, ruleId: "strict-json", line: 3, column: 3, message: /appears twice/ },
    { name: "a trailing comma", input: `{"kind": "activity",}`, ruleId: "strict-json", line: 1, column: 21, message: /comma after the last item/ },
    { name: "trailing content", input: `{}\n{}`, ruleId: "strict-json", line: 2, column: 1, message: /more text after the end/ },
    { name: "not JSON at all", input: `kind: activity`, ruleId: "strict-json", line: 1, column: 1, message: /not valid JSON/ },
    {
      name: "two keys that NFC would merge",
      input: `{\n  "lead": [{ "name": "x", "\u00e9": 1,\n "e\u0301": 2 }]\n}`,
      ruleId: "format",
      line: 3,
      column: 2,
      message: /become the same key in Unicode normal form C/,
    },
  ])("$name", ({ input, ruleId, line, column, message }) => {
    const outcome = format(input);
    expect(outcome.text).toBeUndefined();
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems?.[0]).toMatchObject({ ruleId, line, column, file: "x/activity.json" });
    expect(outcome.problems?.[0]?.message).toMatch(message);
  });
});
