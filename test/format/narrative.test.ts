import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { formatNarrativeText } from "../../scripts/lib/format/narrative.ts";
import { loadFormatSchemas } from "../../scripts/lib/format/repository.ts";
import { splitNarrative } from "../../scripts/lib/load/frontmatter.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { nfcDeep } from "./support.ts";

const schemas = loadFormatSchemas(PROJECT_ROOT);
const format = (text: string) => formatNarrativeText(text, schemas, "x/en.md");
const frontmatterOf = (text: string, schema: "core" | "yaml-1.1" = "core") => parseYaml(splitNarrative(text).yaml ?? "", { schema, intAsBigInt: true });

const LONG = `A long summary ${"that goes on and on, ".repeat(20)}and ends.`;

describe("formatNarrativeText rewrites the frontmatter canonically", () => {
  test.for<{ name: string; input: string; output: string }>([
    {
      name: "keys in schema order, version always quoted",
      input: "---\ntranslation:\n  method: human\n  version: 0123456789ab\n  from: en\nsummary: A summary of it all.\ntitle: The title\n---\n\nBody.\n",
      output: '---\ntitle: The title\nsummary: A summary of it all.\ntranslation:\n  from: en\n  version: "0123456789ab"\n  method: human\n---\n\nBody.\n',
    },
    {
      name: "strings that YAML 1.2 or 1.1 would read as something else are quoted",
      input: `---\ntitle: "yes"\nsummary: '123'\nofficialTitles: ["2019-01-01", "a: b", "#x", " lead", "on", "~", "0o14", "1e3", "null", "y", "it's", "say \\"hi\\""]\n---\n`,
      output: `---\ntitle: "yes"\nsummary: "123"\nofficialTitles:\n  - "2019-01-01"\n  - "a: b"\n  - "#x"\n  - " lead"\n  - "on"\n  - "~"\n  - "0o14"\n  - "1e3"\n  - "null"\n  - "y"\n  - it's\n  - say "hi"\n---\n`,
    },
    {
      name: "a long line is never folded, a folded one is joined",
      input: `---\ntitle: >-\n  Folded\n  title\nsummary: ${LONG}\n---\n`,
      output: `---\ntitle: Folded title\nsummary: ${LONG}\n---\n`,
    },
    {
      name: "CRLF becomes LF; the body is kept, --- lines, trailing spaces and all",
      input: "---\r\ntitle: T\u00edtulo\r\nsummary: Resumen breve.\r\n---  \r\n\r\n## Context  \r\n---\r\n\r\n---\r\nno final newline",
      output: "---\ntitle: Título\nsummary: Resumen breve.\n---\n\n## Context  \n---\n\n---\nno final newline",
    },
    {
      name: "NFC in values, keys and the body; a byte-order mark goes",
      input: "\uFEFF---\ntitle: E\u0301cole\nsummary: Cafe\u0301 au lait, s'il vous pla\u0131\u0302t.\nno\u0308te: x\n---\nE\u0301t\u00e9\n",
      output: "---\ntitle: \u00c9cole\nsummary: Caf\u00e9 au lait, s'il vous pla\u0131\u0302t.\nn\u00f6te: x\n---\n\u00c9t\u00e9\n",
    },
    {
      name: "unknown keys kept after the known ones, in their order, in block style",
      input: '---\nzeta: {b: 1, a: [x, y]}\nsummary: Summary text.\n"10": ten\nalpha: [1, 2]\ntitle: Title\n---\n',
      output: '---\ntitle: Title\nsummary: Summary text.\nzeta:\n  b: 1\n  a:\n    - x\n    - "y"\n"10": ten\nalpha:\n  - 1\n  - 2\n---\n',
    },
    {
      name: "comments are kept, with the key they stand above",
      input: "---\n# about the summary\nsummary: Summary text. # why\ntitle: Title # \u00e9te\u0301\n---\n",
      output: "---\ntitle: Title # \u00e9t\u00e9\n# about the summary\nsummary: Summary text. # why\n---\n",
    },
    {
      name: "non-string scalars are spelt one way, big integers keep every digit",
      input: "---\ntitle: Title\nsummary: Summary text.\na: True\nb: ~\nc:\nd: 0x1F\ne: 12345678901234567890\nf: 1.50\ng: '123'\n---\n",
      output: '---\ntitle: Title\nsummary: Summary text.\na: true\nb: null\nc: null\nd: 31\ne: 12345678901234567890\nf: 1.50\ng: "123"\n---\n',
    },
    {
      name: "empty lists and maps",
      input: "---\ntitle: Title\nsummary: Summary text.\nofficialTitles:\n  []\nx: {}\ny: [[], {}]\n---\n",
      output: '---\ntitle: Title\nsummary: Summary text.\nofficialTitles: []\nx: {}\n"y":\n  - []\n  - {}\n---\n',
    },
    {
      name: "Arabic and Chinese text stays plain",
      input: "---\ntitle: قانون حقوق الطفل\nsummary: 儿童在线保护：国家战略。\n---\n",
      output: "---\ntitle: قانون حقوق الطفل\nsummary: 儿童在线保护：国家战略。\n---\n",
    },
    {
      name: "a multi-line value becomes a block that reads back exactly",
      input: '---\ntitle: Title\nsummary: Summary text.\nnote: "line one\\n---\\n  indented\\n"\n---\n',
      output: "---\ntitle: Title\nsummary: Summary text.\nnote: |\n  line one\n  ---\n    indented\n---\n",
    },
    {
      name: "no frontmatter: only line endings and NFC",
      input: "# Title\r\n\r\nCafe\u0301\r\n",
      output: "# Title\n\nCaf\u00e9\n",
    },
    {
      name: "frontmatter with only a comment is kept",
      input: "---\n# nothing yet\n---\nBody\n",
      output: "---\n# nothing yet\n---\nBody\n",
    },
  ])("$name", ({ input, output }) => {
    expect(format(input)).toEqual({ text: output });
    expect(format(output)).toEqual({ text: output });
    const before = splitNarrative(input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
    if (before.yaml !== undefined) {
      expect(frontmatterOf(output)).toEqual(nfcDeep(parseYaml(before.yaml, { schema: "core", intAsBigInt: true })));
    }
  });
});

test("every string reads back the same in a YAML 1.1 reader", () => {
  const tricky = ["yes", "No", "on", "OFF", "y", "n", "2019-01-01", "12:30", "1_000", "0b101", "0x1F", "017", ".inf", "-.NaN", "=", "<<"];
  const input = `---\ntitle: Title\nsummary: Summary text.\nofficialTitles:\n${tricky.map((value) => `  - ${JSON.stringify(value)}`).join("\n")}\n---\n`;
  const output = format(input).text ?? "";
  expect(frontmatterOf(output, "yaml-1.1").officialTitles).toEqual(tricky);
  expect(frontmatterOf(output, "core").officialTitles).toEqual(tricky);
});

describe("formatNarrativeText refuses frontmatter that is not safe YAML", () => {
  test.for([
    { name: "a duplicate key", input: "---\ntitle: A\ntitle: B\n---\n", ruleId: "safe-yaml", line: 3, message: /appears twice/ },
    { name: "an alias", input: "---\ntitle: &t Title\nsummary: *t\n---\n", ruleId: "safe-yaml", line: 2, message: /anchors|aliases/ },
    { name: "an unknown tag", input: "---\ntitle: !!js/function 'x'\n---\n", ruleId: "safe-yaml", line: 2, message: /Unknown YAML tag/ },
    { name: "a tag YAML knows", input: "---\ntitle: T\ng: !!str 123\n---\n", ruleId: "safe-yaml", line: 3, message: /tags \(!!str\) are not allowed/ },
    { name: "broken YAML", input: '---\ntitle: "open\nsummary: x\n---\n', ruleId: "safe-yaml", line: 4, message: /not valid YAML/ },
    { name: "two keys that NFC would merge", input: "---\ntitle: T\n\u00e9: 1\ne\u0301: 2\n---\n", ruleId: "format", line: 4, message: /become the same key/ },
  ])("$name", ({ input, ruleId, line, message }) => {
    const outcome = format(input);
    expect(outcome.text).toBeUndefined();
    expect(outcome.problems?.[0]).toMatchObject({ ruleId, line, file: "x/en.md" });
    expect(outcome.problems?.[0]?.message).toMatch(message);
  });
});
