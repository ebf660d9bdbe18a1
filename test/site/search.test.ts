/**
 * What the search index holds, read from the files Pagefind writes for the built site: each
 * page's text as its excerpts will show it, and what the results list says about the page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { buildSite } from "../../scripts/lib/site/build.ts";
import { indexSite, isIndexedPage, searchPartFolder, searchParts } from "../../scripts/lib/site/search-index.ts";
import type { TempRepo } from "../support/repo.ts";
import { hasGit, makeSyntheticRepo } from "./support/dataset.ts";

/** One page in Pagefind's index: its address, its text, its filters and its metadata. */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

let repo: TempRepo;
let out: string;
let fragments: Array<Fragment & { lang: string }> = [];

beforeAll(async () => {
  repo = makeSyntheticRepo(hasGit());
  out = mkdtempSync(join(tmpdir(), "cop-atlas-search-"));
  const config = resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z"));
  await buildSite({ root: repo.root, outDir: out, config, search: true });
  fragments = readFragments(out);
});

/** Every page of every index under a built site (pagefind/<lang>/<part>/fragment/): a fragment is gzip'd JSON after Pagefind's own signature. */
function readFragments(site: string): Array<Fragment & { lang: string; part: string }> {
  return readdirSync(join(site, "pagefind")).flatMap((lang) =>
    readdirSync(join(site, "pagefind", lang)).flatMap((part) => {
      const folder = join(site, "pagefind", lang, part, "fragment");
      return readdirSync(folder).map((name) => ({
        lang,
        part,
        ...(JSON.parse(
          gunzipSync(readFileSync(join(folder, name)))
            .toString("utf8")
            .replace(/^pagefind_dcd/, ""),
        ) as Fragment),
      }));
    }),
  );
}

