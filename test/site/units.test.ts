import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { normaliseRepositoryUrl, pagesUrlOf, resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { type History, parseGitLog, provenanceByEntry } from "../../scripts/lib/model/provenance.ts";
import { absoluteUrl, isSafeOutputPath, pagePath, relativeUrl } from "../../scripts/lib/model/urls.ts";
import { changelogFromDiff } from "../../scripts/lib/open-data/bundle.ts";
import { neutraliseFormula } from "../../scripts/lib/open-data/csv.ts";
import { tarGz } from "../../scripts/lib/open-data/tar.ts";
import { escapeHtml, externalLink, html, withoutForbiddenCharacters } from "../../scripts/lib/present/html.ts";
import { formatDate } from "../../scripts/lib/present/i18n.ts";
import { shadeOf, worldShapes } from "../../scripts/lib/site/map.ts";
import { renderMarkdown } from "../../scripts/lib/site/markdown.ts";
import { pageSizeOf, pageWindow, paginate } from "../../scripts/lib/site/pagination.ts";

describe("relative URLs keep the site working under any base path", () => {
  test.for([
    ["en/index.html", "en/browse/index.html", "browse/index.html"],
    ["en/countries/rwa/activities/x/index.html", "assets/site.css", "../../../../../assets/site.css"],
    ["en/countries/rwa/activities/x/index.html", "fr/countries/rwa/activities/x/index.html", "../../../../../fr/countries/rwa/activities/x/index.html"],
    ["en/countries/rwa/index.html", "en/countries/rwa/activities/x/index.html", "activities/x/index.html"],
    ["index.html", "en/index.html", "en/index.html"],
    ["en/browse/topic/grooming/index.html", "en/browse/index.html", "../../index.html"],
  ] as const)("from %s to %s", ([from, to, expected]) => {
    expect(relativeUrl(from, to)).toBe(expected);
  });

  test("the same URL as going up from each folder of the page and down the target's path", () => {
    // The plain definition, by segments; relativeUrl compares characters for speed.
    const bySegments = (from: string, to: string) => {
      const folders = from.split("/").slice(0, -1);
      const target = to.split("/");
      let common = 0;
      while (common < folders.length && common < target.length - 1 && folders[common] === target[common]) common++;
      return `${"../".repeat(folders.length - common)}${target.slice(common).join("/")}` || "./";
    };
    const path = fc.array(fc.constantFrom("en", "fr", "a", "ab", "b", "", "index.html"), { maxLength: 6 }).map((parts) => parts.join("/"));
    fc.assert(
      fc.property(path, path, (from, to) => {
        expect(relativeUrl(from, to)).toBe(bySegments(from, to));
      }),
      { numRuns: 2000 },
    );
  });

  test("absolute addresses drop index.html", () => {
    expect(absoluteUrl("https://o.github.io/r/", "en/index.html")).toBe("https://o.github.io/r/en/");
    expect(absoluteUrl("https://o.github.io/r/", "index.html")).toBe("https://o.github.io/r/");
    expect(absoluteUrl("https://o.github.io/r/", "en/browse/page/2/index.html")).toBe("https://o.github.io/r/en/browse/page/2/");
    expect(absoluteUrl("https://o.github.io/r/", "en/xindex.html")).toBe("https://o.github.io/r/en/xindex.html");
    expect(absoluteUrl("https://o.github.io/r/", "api/v1/feeds/en/all.atom")).toBe("https://o.github.io/r/api/v1/feeds/en/all.atom");
  });

  test.for([
    ["en/countries/rwa/index.html", true],
    ["../etc/passwd", false],
    ["en/../../x", false],
    ["/abs/path", false],
    ["en//x", false],
    ["en/Countries/x", false],
  ] as const)("output path %s is safe: %s", ([path, ok]) => {
    expect(isSafeOutputPath(path)).toBe(ok);
  });
});

describe("site configuration", () => {
  test.for([
    ["git+https://github.com/itu/cop-atlas.git", "https://github.com/itu/cop-atlas"],
    ["github:itu/cop-atlas", "https://github.com/itu/cop-atlas"],
    ["itu/cop-atlas", "https://github.com/itu/cop-atlas"],
    ["git@github.com:itu/cop-atlas.git", "https://github.com/itu/cop-atlas"],
    ["https://user:pw@github.com/itu/cop-atlas", undefined],
    ["javascript:alert(1)", undefined],
  ] as const)("repository %s", ([input, expected]) => {
    expect(normaliseRepositoryUrl(input)).toBe(expected);
  });

  test("precedence: explicit variable, then GitHub Actions, then package.json", () => {
    const env = {
      packageRepository: { url: "git+https://github.com/pkg/atlas.git" },
      GITHUB_REPOSITORY: "act/atlas",
      COP_ATLAS_REPOSITORY_URL: "https://github.com/env/atlas",
    };
    expect(resolveSiteConfig(env).repositoryUrl).toBe("https://github.com/env/atlas");
    expect(resolveSiteConfig({ ...env, COP_ATLAS_REPOSITORY_URL: undefined }).repositoryUrl).toBe("https://github.com/act/atlas");
    expect(resolveSiteConfig({ packageRepository: env.packageRepository }).repositoryUrl).toBe("https://github.com/pkg/atlas");
    expect(resolveSiteConfig({}).repositoryUrl).toBeUndefined();
    expect(resolveSiteConfig({ packageRepository: "itu/cop-atlas" }).siteUrl).toBe("https://itu.github.io/cop-atlas/");
    expect(resolveSiteConfig({ COP_ATLAS_SITE_URL: "https://atlas.example.org" }).siteUrl).toBe("https://atlas.example.org/");
    expect(resolveSiteConfig({ SOURCE_DATE_EPOCH: "1700000000" }).now.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(pagesUrlOf("https://github.com/Itu/itu.github.io")).toBe("https://itu.github.io/");
  });
});

describe("HTML templates escape data", () => {
  test("interpolated text is escaped, Html is not", () => {
    expect(html`<p title="${'"><script>'}">${"<b>&"}</p>`.value).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;</p>');
    expect(html`<p>${html`<b>x</b>`}</p>`.value).toBe("<p><b>x</b></p>");
    expect(escapeHtml(`'`)).toBe("&#39;");
  });

  test("characters a document may not hold become U+FFFD; tabs, line breaks, pairs and scripts stay", () => {
    expect(escapeHtml("NUL\u0000 ESC\u001B BEL\u0007 C1\u0085 FFFE\uFFFE FDD0\uFDD0 lone\uD800 low\uDC00")).toBe(
      "NUL\uFFFD ESC\uFFFD BEL\uFFFD C1\uFFFD FFFE\uFFFD FDD0\uFFFD lone\uFFFD low\uFFFD",
    );
    expect(escapeHtml("tab\t line\n cr\r 😀 حملة 中文")).toBe("tab\t line\n cr\r 😀 حملة 中文");
    expect(renderMarkdown("A\u001B[31m title\u0000").value).toBe("<p>A\uFFFD[31m title\uFFFD</p>");
  });

  test("text escapes, and loses its forbidden characters, as the one full replacement would, with or without characters to escape", () => {
    const UNSAFE = /[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]|\p{Noncharacter_Code_Point}/gu;
    const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    const reference = (text: string) => text.replace(UNSAFE, (c) => ESCAPES[c] ?? "\uFFFD");
    const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]|\p{Noncharacter_Code_Point}/gu;
    const characters = fc.oneof(
      fc.constantFrom(
        "a",
        "é",
        "ح",
        "中",
        "&",
        "<",
        '"',
        "'",
        "\t",
        "\u0000",
        "\u0085",
        "\uFDD0",
        "\uFFFE",
        "\uFFFF",
        "\uD800",
        "\uDC00",
        "😀",
        "\u{1FFFE}",
        "\u{10FFFF}",
      ),
      fc.string({ unit: "binary", maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(escapeHtml(text)).toBe(reference(text));
        // Markup stays, and only what the full replacement of forbidden characters replaces goes.
        expect(withoutForbiddenCharacters(text)).toBe(text.replace(FORBIDDEN, "\uFFFD"));
      }),
      { numRuns: 3000 },
    );
  });

  test("external links accept only http(s) without credentials and carry the rel", () => {
    expect(externalLink("https://example.org/a", "a").value).toBe('<a href="https://example.org/a" rel="noopener noreferrer nofollow ugc">a</a>');
    expect(externalLink("javascript:alert(1)", "a").value).toBe("<span>a</span>");
    expect(externalLink("https://u:p@example.org/", "a").value).toBe("<span>a</span>");
  });
});

describe("provenance from git", () => {
  const R = "\x1e";
  const F = "\x1f";
  const log = [
    `${R}bbb${F}2025-02-10T10:00:00+00:00${F}Update COP Atlas entries: ken (#2)${F}Approved on x.\n\nApproved-by: bob (102)\nApproved-by: carol (103)\n${F}\n\ncountries/ken/activities/a/activity.json\ncountries/ken/activities/a/en.md\n`,
    `${R}aaa${F}2024-03-01T10:00:00+00:00${F}Merge pull request #1 from fork/branch${F}${F}\n\ncountries/ken/country.json\ncountries/ken/activities/a/activity.json\ncountries/ken/activities/b/activity.json\n`,
  ].join("");

  test("parses commits, pull requests and approvers", () => {
    const changes = parseGitLog(log);
    expect(changes.map((c) => [c.sha, c.pullRequest, c.approvers])).toEqual([
      ["bbb", 2, ["bob (102)", "carol (103)"]],
      ["aaa", 1, []],
    ]);
    expect(changes[0]!.files).toEqual(["countries/ken/activities/a/activity.json", "countries/ken/activities/a/en.md"]);
  });

  test("first and last change per entry; a shallow clone does not claim its oldest commit as 'added'", () => {
    const history: History = { available: true, shallow: false, changes: parseGitLog(log) };
    const full = provenanceByEntry(history);
    expect(full.get("countries/ken/activities/a")?.added?.sha).toBe("aaa");
    expect(full.get("countries/ken/activities/a")?.updated?.sha).toBe("bbb");
    expect(full.get("countries/ken/activities/b")?.added?.sha).toBe("aaa");
    const shallow = provenanceByEntry({ ...history, shallow: true });
    expect(shallow.get("countries/ken/activities/a")?.added).toBeUndefined();
    expect(shallow.get("countries/ken/activities/a")?.updated?.sha).toBe("bbb");
  });
});

describe("open data helpers", () => {
  test.for([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1", "'+1"],
    ["-x", "'-x"],
    ["@cmd", "'@cmd"],
    ["'=quoted", "''=quoted"],
    ["'Safer Internet Day'", "''Safer Internet Day'"],
    ["Plain title", "Plain title"],
    ["2019-06", "2019-06"],
  ] as const)("CSV cell %s", ([input, expected]) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  test("the changelog between two tags, from git diff --name-status", () => {
    const diff = [
      "A\tcountries/ken/activities/new/activity.json",
      "A\tcountries/ken/activities/new/en.md",
      "M\tcountries/ken/activities/old/en.md",
      "A\tcountries/ken/activities/old/fr.md",
      "D\torganizations/eu/activities/gone/activity.json",
      "D\torganizations/eu/activities/gone/en.md",
      "M\tcountries/ken/country.json",
    ].join("\n");
    expect(changelogFromDiff(diff)).toEqual({ added: ["ken/new"], changed: ["ken/old"], removed: ["eu/gone"] });
  });

  test("the tar archive is a valid ustar stream", () => {
    const archive = gunzipSync(tarGz([{ path: "bundle/a.json", content: new TextEncoder().encode("{}\n") }], new Date(0)));
    expect(archive.length).toBe(512 + 512 + 1024);
    expect(new TextDecoder().decode(archive.subarray(0, 13))).toBe("bundle/a.json");
    expect(new TextDecoder().decode(archive.subarray(257, 262))).toBe("ustar");
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : archive[i]!;
    expect(Number.parseInt(new TextDecoder().decode(archive.subarray(148, 154)), 8)).toBe(sum);
  });
});

describe("the map and dates", () => {
  test("the world outlines are projected once, with ISO alpha-3 codes", () => {
    const shapes = worldShapes();
    expect(shapes.length).toBeGreaterThan(150);
    expect(shapes.some((s) => s.iso3 === "RWA")).toBe(true);
    expect(shapes.every((s) => /^M[-0-9.,LZM]+$/.test(s.d))).toBe(true);
  });

  test.for([
    [0, 0],
    [1, 1],
    [2, 2],
    [4, 2],
    [5, 3],
    [9, 3],
    [10, 4],
    [300, 4],
  ] as const)("%i entries get shade %i", ([count, shade]) => {
    expect(shadeOf(count)).toBe(shade);
  });

  test("partial dates in six languages, with Latin digits", () => {
    expect(formatDate("en", "2019")).toBe("2019");
    expect(formatDate("en", "2019-06")).toBe("June 2019");
    expect(formatDate("fr", "2019-06-30")).toBe("30 juin 2019");
    expect(formatDate("ar", "2019-06")).toMatch(/2019/);
    // Dates are kept once written: the same value in another language, and again, is still its own.
    expect(formatDate("fr", "2019-06")).toBe("juin 2019");
    expect(formatDate("en", "2019-06")).toBe("June 2019");
  });
});

describe("pagination", () => {
  test.for([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, 3, null, 10]],
    [5, 10, [1, 2, 3, 4, 5, 6, 7, null, 10]],
    [6, 12, [1, null, 4, 5, 6, 7, 8, null, 12]],
    [10, 10, [1, null, 8, 9, 10]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
  ] as const)("page %i of %i shows %j", ([current, total, expected]) => {
    expect(pageWindow(current, total)).toEqual(expected);
  });

  test.for([
    [0, 50, [0]],
    [1, 50, [1]],
    [50, 50, [50]],
    [51, 50, [50, 1]],
    [120, 50, [50, 50, 20]],
  ] as const)("%i items in pages of %i: %j", ([count, size, sizes]) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const pages = paginate(items, size);
    expect(pages.map((p) => p.length)).toEqual(sizes);
    expect(pages.flat()).toEqual(items);
  });

  test.for([
    ["en", 1, "en/browse/index.html"],
    ["en", 2, "en/browse/page/2/index.html"],
    ["ar", 12, "ar/browse/page/12/index.html"],
  ] as const)("the %s browse page %i lives at %s", ([lang, page, path]) => {
    expect(pagePath.browse(lang, page)).toBe(path);
  });

  test("page 1 of every list keeps its address from before pagination", () => {
    expect(pagePath.facet("fr", "topic", "grooming", 1)).toBe("fr/browse/topic/grooming/index.html");
    expect(pagePath.facet("fr", "country", "KEN", 3)).toBe("fr/browse/country/ken/page/3/index.html");
    expect(pagePath.owner("es", { dir: "countries/ken" })).toBe("es/countries/ken/index.html");
    expect(pagePath.owner("es", { dir: "countries/ken" }, 2)).toBe("es/countries/ken/page/2/index.html");
    expect(pagePath.youth("zh", 2)).toBe("zh/youth/page/2/index.html");
    for (const path of [pagePath.browse("en", 99), pagePath.owner("ru", { dir: "organizations/itu" }, 7)]) expect(isSafeOutputPath(path)).toBe(true);
  });

  test("the page size must be a positive integer", () => {
    expect(pageSizeOf({})).toBe(50);
    expect(pageSizeOf({ pageSize: 2 })).toBe(2);
    expect(() => pageSizeOf({ pageSize: 0 })).toThrow(/positive integer/);
  });
});
