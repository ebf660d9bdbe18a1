import { describe, expect, test } from "vitest";
import { parseNarrative } from "../../scripts/lib/load/narrative.ts";
import { renderMarkdown } from "../../scripts/lib/site/markdown.ts";
import { XSS_BODY } from "./support/dataset.ts";

/** The XSS corpus of checklist item 22: rehype-sanitize's README vectors and the classic tricks. */
const CORPUS: string[] = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)">',
  "<svg><script>alert(1)</script></svg>",
  "<svg onload=alert(1)>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  '<a href=" jav&#x09;ascript:alert(1)">x</a>',
  "[x](jav&#x09;ascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](javascript:alert(1))",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="vbscript:msgbox(1)">x</a>',
  "<style>body{display:none}</style>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<a id="main">clobber</a><a name="x">y</a>',
  "# h\n\n## Heading {#x}",
  "[x]: javascript:alert(1)\n\n[y][x]",
  "<details open ontoggle=alert(1)>",
  '<input autofocus onfocus="alert(1)">',
  XSS_BODY,
];

describe("the Markdown pipeline (checklist item 22)", () => {
  test.for(CORPUS.map((input, i) => [i, input] as const))("vector %i yields no script, handler, dangerous URL or unprefixed id", ([, input]) => {
    const out = renderMarkdown(input).value;
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<(iframe|object|embed|style|meta|base|form|svg|math)\b/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/(href|src|action|data)\s*=\s*"?\s*(javascript|vbscript|data):/i);
    expect(out).not.toMatch(/\sstyle\s*=/i);
    for (const [, id] of out.matchAll(/\s(?:id|name)="([^"]*)"/g)) expect(id).toMatch(/^user-content-/);
  });

  test("ordinary Markdown survives: headings, lists, tables, https links with the external rel", () => {
    const out = renderMarkdown("## Results\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee [the report](https://example.org/report).").value;
    expect(out).toContain("<h2>Results</h2>");
    expect(out).toContain("<li>one</li>");
    expect(out).toContain("<table>");
    expect(out).toContain('<a href="https://example.org/report" rel="noopener noreferrer nofollow ugc">the report</a>');
  });

  test.for(
    [
      ...CORPUS,
      "Plain text, one paragraph.\n\nAnd a second one with *emphasis*.",
      "## Results\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee [the report](https://example.org/report) and https://example.org/bare.",
      "![The chart](https://example.org/chart.png) and text.",
    ].map((input, i) => [i, input] as const),
  )("case %i renders the same from the validator's parsed tree as from its text", ([, input]) => {
    // The site renders the tree the validator parsed (a plain body read without the full parser, or remark's).
    const { tree } = parseNarrative(`---\ntitle: T\nsummary: S\n---\n${input}`, "countries/fra/activities/a/en.md", "en");
    expect(tree.children.length).toBeGreaterThan(0);
    expect(renderMarkdown(input, tree).value).toBe(renderMarkdown(input).value);
  });

  test("an image becomes a link to it, so that no other host is contacted", () => {
    const out = renderMarkdown("![The chart](https://example.org/chart.png)").value;
    expect(out).not.toContain("<img");
    expect(out).toContain('<a href="https://example.org/chart.png" rel="noopener noreferrer nofollow ugc">The chart</a>');
  });
});