afterAll(() => {
  repo?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

const pageOf = (url: string) => fragments.find((f) => f.url.endsWith(url));

describe("search results", () => {
  test("the index holds entries and profiles in several languages (the tests would pass vacuously otherwise)", () => {
    expect(fragments.filter((f) => f.url.includes("/activities/")).length).toBeGreaterThan(5);
    expect(pageOf("/en/organizations/test-network/index.html")).toBeDefined();
    expect(pageOf("/ru/countries/ken/index.html")).toBeDefined();
  });

  test("each language has an index of its own, holding only that language's pages, and each page's search form loads it", () => {
    expect(readdirSync(join(out, "pagefind")).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    // A site this small has one part per language.
    for (const lang of readdirSync(join(out, "pagefind"))) expect(readdirSync(join(out, "pagefind", lang))).toEqual(["1-of-1"]);
    for (const fragment of fragments) expect(fragment.url.split("/")[1], fragment.url).toBe(fragment.lang);
    const ru = readFileSync(join(out, "ru/search/index.html"), "utf8");
    expect(ru).toContain('data-pagefind="../../pagefind/ru/1-of-1/pagefind.js"');
    expect(ru).not.toContain("data-pagefind-merge");
    expect(readFileSync(join(out, "zh/search/index.html"), "utf8")).toContain('data-pagefind="../../pagefind/zh/1-of-1/pagefind.js"');
  });

  test("a large language's index comes in parts by owner that together hold what one index holds, and the search form loads them all", async () => {
    const parted = mkdtempSync(join(tmpdir(), "cop-atlas-search-parts-"));
    try {
      // 195 countries' profiles and the entries, in parts of at most 150 pages: two parts per language.
      const config = {
        ...resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z")),
        searchPartPages: 150,
      };
      const result = await buildSite({ root: repo.root, outDir: parted, config, search: true });
      expect(result.searchParts.filter((folder) => folder.startsWith("pagefind/en/"))).toEqual(["pagefind/en/1-of-2", "pagefind/en/2-of-2"]);
      const inParts = readFragments(parted);
      // Each page is in the part its owner's folder falls into, and in no other.
      for (const fragment of inParts) {
        const owner = /\/((?:countries|organizations)\/[^/]+)\//.exec(fragment.url)?.[1] ?? "";
        expect(`pagefind/${fragment.lang}/${fragment.part}`, fragment.url).toBe(searchPartFolder(fragment.lang, owner, 2));
      }
      const urls = (list: Fragment[]) => list.map((fragment) => fragment.url).sort();
      expect(urls(inParts)).toEqual(urls(fragments));
      expect(new Set(inParts.map((fragment) => fragment.part)).size).toBe(2);
      const form = /data-pagefind="([^"]*)" data-pagefind-merge="([^"]*)"/.exec(readFileSync(join(parted, "fr/search/index.html"), "utf8"));
      expect(form?.[1]).toBe("../../pagefind/fr/1-of-2/pagefind.js");
      expect(form?.[2]).toBe("../../pagefind/fr/2-of-2/pagefind.js");
    } finally {
      rmSync(parted, { recursive: true, force: true });
    }
  });

  test("each result says whether it is an entry or a profile, in the page's language", () => {
    for (const fragment of fragments) {
      const entry = fragment.url.includes("/activities/");
      expect(fragment.filters.type, fragment.url).toEqual([entry ? "entry" : "profile"]);
      expect(fragment.meta.kind, fragment.url).toBeTruthy();
    }
    expect(pageOf("/en/countries/ken/activities/safer-chat-2021/index.html")?.meta.kind).toBe("Entry: Case study");
    expect(pageOf("/ar/countries/ken/activities/safer-chat-2021/index.html")?.meta.kind).toBe("مدخل: دراسة حالة");
    expect(pageOf("/en/countries/ken/index.html")?.meta.kind).toBe("Country profile");
    expect(pageOf("/ru/countries/ken/index.html")?.meta.kind).toBe("Профиль страны");
    expect(pageOf("/en/organizations/test-network/index.html")?.meta.kind).toBe("Organization profile");
    expect(pageOf("/fr/organizations/test-network/index.html")?.meta.kind).toBe("Profil d’organisation");
  });

  test("a field's label and its value stay apart in the text excerpts come from", () => {
    const organization = pageOf("/en/organizations/test-network/index.html")!;
    expect(organization.content).toContain("Organization Synthetic Test Network (STN)");
    expect(organization.content).toMatch(/Level International\b/);
    const problems: string[] = [];
    for (const fragment of fragments) {
      const page = readFileSync(join(out, fragment.url.replace(/^\//, "")), "utf8");
      // Pagefind joins the text of a term and a description with only what lies between them.
      for (const [glued] of page.matchAll(/<\/d[dt]><d[dt]>/g)) problems.push(`${fragment.url}: ${glued}`);
      // Every term of a definition list and the first letter of its description: glued, they would make one word.
      for (const [, term, first] of page.matchAll(/<dt>([^<]+)<\/dt>\s*<dd>(?:<[^>]*>)*([^<\s])/g)) {
        if (fragment.content.includes(`${term}${first}`)) problems.push(`${fragment.url}: "${term}${first}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("what Pagefind reads", () => {
  test("only the pages it keeps, and the index is byte for byte the one it makes reading every page of the part", async () => {
    const unmarked = readdirSync(join(out, "fr/countries/ken/activities"))
      .map((folder) => readFileSync(join(out, "fr/countries/ken/activities", folder, "index.html"), "utf8"))
      .filter((page) => !isIndexedPage(page));
    // Pages that only point to another language's text exist, so that reading fewer pages is tested at all.
    expect(unmarked.length).toBeGreaterThan(0);
    const whole = mkdtempSync(join(tmpdir(), "cop-atlas-search-whole-"));
    try {
      for (const lang of ["en", "fr"]) {
        const owners = ["countries", "organizations"].flatMap((type) => readdirSync(join(out, lang, type)).map((id) => `${type}/${id}`));
        const [part] = searchParts(lang, owners, 1);
        const indexed = await indexSite(out, whole, part!);
        expect(indexed.files.length).toBeGreaterThan(0);
        for (const file of indexed.files) expect(readFileSync(join(out, file)), file).toEqual(readFileSync(join(whole, file)));
        const listing = (site: string) => readdirSync(join(site, part!.folder), { recursive: true }).sort();
        expect(listing(out)).toEqual(listing(whole));
      }
    } finally {
      rmSync(whole, { recursive: true, force: true });
    }
    // The hard links Pagefind read went with the build.
    expect(readdirSync(dirname(out)).filter((name) => name.startsWith(`.${basename(out)}.`))).toEqual([]);
  });
});
