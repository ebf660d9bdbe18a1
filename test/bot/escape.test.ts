import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { computeActions } from "../../scripts/lib/bot/policy/compute-actions.ts";
import { escapeInline, hasBidiControls } from "../../scripts/lib/bot/render/escape.ts";
import { STATUS_MARKER } from "../../scripts/lib/bot/sticky.ts";
import { alice, makeConfig, makeFacts, review } from "./facts-builder.ts";

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Pieces an attacker would put in a title, a path, a finding or a login. */
const HOSTILE = [
  "@mallory",
  "@cop-atlas/secretariat",
  "[click](https://evil.example)",
  "![x](https://evil.example/x.png)",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "<!-- cop-bot:status -->",
  "-->",
  "```js\nrm -rf /\n```",
  "`code`",
  "https://evil.example/path",
  "http://evil.example",
  "www.evil.example",
  "mailto:a@b.example",
  "me@evil.example",
  "#1",
  "owner/repo#12",
  "GH-123",
  "**bold** _em_ ~~strike~~",
  "| a | b |\n|---|---|",
  "# Heading",
  "> quote",
  "- item",
  "1. item",
  "\\",
  "&#64;mallory",
  "&lt;script&gt;",
  "$x^2$",
  "[^1]",
  "[ref]: https://evil.example",
  ":warning:",
  "\u202eevil\u202c",
  "\u200b@\u200bmallory",
  "\u0000\u0007\u001b[31m",
  '"; rm -rf / #',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, on purpose
  "${{ github.token }}",
  "\r\n\r\n## injected",
];

const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

function nodes(tree: Nodes): Nodes[] {
  return [tree, ...("children" in tree ? tree.children.flatMap((child) => nodes(child as Nodes)) : [])];
}

function renderedText(tree: Root): string {
  return nodes(tree)
    .filter((n): n is Nodes & { value: string } => n.type === "text")
    .map((n) => n.value)
    .join("");
}

