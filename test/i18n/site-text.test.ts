/**
 * No words for readers are written in the code of the site, the annual report, the layer they
 * share or the review bot's comment and its reasons: every one comes from the catalogs
 * (locales/<lang>.json, keys site.* and review.*), so that a translator can change it and a
 * reader gets it in their language. This reads the code with
 * TypeScript's parser and lists the text it finds outside the catalogs; what is not for readers
 * (file names, CSS, errors for maintainers) is allowed below, each with its reason.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../support/repo.ts";

const FOLDERS = ["scripts/lib/present", "scripts/lib/site", "scripts/lib/report-annual", "scripts/lib/bot/render", "scripts/lib/bot/policy"];
/** Files of other folders that write for readers: the Atom feeds. */
const FILES = ["scripts/lib/open-data/feeds.ts"];

/** Text that is not for readers, or not in any one language, by file: [what it matches, why it may stay]. */
const ALLOWED: Record<string, Array<[RegExp, string]>> = {
  "scripts/lib/present/html.ts": [[/^noopener noreferrer nofollow ugc$/, "a rel attribute's keywords"]],
  "scripts/lib/site/pages/home.ts": [[/^COP Atlas$/, "the name, on the page that lists the six languages before one is chosen"]],
  "scripts/lib/site/pages/entry.ts": [
    [/COP Atlas\./, "the citation names the atlas as its publisher, in every language"],
    [/^JSON$/, "the name of a file format"],
  ],
  "scripts/lib/site/pages/owners.ts": [
    [/^· JSON$|^JSON$/, "the name of a file format"],
    [/^count none$/, "class names"],
  ],
  "scripts/lib/site/pages/reports.ts": [[/^Markdown$|^PDF$|^ \(PDF\)$|^\(PDF\)$/, "the name of a file format"]],
  "scripts/lib/site/pages/api.ts": [
    [/^\(OpenAPI 3\.1\)$/, "the name and version of a standard"],
    [/^api\/v1\//, "addresses of files"],
  ],
  "scripts/lib/site/pages/data.ts": [
    [/^\(frontmatter\)$/, "the name of the part of a file the schema describes, beside the file's name"],
    [/\.json|<iso3>|&lt;iso3&gt;|<owner>|^api\/v1\//, "file names and addresses"],
  ],
  "scripts/lib/site/output.ts": [[/./, "why a file could not be written: part of an error for the maintainer who runs the build"]],
  "scripts/lib/site/build.ts": [[/^search index$/, "the name of a build step in the progress line of the command line"]],
  "scripts/lib/report-annual/document.ts": [
    [/font-family/, "CSS"],
    [/^"Noto |^"Noto Sans CJK/, "the names of the fonts the report is printed with"],
    [/max-width:|@media print\{|^\}\n@media print/, "CSS"],
  ],
  "scripts/lib/open-data/feeds.ts": [[/^COP Atlas$/, "the generator's name, for feed readers, not people"]],
  "scripts/lib/bot/policy/compute-actions.ts": [
    [/^the pull request is $/, "why the bot leaves a closed or merged pull request alone: a line of the run's log, for maintainers"],
    [
      /^Update COP Atlas entries: $|^Approved on $|^ by the designated reviewers\.\n\n$/,
      "the squash commit's title and message: the repository's history is in English",
    ],
  ],
  "scripts/lib/bot/policy/decide.ts": [
    [/^was not read$/, "the log's English line; the comment takes the same words from the catalogs (review.profile.notRead)"],
  ],
  "scripts/lib/site/serve.ts": [
    [/^Not found$/, "the local preview server's answer for a file that does not exist, never published"],
    [/^text\/(plain|html); charset=utf-8$/, "media types"],
  ],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Two words (letters of any script) with only a space or punctuation between them: a phrase, not a key or a file name. */
const PHRASE = /\p{L}{2,}[,.:;!?]?\s+\p{L}{2,}/u;
/** A tag, or the start of one that a value interrupts. */
const TAG = /<[^>]*(>|$)/g;
/** Attributes that a reader sees or hears. */
const READER_ATTRIBUTES = /\b(aria-label|title|alt|placeholder)="([^"]*)"/g;

interface Finding {
  line: number;
  text: string;
}

/** The words for readers in a file's code: text between tags in html`` templates, reader attributes, phrases in strings. */
function wordsInCode(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const isErrorClass = (node: ts.Node | undefined): boolean =>
    node !== undefined &&
    (ts.isClassDeclaration(node) || ts.isClassExpression(node)
      ? (node.heritageClauses ?? []).some((clause) => clause.types.some((type) => type.expression.getText(file).endsWith("Error")))
      : isErrorClass(node.parent));
  const partsOf = (node: ts.TemplateLiteral) =>
    ts.isNoSubstitutionTemplateLiteral(node) ? [node.text] : [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  const visit = (node: ts.Node): void => {
    // Module paths, and the errors thrown for the maintainer who runs a command (in English, like the command line).
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text.endsWith("Error")) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && isErrorClass(node)) return;
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === "html") {
      const parts = partsOf(node.template);
      // A fragment that starts inside a tag (html` lang="${x}"`) is attributes, not text.
      const markup = (/^\s+[\w-]+(=|\s|$)/.test(parts[0] ?? "") ? "<" : "") + parts.join("\u0000");
      for (const text of markup.replace(TAG, "\u0000").split("\u0000")) if (/\p{L}{2,}/u.test(text)) found.push({ line: at(node), text: text.trim() });
      for (const [, , value] of markup.matchAll(READER_ATTRIBUTES))
        if (/\p{L}{2,}/u.test(value!.replace(/\u0000/g, ""))) found.push({ line: at(node), text: value! });
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) &&
      !ts.isTaggedTemplateExpression(node.parent)
    ) {
      const parts = ts.isStringLiteral(node) ? [node.text] : partsOf(node);
      for (const text of parts) if (PHRASE.test(text.replace(TAG, " "))) found.push({ line: at(node), text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no words for readers are left in the code of the site, the report and the review bot", () => {
  const files = [
    ...FOLDERS.flatMap((folder) => sources(join(PROJECT_ROOT, folder))).map((path) => relative(PROJECT_ROOT, path).split("\\").join("/")),
    ...FILES,
  ];

  test("the scan finds words where they are (it would pass vacuously otherwise)", () => {
    // TypeScript source to scan, placeholders and all.
    const sample = [
      "const a = html`<p>Read the full text</p>`;",
      'const b = html`<button aria-label="Close">×</button>`;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal
      "const c = `Entries of ${name}`;",
      'const d = "Not yet confirmed";',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal
      'const e = html`<p class="lead">${m.homeIntro}</p>`;',
      'const f = new Error("could not read the file");',
      'const g = "site.css";',
    ].join("\n");
    expect(wordsInCode("sample.ts", sample).map((f) => f.text)).toEqual(["Read the full text", "Close", "Entries of ", "Not yet confirmed"]);
  });

  test.for(files)("%s", (file) => {
    const allowed = ALLOWED[file] ?? [];
    const left = wordsInCode(file, readFileSync(join(PROJECT_ROOT, file), "utf8")).filter(({ text }) => !allowed.some(([pattern]) => pattern.test(text)));
    expect(left.map(({ line, text }) => `${file}:${line}: ${JSON.stringify(text)}`)).toEqual([]);
  });
});
