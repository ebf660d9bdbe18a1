import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { API_SCHEMAS, schemaForApiFile } from "../../scripts/lib/open-data/api-schemas.ts";
import { type BuildResult, buildSite } from "../../scripts/lib/site/build.ts";
import { resolveSiteConfig } from "../../scripts/lib/site/config.ts";
import { CONTENT_SECURITY_POLICY } from "../../scripts/lib/site/layout.ts";
import type { TempRepo } from "../support/repo.ts";
import { GROOMING_ENTRIES, hasGit, makeSyntheticRepo, SPECS } from "./support/dataset.ts";

const config = resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z"));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let repo: TempRepo;
let out: string;
let result: BuildResult;
let files: string[];
const read = (path: string) => readFileSync(join(out, path), "utf8");

beforeAll(async () => {
  repo = makeSyntheticRepo(hasGit());
  out = mkdtempSync(join(tmpdir(), "cop-atlas-site-"));
  result = await buildSite({ root: repo.root, outDir: out, config, search: false });
  files = walk(out).map((path) => relative(out, path).split("\\").join("/"));
}, 60_000);

afterAll(() => {
  repo?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("the build of a synthetic dataset", () => {
  test("succeeds, with one page per entry and language", () => {
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(SPECS.length);
    for (const lang of ["ar", "zh", "en", "fr", "ru", "es"]) {
      expect(files).toContain(`${lang}/countries/ken/activities/safer-chat-2021/index.html`);
      expect(files).toContain(`${lang}/organizations/test-network/index.html`);
    }
  });

  test("every file stays inside the output folder, under a path made of ids", () => {
    for (const file of walk(out)) expect(resolve(file).startsWith(resolve(out))).toBe(true);
    for (const file of files) expect(file).toMatch(/^(\.nojekyll|[a-z0-9][a-z0-9._/-]*)$/);
  });

  test("every page carries the CSP, no inline script or style, and relative links only", () => {
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const html = read(page);
      expect(html, page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, "&#39;")}">`);
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html, page).not.toMatch(/\sstyle\s*=/i);
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, page).not.toMatch(/<(link|script)[^>]+(href|src)="(https?:)?\/\//i);
      for (const [tag] of html.matchAll(/<a [^>]*href="https?:[^"]*"[^>]*>/g)) expect(tag, page).toMatch(/\srel="noopener noreferrer/);
    }
  });

  test("Arabic pages are right-to-left and other pages left-to-right", () => {
    expect(read("ar/index.html")).toMatch(/<html lang="ar" dir="rtl">/);
    expect(read("zh/index.html")).toMatch(/<html lang="zh" dir="ltr">/);
  });

  test("a page not yet translated says so and shows the original, marked with its language", () => {
    const page = read("ru/countries/fra/activities/school-workshops-2019/index.html");
    expect(page).toContain('<h1 lang="fr" dir="ltr">Ateliers dans les écoles</h1>');
    expect(page).toContain("Эта запись пока недоступна");
  });

  test("an out-of-date translation is flagged", () => {
    const page = read("en/countries/fra/activities/school-workshops-2019/index.html");
    expect(page).toContain("it may be out of date");
    expect(page).toContain('class="out-of-date"');
  });

  test.skipIf(!hasGit())("provenance comes from the history: dates, pull request and approvers", () => {
    const page = read("en/countries/ken/activities/helpline-2018/index.html");
    expect(page).toContain("1 March 2024");
    expect(page).toContain("10 February 2025");
    expect(page).toContain('href="https://github.com/example/cop-atlas/pull/2"');
    expect(page).toContain("bob (102)");
    expect(page).toContain('href="https://github.com/example/cop-atlas/commits/main/countries/ken/activities/helpline-2018"');
  });

  test("the topic facet page lists exactly the entries with that topic", () => {
    const page = read("en/browse/topic/grooming/index.html");
    const links = [...page.matchAll(/class="entry-title"><a href="\.\.\/\.\.\/\.\.\/(countries|organizations)\/([^/]+)\/activities\/([^/]+)\//g)].map(
      (m) => `${m[2]}/${m[3]}`,
    );
    expect(links.sort()).toEqual([...GROOMING_ENTRIES].sort());
  });

  test("the youth page gathers youth participation", () => {
    expect(read("en/youth/index.html")).toContain("International youth panel");
  });
});