/** What must hold of any escaped value, raw and as rendered by a GFM parser. */
function assertInert(escaped: string): void {
  // Raw Markdown: no syntax character survives; an @ is always followed by a word joiner.
  expect(escaped).not.toMatch(/[<>`[\]()*_~|\\!$]/);
  expect(escaped).not.toMatch(/@(?!\u2060)/);
  expect(escaped).not.toMatch(/<!--/);
  expect(escaped).not.toMatch(/\n/);
  // Rendered: text and nothing else, with no mention, reference or autolink pattern.
  const tree = markdown.parse(escaped) as Root;
  const types = new Set(nodes(tree).map((n) => n.type));
  for (const type of types) expect(["root", "paragraph", "text"]).toContain(type);
  const text = renderedText(tree);
  expect(text).not.toMatch(/@[A-Za-z0-9]/);
  expect(text).not.toMatch(/#[0-9]/);
  expect(text).not.toMatch(/:\/\//);
  expect(text).not.toMatch(/www\./i);
  expect(text).not.toMatch(/gh-[0-9]/i);
}

describe("escapeInline", () => {
  test("every hostile fragment is inert", () => {
    for (const fragment of HOSTILE) assertInert(escapeInline(fragment, 500));
  });

  test("property: any mix of hostile and random text is inert (fixed seed)", () => {
    fc.assert(
      fc.property(hostileString, (value) => assertInert(escapeInline(value, 400))),
      { seed: 20250301, numRuns: 400 },
    );
  });

  test("ordinary text reads the same once rendered", () => {
    const title = "Politique nationale (2019–2024): protection des enfants, « en ligne » — 5Rights & l'UNICEF";
    const tree = markdown.parse(escapeInline(title)) as Root;
    expect(renderedText(tree)).toBe(title);
  });

  test("Arabic and other scripts pass unchanged", () => {
    const title = "السياسة الوطنية لحماية الأطفال على الإنترنت";
    expect(escapeInline(title)).toBe(title);
  });

  test("bidirectional controls are made visible and flagged", () => {
    expect(escapeInline("abc\u202edef")).toBe("abc⟦U+202E⟧def");
    expect(hasBidiControls("abc\u202edef")).toBe(true);
    expect(hasBidiControls("السياسة")).toBe(false);
  });

  test("long values are cut", () => {
    expect(escapeInline("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
  });

  test("with isolates, balanced first-strong isolates stay and every other control is shown", () => {
    const arabic = "«\u2068child pornography\u2069» مصطلح ينبغي تجنّبه";
    expect(escapeInline(arabic, 200, { isolates: true })).toBe(arabic);
    // Without the option, or unmatched, or another kind of isolate: a visible mark.
    expect(escapeInline(arabic)).toContain("⟦U+2068⟧child pornography⟦U+2069⟧");
    expect(escapeInline("a\u2068b", 200, { isolates: true })).toBe("a⟦U+2068⟧b");
    expect(escapeInline("a\u2069b\u2068c\u2069", 200, { isolates: true })).toBe("a⟦U+2069⟧b\u2068c\u2069");
    expect(escapeInline("\u2068a\u202eb\u2069", 200, { isolates: true })).toBe("\u2068a⟦U+202E⟧b\u2069");
    expect(escapeInline("a\u2067b\u2069", 200, { isolates: true })).toBe("a⟦U+2067⟧b⟦U+2069⟧");
    // Nested pairs stay; a cut inside an isolate closes it, so it never runs past the value.
    expect(escapeInline("\u2068a\u2068b\u2069\u2069", 200, { isolates: true })).toBe("\u2068a\u2068b\u2069\u2069");
    expect(escapeInline("x \u2068abcdefgh\u2069 y", 6, { isolates: true })).toBe("x \u2068ab…\u2069");
  });

  test("property: with isolates, any hostile text is inert and its kept isolates are balanced (fixed seed)", () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const text = escapeInline(value, 400, { isolates: true });
        assertInert(text);
        let depth = 0;
        for (const char of text) {
          if (char === "\u2068") depth++;
          if (char === "\u2069") depth--;
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
        expect(text).not.toMatch(/[\u202a-\u202e\u2066\u2067\u200e\u200f\u061c]/u);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});

describe("the whole comment, with hostile values everywhere", () => {
  test("property: no mention, link, HTML or marker comes from the pull request (fixed seed)", () => {
    const allowedHtml = /^(<!-- cop-bot:status -->|<!-- cop-bot:validation [A-Za-z0-9+/=]+ -->|<details><summary>[^<>]*<\/summary>|<\/details>)$/;
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (title, slug, message) => {
        const facts = makeFacts((f) => {
          f.reviews.push(review({ id: 101, login: title.slice(0, 30) || "x", type: "User" }, "APPROVED"));
          f.reviews.push(review({ id: 4242, login: slug.slice(0, 30) || "y", type: "User" }, "APPROVED"));
          const entry = f.entries["country:rwa/child-helpline-116"];
          if (entry) {
            entry.narratives[0] = { lang: "en", title, version: "0123456789ab", translation: null };
            entry.problems.push(message);
          }
          f.files.push({ path: `countries/rwa/${slug}`, status: "added" });
          f.pr.changedFiles = f.files.length;
          f.validation.artifact = {
            runId: 5001,
            headSha: f.pr.headSha,
            errors: 1,
            warnings: 0,
            findings: [{ ruleId: "schema", severity: "error", file: slug, line: 1, column: 2, message }],
          };
        });
        const body = computeActions(facts, makeConfig(), new Date("2025-03-01T12:00:00Z")).comment.body;
        expect(body.startsWith(STATUS_MARKER)).toBe(true);
        expect(body.split(STATUS_MARKER)).toHaveLength(2);
        const tree = markdown.parse(body) as Root;
        for (const node of nodes(tree)) {
          expect(node.type).not.toBe("inlineCode");
          expect(node.type).not.toBe("code");
          expect(node.type).not.toBe("image");
          if (node.type === "link") expect(node.url).toBe("https://github.com/cop-atlas/atlas/actions/runs/5001");
          if (node.type === "html") expect(node.value).toMatch(allowedHtml);
        }
        const text = renderedText(tree);
        expect(text).not.toMatch(/@[A-Za-z0-9]/);
        expect(text).not.toMatch(/(^|[^&])#[0-9]/);
        expect(text).not.toMatch(/https?:\/\/(?!github\.com\/cop-atlas\/atlas\/actions\/runs\/5001)/);
      }),
      { seed: 424242, numRuns: 60 },
    );
  });

  test("a comment too long for GitHub is cut, keeping the marker first", () => {
    const facts = makeFacts((f) => {
      f.reviews.push(review(alice, "APPROVED"));
      for (let i = 0; i < 200; i++) {
        const slug = `entry-${i}`;
        f.files.push({ path: `countries/rwa/activities/${slug}/en.md`, status: "added" });
        f.entries[`country:rwa/${slug}`] = {
          ref: "head",
          originalLanguage: "en",
          narratives: Array.from({ length: 6 }, (_, j) => ({
            lang: ["ar", "en", "es", "fr", "ru", "zh"][j] as string,
            title: "@".repeat(150),
            version: "0123456789ab",
            translation: null,
          })),
          problems: [],
        };
      }
      f.pr.changedFiles = f.files.length;
    });
    const body = computeActions(facts, makeConfig(), new Date()).comment.body;
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body.startsWith(STATUS_MARKER)).toBe(true);
  });
});
