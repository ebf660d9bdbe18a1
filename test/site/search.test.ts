/**
 * What the search index holds, read from the files Pagefind writes for the built site: each
 * page's text as its excerpts will show it, and what the results list says about the page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { buildSite } from "../../scripts/lib/site/build.ts";
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
  // One index per language, each with the fragments of its pages; a fragment is gzip'd JSON after Pagefind's own signature.
  fragments = readdirSync(join(out, "pagefind")).flatMap((lang) => {
    const folder = join(out, "pagefind", lang, "fragment");
    return readdirSync(folder).map((name) => ({
      lang,
      ...(JSON.parse(
        gunzipSync(readFileSync(join(folder, name)))
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      ) as Fragment),
    }));
  });
});

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
    for (const fragment of fragments) expect(fragment.url.split("/")[1], fragment.url).toBe(fragment.lang);
    expect(readFileSync(join(out, "ru/search/index.html"), "utf8")).toContain('data-pagefind="../../pagefind/ru/pagefind.js"');
    expect(readFileSync(join(out, "zh/search/index.html"), "utf8")).toContain('data-pagefind="../../pagefind/zh/pagefind.js"');
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
