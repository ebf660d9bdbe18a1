import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { UN_MAP_DISCLAIMER } from "../../scripts/lib/geo/un-world.ts";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { API_SCHEMAS, schemaForApiFile } from "../../scripts/lib/open-data/api-schemas.ts";
import { type BuildResult, buildSite } from "../../scripts/lib/site/build.ts";
import { CONTENT_SECURITY_POLICY } from "../../scripts/lib/site/layout.ts";
import { facetPageSize } from "../../scripts/lib/site/pagination.ts";
import type { TempRepo } from "../support/repo.ts";
import { CONFIRMED_ENTRY, GROOMING_ENTRIES, hasGit, makeSyntheticRepo, SPECS } from "./support/dataset.ts";

// Two entries a page, so that the six entries of the dataset spread over several pages.
const PAGE_SIZE = 2;
const config = {
  ...resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z")),
  pageSize: PAGE_SIZE,
};
const LANGS = ["ar", "zh", "en", "fr", "ru", "es"] as const;

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
});

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
      expect(html, page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html, page).not.toMatch(/\sstyle\s*=/i);
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      // Canonical and language alternates are absolute, as search engines require; they load nothing.
      expect(
        html.replace(/<link rel="(canonical|alternate)" (hreflang="[^"]+" )?href="https:\/\/example\.github\.io\/cop-atlas\/[^"]*">/g, ""),
        page,
      ).not.toMatch(/<(link|script)[^>]+(href|src)="(https?:)?\/\//i);
      for (const [tag] of html.matchAll(/<a [^>]*href="https?:[^"]*"[^>]*>/g)) expect(tag, page).toMatch(/\srel="noopener noreferrer/);
    }
  });

  test("every map carries the UN disclaimer in the page's language and a legend for the areas shaded for no one", () => {
    const withMap = files.filter((f) => f.endsWith(".html") && read(f).includes('<figure class="world-map">'));
    expect(withMap).toEqual(expect.arrayContaining(LANGS.map((lang) => `${lang}/index.html`)));
    for (const page of withMap) {
      const lang = page.slice(0, 2) as (typeof LANGS)[number];
      const text = read(page);
      // The disclaimers use no character that HTML escapes, so the text appears as written.
      expect(text, page).toContain(`<p class="map-disclaimer">${UN_MAP_DISCLAIMER[lang]}</p>`);
      expect(text, page).toMatch(/<path class="neutral" d="M/);
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

  test("each entry page links to the correction form of its language, filled in with the entry", () => {
    const page = read("fr/countries/ken/activities/helpline-2018/index.html");
    const href = /<a href="([^"]*issues\/new[^"]*)"[^>]*>Proposer une correction<\/a>/.exec(page)?.[1];
    expect(href).toBeDefined();
    const url = new URL((href ?? "").replaceAll("&amp;", "&"));
    expect(url.pathname).toBe("/example/cop-atlas/issues/new");
    expect(url.searchParams.get("template")).toBe("correction.fr.yml");
    expect(url.searchParams.get("title")).toBe("[Correction] ken/helpline-2018");
    expect(url.searchParams.get("entry")).toBe("ken/helpline-2018");
    expect(url.searchParams.get("current-title")).toMatch(/\S/);
  });

  test("the topic facet page lists exactly the entries with that topic", () => {
    const page = read("en/browse/topic/grooming/index.html");
    const links = [...page.matchAll(/class="entry-title"><a href="\.\.\/\.\.\/\.\.\/(countries|organizations)\/([^/]+)\/activities\/([^/]+)\//g)].map(
      (m) => `${m[2]}/${m[3]}`,
    );
    expect(links.sort()).toEqual([...GROOMING_ENTRIES].sort());
  });

  test("a facet page lists titles and facts without summaries; the browse and owner lists keep them", () => {
    const facet = read("en/browse/topic/grooming/index.html");
    expect(facet.match(/<li class="entry">/g)).toHaveLength(GROOMING_ENTRIES.length);
    expect(facet.match(/class="entry-meta"/g)).toHaveLength(GROOMING_ENTRIES.length);
    expect(facet).not.toContain("entry-summary");
    for (const list of ["en/browse/index.html", "en/countries/ken/index.html"]) {
      const page = read(list);
      expect(page.match(/class="entry-summary"/g)?.length, list).toBe(page.match(/<li class="entry">/g)?.length);
    }
  });

  test("the youth page gathers youth participation", () => {
    expect(read("en/youth/index.html")).toContain("International youth panel");
  });
});

/** Follows a list's rel="next" links from its first page: every page's path and its entry ids ("ken/helpline-2018"). */
function listPages(first: string): Array<{ path: string; html: string; entries: string[] }> {
  const pages: Array<{ path: string; html: string; entries: string[] }> = [];
  let path: string | undefined = first;
  while (path) {
    const here: string = path;
    const html = read(here);
    // On a country page, only its own entries (not the section of entries by others that concern it).
    const list = /<section aria-labelledby="entries-heading">[\s\S]*?<\/section>/.exec(html)?.[0] ?? html;
    const entries = [...list.matchAll(/class="entry-title"><a href="([^"]+)"/g)].map((m) => {
      const target = /(?:countries|organizations)\/([^/]+)\/activities\/([^/]+)\/index\.html$/.exec(join(here, "..", m[1]!).split("\\").join("/"));
      return `${target?.[1]}/${target?.[2]}`;
    });
    pages.push({ path: here, html, entries });
    const next = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
    path = next ? join(here, "..", next).split("\\").join("/") : undefined;
    expect(pages.length, first).toBeLessThan(100);
  }
  return pages;
}

interface IndexFile {
  pageSize: number;
  shardSize: number;
  facets: string[];
  values: Record<string, string[]>;
  owners: string[];
  entries: Array<[number, string, string, ...Array<number | number[]>]>;
}

describe("pagination of the long lists", () => {
  const index = () => JSON.parse(read("browse-index/entries.json")) as IndexFile;
  const idOf = (row: IndexFile["entries"][number], owners: string[]) => `${owners[row[0]]!.split("/")[1]}/${row[1]}`;

  test.for(LANGS)("%s: browse splits every entry over pages of the page size, none lost or repeated", (lang) => {
    const pages = listPages(`${lang}/browse/index.html`);
    expect(pages.map((p) => p.path)).toEqual([`${lang}/browse/index.html`, `${lang}/browse/page/2/index.html`, `${lang}/browse/page/3/index.html`]);
    const all = pages.flatMap((p) => p.entries);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(SPECS.map((s) => `${s.owner}/${s.slug}`).sort());
    for (const page of pages) expect(page.entries.length).toBeLessThanOrEqual(PAGE_SIZE);
  });

  test.for(LANGS)("%s: every page says where it is, links its neighbours and marks itself", (lang) => {
    const pages = listPages(`${lang}/browse/index.html`);
    pages.forEach((page, i) => {
      const [, label = "", nav = ""] = /<nav class="pagination" aria-label="([^"]+)">([\s\S]*?)<\/nav>/.exec(page.html) ?? [];
      if (lang === "en") expect(label).toBe("Pages");
      expect(label, page.path).not.toBe("");
      expect(nav).toContain(`<p class="page-status">`);
      expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
      expect(nav).toMatch(new RegExp(`<a href="index\\.html" aria-current="page"[^>]*>${i + 1}</a>`));
      expect(nav.includes('rel="prev"'), page.path).toBe(i > 0);
      expect(nav.includes('rel="next"'), page.path).toBe(i < pages.length - 1);
    });
    expect(pages[1]!.html).toContain('<a href="../../index.html" rel="prev">');
  });

  test("the page status is in the reader's language, and Arabic pages are right-to-left", () => {
    expect(read("en/browse/page/2/index.html")).toContain('<p class="page-status">Page 2 of 3</p>');
    expect(read("fr/browse/page/2/index.html")).toContain('<p class="page-status">Page 2 sur 3</p>');
    expect(read("zh/browse/page/3/index.html")).toContain('<p class="page-status">第 3 页，共 3 页</p>');
    const ar = read("ar/browse/page/2/index.html");
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toContain('<p class="page-status">الصفحة 2 من 3</p>');
    expect(ar).toContain('<nav class="pagination" aria-label="الصفحات">');
  });

  test("a later page has its own title, and its language switcher keeps the page number", () => {
    const page = read("en/browse/page/2/index.html");
    expect(page).toContain("<title>Browse entries (Page 2 of 3) · COP Atlas</title>");
    expect(page).toContain('<link rel="alternate" hreflang="ar" href="https://example.github.io/cop-atlas/ar/browse/page/2/">');
    expect(page).toContain('<a href="../../../../fr/browse/page/2/index.html" lang="fr" hreflang="fr">');
  });

  test("the filters and the “Browse by” links are on the first page only; later pages link to them", () => {
    expect(read("en/browse/index.html")).toContain('id="filters"');
    expect(read("en/browse/index.html")).toContain('class="browse-by"');
    const later = read("en/browse/page/3/index.html");
    expect(later).not.toContain('id="filters"');
    expect(later).not.toContain('class="browse-by"');
    expect(later).toContain('<a href="../../index.html#filters">');
  });

  test("every “browse by” value's pages list exactly the entries the browse index gives it, in every language", () => {
    const { facets, values, entries, owners } = index();
    for (const [f, facet] of facets.entries()) {
      values[facet]!.forEach((value, v) => {
        const expected = entries
          .filter((row) => {
            const cell = row[3 + f] as number | number[];
            return typeof cell === "number" ? cell === v : cell.includes(v);
          })
          .map((row) => idOf(row, owners));
        for (const lang of LANGS) {
          const pages = listPages(`${lang}/browse/${facet}/${value}/index.html`);
          expect(pages.length, `${lang} ${facet}=${value}`).toBe(Math.ceil(expected.length / facetPageSize(PAGE_SIZE)));
          expect(
            pages.flatMap((p) => p.entries),
            `${lang} ${facet}=${value}`,
          ).toEqual(expected);
        }
      });
    }
  });

  test("a list that fits on one page has no pagination bar and no page/2", () => {
    for (const lang of LANGS) {
      expect(
        listPages(`${lang}/countries/ken/index.html`)
          .flatMap((p) => p.entries)
          .sort(),
      ).toEqual(["ken/helpline-2018", "ken/safer-chat-2021"]);
      expect(listPages(`${lang}/youth/index.html`).flatMap((p) => p.entries)).toEqual(["test-network/youth-panel-2020"]);
    }
    expect(files).not.toContain("en/countries/ken/page/2/index.html");
    expect(read("en/countries/ken/index.html")).not.toContain('class="pagination"');
  });

  test("a country's page is found in search by its names in the other languages, its aliases and its codes", () => {
    const heading = /<h1 data-pagefind-index-attrs="data-names" data-names="([^"]*)">([^<]*)<\/h1>/;
    const english = heading.exec(read("en/countries/ken/index.html"));
    expect(english?.[2]).toBe("Kenya");
    expect(english?.[1]?.split(" · ")).toEqual(expect.arrayContaining(["كينيا", "肯尼亚", "Кения", "Kenia", "KEN", "KE"]));
    expect(english?.[1]?.split(" · ")).not.toContain("Kenya");
    const russian = heading.exec(read("ru/countries/ken/index.html"));
    expect(russian?.[1]?.split(" · ")).toEqual(expect.arrayContaining(["Kenya", "Kenia"]));
    expect(read("en/organizations/test-network/index.html")).not.toContain("data-pagefind-index-attrs");
  });

  test("country pages are paginated: the profile, the entries of others and search on the first page only", async () => {
    const small = mkdtempSync(join(tmpdir(), "cop-atlas-site-"));
    try {
      await buildSite({ root: repo.root, outDir: small, config: { ...config, pageSize: 1 }, search: false });
      const at = (path: string) => readFileSync(join(small, path), "utf8");
      for (const lang of LANGS) {
        const first = at(`${lang}/countries/ken/index.html`);
        const second = at(`${lang}/countries/ken/page/2/index.html`);
        expect(first).toContain('id="profile-heading"');
        expect(first).toContain('id="concerning-heading"');
        expect(first).toContain("data-pagefind-body");
        expect(first).toContain('<a href="page/2/index.html" rel="next">');
        expect(second).not.toContain('id="profile-heading"');
        expect(second).not.toContain('id="concerning-heading"');
        expect(second).not.toContain("data-pagefind-body");
        expect(second).toContain('<a href="../../index.html" rel="prev">');
        expect(second).toMatch(/<a href="index\.html" aria-current="page"[^>]*>2<\/a>/);
      }
      expect(existsSync(join(small, "en/countries/ken/page/3/index.html"))).toBe(false);
      expect(existsSync(join(small, "fr/browse/page/6/index.html"))).toBe(true);
      expect(existsSync(join(small, "fr/browse/page/7/index.html"))).toBe(false);
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  });

  test("the browse index lists every entry once, in the order of the static list, with its text in every language", () => {
    const { entries, owners, shardSize, pageSize } = index();
    expect(pageSize).toBe(PAGE_SIZE);
    const order = listPages("en/browse/index.html").flatMap((p) => p.entries);
    expect(entries.map((row) => idOf(row, owners))).toEqual(order);
    for (const lang of LANGS) {
      const labels = JSON.parse(read(`browse-index/${lang}/labels.json`)) as { lang: string; owners: unknown[]; labels: Record<string, string[]> };
      expect(labels.lang).toBe(lang);
      expect(labels.owners).toHaveLength(owners.length);
      const text = JSON.parse(read(`browse-index/${lang}/text-0.json`)) as string[][];
      expect(text).toHaveLength(Math.min(entries.length, shardSize));
    }
    const ar = JSON.parse(read("browse-index/ar/text-0.json")) as string[][];
    expect(ar[order.indexOf("ken/safer-chat-2021")]).toEqual(["حملة الدردشة الآمنة", "حملة توعية تجريبية حول الدردشة الآمنة للأطفال والآباء."]);
    expect(ar[order.indexOf("ken/helpline-2018")]?.[2]).toBe("en");
  });

  test("list cards carry no per-entry filter data any more", () => {
    expect(read("en/browse/index.html")).not.toMatch(/<li class="entry" data-/);
  });
});