describe("the open data", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  for (const schema of Object.values(API_SCHEMAS)) ajv.addSchema(schema);

  test("every JSON file of the API validates against its published schema", () => {
    const apiFiles = files.filter((f) => f.startsWith("api/v1/") && f.endsWith(".json") && !f.startsWith("api/v1/schemas/"));
    expect(apiFiles.length).toBeGreaterThan(10);
    for (const file of apiFiles) {
      const name = schemaForApiFile(file);
      expect(name, file).toBeDefined();
      const validate = ajv.getSchema(`https://cop-atlas.github.io/api/v1/schemas/api/${name}.schema.json`)!;
      const ok = validate(JSON.parse(read(file)));
      expect(ok, `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  test("the published API schemas are the ones the test uses", () => {
    for (const [name, schema] of Object.entries(API_SCHEMAS)) expect(JSON.parse(read(`api/v1/schemas/api/${name}.schema.json`))).toEqual(schema);
  });

  test("the data schemas are published so that their $refs resolve", () => {
    expect(files).toContain("api/v1/schemas/activity.schema.json");
    expect(files).toContain("api/v1/schemas/vocab/topics.json");
  });

  test("the CSV parses with one row per activity and a title column per language", () => {
    const parsed = Papa.parse<Record<string, string>>(read("api/v1/activities.csv").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(SPECS.length);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(["id", "title_ar", "title_zh", "title_en", "title_fr", "title_ru", "title_es", "title_pt"]));
    const safer = parsed.data.find((row) => row.id === "ken/safer-chat-2021")!;
    expect(safer.title_ar).toBe("حملة الدردشة الآمنة");
    expect(safer.topics).toBe("grooming; cyberbullying");
  });

  test("the feeds are well-formed Atom with one entry per activity", () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const feeds = files.filter((f) => f.endsWith(".atom"));
    expect(feeds.length).toBeGreaterThanOrEqual(6 * 6);
    for (const file of feeds) {
      const xml = read(file);
      expect(XMLValidator.validate(xml), file).toBe(true);
      const feed = parser.parse(xml).feed;
      expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(feed.id).toMatch(/^https:\/\//);
    }
    const all = parser.parse(read("api/v1/feeds/en/all.atom")).feed;
    expect([all.entry].flat()).toHaveLength(SPECS.length);
    const kenya = parser.parse(read("api/v1/feeds/fr/countries/ken.atom")).feed;
    expect([kenya.entry].flat().map((e: { title: string | { "#text": string } }) => (typeof e.title === "string" ? e.title : e.title["#text"]))).toContain(
      "Campagne pour des discussions plus sûres",
    );
  });

  test("the sitemap lists every page with an absolute address", () => {
    const xml = read("sitemap.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(xml.match(/<loc>/g)).toHaveLength(pages.length);
    expect(xml).toContain("<loc>https://example.github.io/cop-atlas/en/countries/ken/activities/safer-chat-2021/</loc>");
  });
});

describe("the build refuses data with errors", () => {
  test("an entry with raw HTML is not built", async () => {
    const bad = makeSyntheticRepo(false);
    const target = mkdtempSync(join(tmpdir(), "cop-atlas-site-"));
    try {
      bad.write(
        "countries/ken/activities/helpline-2018/en.md",
        "---\ntitle: Bad entry\nsummary: An entry whose narrative has raw HTML in it.\n---\n\n<script>alert(1)</script>\n",
      );
      const refused = await buildSite({ root: bad.root, outDir: target, config, search: false });
      expect(refused.ok).toBe(false);
      expect(refused.diagnostics.some((d) => d.severity === "error" && d.ruleId === "narratives")).toBe(true);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      bad.cleanup();
      rmSync(target, { recursive: true, force: true });
    }
  });
});