describe("the open data", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The published schemas carry each description in the five other languages beside the English one.
  ajv.addKeyword({ keyword: "descriptions", schemaType: "object" });
  for (const schema of Object.values(API_SCHEMAS)) ajv.addSchema(schema);

  test("every JSON file of the API validates against its published schema", () => {
    // The OpenAPI description has its own validator (test/site/atlas.test.ts).
    const apiFiles = files.filter((f) => f.startsWith("api/v1/") && f.endsWith(".json") && !f.startsWith("api/v1/schemas/") && f !== "api/v1/openapi.json");
    expect(apiFiles.length).toBeGreaterThan(10);
    for (const file of apiFiles) {
      const name = schemaForApiFile(file);
      expect(name, file).toBeDefined();
      const validate = ajv.getSchema(`https://cop-atlas.github.io/cop-atlas/api/v1/schemas/api/${name}.schema.json`)!;
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
    const byId = new Map(parsed.data.map((row) => [row.id, row]));
    expect(byId.get(CONFIRMED_ENTRY)).toMatchObject({ compiled_by: "member-state", confirmed_by: "ken", confirmed_on: "2025-06-10" });
    expect(byId.get("fra/school-workshops-2019")).toMatchObject({ compiled_by: "editors", confirmed_by: "", confirmed_on: "" });
  });

  test("provenance: the entry page says who compiled it and who confirmed it, and lists carry a badge", () => {
    const confirmed = read("en/countries/ken/activities/safer-chat-2021/index.html");
    expect(confirmed).toContain("Confirmed by Kenya on 10 June 2025");
    expect(confirmed).toContain("The Member State");
    expect(confirmed).toMatch(/<span class="badge badge-confirmed">Confirmed<\/span>/);
    const unconfirmed = read("fr/countries/fra/activities/school-workshops-2019/index.html");
    expect(unconfirmed).toContain("Pas encore confirmé par : France");
    expect(unconfirmed).toMatch(/Les éditeurs de l(?:'|&#39;|&#x27;)atlas, à partir de sources publiques/);
    expect(unconfirmed).toMatch(/<span class="badge badge-unconfirmed">Pas encore confirmé<\/span>/);
    // Every card of a list has exactly one badge, and the confirmation facet lists exactly the confirmed entries.
    const list = read("en/browse/index.html");
    expect(list.match(/<li class="entry">/g)?.length).toBe(list.match(/class="badge badge-/g)?.length);
    const facet = read("en/browse/confirmation/confirmed/index.html");
    expect(facet.match(/<li class="entry">/g)).toHaveLength(1);
    expect(facet).toContain("countries/ken/activities/safer-chat-2021/");
    // The home page describes the data as it is: compiled from public sources, confirmed by Member States.
    const home = read("en/index.html");
    expect(home).toContain("Its entries are compiled from public sources");
    expect(home).not.toMatch(/contributed by Member States/i);
    expect(home).toContain('<li><span class="figure-number">1</span><span class="figure-words">confirmed entry</span></li>');
    const api = JSON.parse(read("api/v1/activities.json")) as
      | { activities?: Array<{ id: string; provenance: unknown }> }
      | Array<{ id: string; provenance: unknown }>;
    const records = Array.isArray(api) ? api : (api.activities ?? []);
    expect(records.find((a) => a.id === CONFIRMED_ENTRY)?.provenance).toEqual({ compiledBy: "member-state", confirmedBy: ["ken"], confirmedOn: "2025-06-10" });
    expect(records.find((a) => a.id === "fra/school-workshops-2019")?.provenance).toEqual({ compiledBy: "editors", confirmedBy: [] });
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

  test("the sitemap lists every page but the not-found pages, with an absolute address", () => {
    const xml = read("sitemap.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const pages = files.filter((f) => f.endsWith(".html") && !f.endsWith("404.html"));
    expect(xml.match(/<loc>/g)).toHaveLength(pages.length);
    expect(xml).toContain("<loc>https://example.github.io/cop-atlas/en/countries/ken/activities/safer-chat-2021/</loc>");
  });
});

describe("an entry whose start no source gives", () => {
  test("is built without a start date: no Start row, no start in the API or the CSV", () => {
    const page = read("en/countries/egy/activities/digital-skills-2022/index.html");
    expect(page).toContain("برنامج المهارات الرقمية");
    expect(page).not.toMatch(/<dt>Start<\/dt>/);
    const api = JSON.parse(read("api/v1/activities.json")) as { activities?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>;
    const list = Array.isArray(api) ? api : (api.activities ?? []);
    const entry = list.find((a) => a.slug === "digital-skills-2022");
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty("start");
    expect(entry).not.toHaveProperty("year");
    const rows = Papa.parse<Record<string, string>>(read("api/v1/activities.csv").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((row) => row.id?.endsWith("digital-skills-2022"))?.start).toBe("");
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
