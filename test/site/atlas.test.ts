import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { optionText } from "../../scripts/lib/forms/options.ts";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { apiFields } from "../../scripts/lib/open-data/api-docs.ts";
import { API_SCHEMAS, schemaForApiFile } from "../../scripts/lib/open-data/api-schemas.ts";
import { apiFileKind, OPENAPI_PATH } from "../../scripts/lib/open-data/openapi.ts";
import { SCHEMA_INDEX_PATH } from "../../scripts/lib/open-data/schema-index.ts";
import { escapeHtml } from "../../scripts/lib/present/html.ts";
import { formatDate, formatNumber, messages } from "../../scripts/lib/present/i18n.ts";
import { CANONICAL_SITE_URL, loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { type BuildResult, buildSite } from "../../scripts/lib/site/build.ts";
import { countryProfileUrl, editFileUrl, issueFormUrl, newActivityUrl } from "../../scripts/lib/site/contribute.ts";
import { serveSite } from "../../scripts/lib/site/serve.ts";
import type { TempRepo } from "../support/repo.ts";
import { hasGit, KEN_REVIEWER, makeSyntheticRepo } from "./support/dataset.ts";

const PROJECT = join(import.meta.dirname, "../..");
const REPO = "https://github.com/example/cop-atlas";
const config = resolveSiteConfig(
  { COP_ATLAS_REPOSITORY_URL: REPO, COP_ATLAS_SITE_URL: "https://example.github.io/cop-atlas/" },
  new Date("2025-12-31T00:00:00Z"),
);
const LANGS = ["ar", "zh", "en", "fr", "ru", "es"] as const;
const countries = loadCatalog(PROJECT).vocabularies.get("countries");

/** The fields of one of the repository's issue forms, by id. */
function formFields(template: string): Map<string, { type: string; attributes: { options?: string[] } }> {
  const form = parse(readFileSync(join(PROJECT, ".github/ISSUE_TEMPLATE", template), "utf8")) as {
    body: Array<{ id?: string; type: string; attributes: { options?: string[] } }>;
  };
  return new Map(form.body.filter((f) => f.id).map((f) => [f.id!, f]));
}

/** The hrefs of every link of a page whose address starts with `prefix`. */
function linksTo(html: string, prefix: string): URL[] {
  return [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&"))
    .filter((href) => href.startsWith(prefix))
    .map((href) => new URL(href));
}

let repo: TempRepo;
let out: string;
let result: BuildResult;
const read = (path: string) => readFileSync(join(out, path), "utf8");

beforeAll(async () => {
  repo = makeSyntheticRepo(hasGit());
  out = mkdtempSync(join(tmpdir(), "cop-atlas-atlas-"));
  result = await buildSite({ root: repo.root, outDir: out, config, search: false });
});

afterAll(() => {
  repo?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("links into the repository's forms and files", () => {
  test("GitHub fills a form's fields from query parameters named after their ids", () => {
    const url = new URL(issueFormUrl(REPO, "correction.yml", { entry: "ken/a-b", title: "x & y" }));
    expect(url.origin + url.pathname).toBe(`${REPO}/issues/new`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ template: "correction.yml", entry: "ken/a-b", title: "x & y" });
  });

  test.for(LANGS)("the country chosen in the %s new-activity and country-profile forms is exactly one of that form's options", (lang) => {
    const suffix = lang === "en" ? "" : `.${lang}`;
    for (const [template, url] of [
      [`new-activity${suffix}.yml`, newActivityUrl],
      [`country-profile${suffix}.yml`, countryProfileUrl],
    ] as const) {
      const options = formFields(template).get("country")!.attributes.options!;
      for (const term of countries.terms.values()) {
        const link = new URL(url(REPO, term, lang));
        expect(link.searchParams.get("template"), term.id).toBe(template);
        expect(options, `${template} ${term.id}`).toContain(link.searchParams.get("country"));
      }
    }
  });

  test("the editor link names the branch and the file", () => {
    expect(editFileUrl(REPO, "main", "countries/ken/activities/x/en.md")).toBe(`${REPO}/edit/main/countries/ken/activities/x/en.md`);
  });
});

describe("a page for every country of the reference table, in every language", () => {
  test("the build succeeds", () => {
    expect(result.ok).toBe(true);
  });

  test("all 193 Member States and the non-member States have a page in the six languages", () => {
    expect(countries.terms.size).toBeGreaterThanOrEqual(195);
    const missing: string[] = [];
    for (const lang of LANGS) {
      for (const code of countries.terms.keys()) {
        const path = `${lang}/countries/${code.toLowerCase()}/index.html`;
        if (!existsSync(join(out, path))) missing.push(path);
      }
    }
    expect(missing).toEqual([]);
  });

  test("a country without entries says so, gives its region and status, and links to the form with the country chosen", () => {
    const page = read("fr/countries/tza/index.html");
    const tanzania = countries.terms.get("TZA")!;
    expect(page).toContain(`<h1>${tanzania.labels.fr}</h1>`);
    expect(page).toContain("COP Atlas ne contient encore aucune entrée");
    expect(page).toContain("État Membre de l&#39;Organisation des Nations Unies");
    expect(page).toMatch(/<dt>Région UIT-D<\/dt> <dd><a href="[^"]*browse\/region\/africa\/index\.html">Afrique<\/a>/);
    const [form] = linksTo(page, `${REPO}/issues/new?template=new-activity.fr.yml`);
    expect(form?.searchParams.get("country")).toBe(optionText(tanzania, "fr"));
    expect(linksTo(page, `${REPO}/issues/new?template=country-profile.fr.yml`)[0]?.searchParams.get("country")).toBe(optionText(tanzania, "fr"));
    expect(linksTo(page, `${REPO}/issues/new?template=new-activity.yml`)).toEqual([]);
    expect(page).toContain("Aucun relecteur n&#39;a encore été désigné");
  });

  test("a non-member State is not called a Member State", () => {
    expect(read("en/countries/vat/index.html")).toContain("Non-member observer State of the United Nations");
    expect(read("en/countries/pse/index.html")).not.toContain("Member State of the United Nations</dd>");
  });

  test("a country with a profile lists its designated reviewers and the prefilled form", () => {
    const page = read("en/countries/ken/index.html");
    expect(page).toContain(`<a href="https://github.com/${KEN_REVIEWER.login}" rel="noopener noreferrer" dir="ltr">@${KEN_REVIEWER.login}</a>`);
    expect(linksTo(page, `${REPO}/issues/new?template=new-activity.yml`)[0]?.searchParams.get("country")).toBe("Kenya (KEN)");
    expect(read("en/countries/fra/index.html")).toContain("No reviewers have been designated yet");
  });

  test("the directory and the map link every country to its page", () => {
    const directory = read("es/directory/index.html");
    for (const code of countries.terms.keys()) expect(directory).toContain(`href="../countries/${code.toLowerCase()}/index.html"`);
    const home = read("en/index.html");
    expect(home).toContain('href="countries/tza/index.html" tabindex="-1"');
  });
});

describe("entry pages lead to a correction", () => {
  test("“Suggest a correction” opens the correction form with the entry's permalink, and “Edit on GitHub” the text shown", () => {
    for (const lang of LANGS) {
      const page = read(`${lang}/countries/ken/activities/safer-chat-2021/index.html`);
      // Exactly one of each: the entry page once had a second correction link in its history list.
      // The form of the page's language, so that the bot answers in it too.
      const forms = linksTo(page, `${REPO}/issues/new?template=${lang === "en" ? "correction.yml" : `correction.${lang}.yml`}`);
      expect(forms, lang).toHaveLength(1);
      expect(forms[0]?.searchParams.get("entry"), lang).toBe("ken/safer-chat-2021");
      expect([...page.matchAll(new RegExp(`href="${REPO}/edit/main/countries/ken/activities/safer-chat-2021/[a-z]{2}\\.md"`, "g"))], lang).toHaveLength(1);
    }
  });
});

describe("lists are written the page's language's way", () => {
  test.for([
    ["ar", "16.2 و4.7 و5.2", "أفريقيا وأوروبا"],
    ["zh", "16.2、4.7和5.2", "非洲和欧洲"],
    ["en", "16.2, 4.7 and 5.2", "Africa and Europe"],
    ["ru", "16.2, 4.7 и 5.2", "Африка и Европа"],
  ] as const)("%s: SDG targets and an organisation's regions", ([lang, targets, regions]) => {
    expect(read(`${lang}/countries/ken/activities/safer-chat-2021/index.html`)).toContain(`<dd>${targets}</dd>`);
    expect(read(`${lang}/organizations/test-network/index.html`)).toContain(`<dd>${regions}</dd>`);
  });
});

describe("an organisation's name is never passed off as a translation", () => {
  // test-network has an English and a French name only: the other pages keep the English one, marked as English.
  test.for(LANGS)("%s: the heading of its page", (lang) => {
    const heading = /<h1[^>]*>(.*?)<\/h1>/s.exec(read(`${lang}/organizations/test-network/index.html`))?.[1];
    const expected = { en: "Synthetic Test Network", fr: "Réseau de test fictif" }[lang as string];
    expect(heading).toBe(expected ?? '<span lang="en" dir="ltr">Synthetic Test Network</span>');
  });
});

describe("an organisation's page leads to a proposal", () => {
  test.for(LANGS)("“Propose a new entry” on the %s page opens the new-activity form in that language", (lang) => {
    const page = read(`${lang}/organizations/test-network/index.html`);
    const forms = linksTo(page, `${REPO}/issues/new?`);
    expect(forms.map((url) => url.searchParams.get("template"))).toEqual([lang === "en" ? "new-activity.yml" : `new-activity.${lang}.yml`]);
    expect(page).not.toContain("/issues/new/choose");
  });
});

describe("404 pages", () => {
  test("exist at the root and in each language, with the site navigation and links that work from any address", () => {
    for (const path of ["404.html", ...LANGS.map((lang) => `${lang}/404.html`)]) {
      const page = read(path);
      expect(page, path).toContain('<nav class="main-nav"');
      // Served by GitHub Pages at whatever address was missing: links start from the site's path.
      for (const [, href] of page.matchAll(/(?:href|src)="([^"]+)"/g)) expect(href, `${path}: ${href}`).toMatch(/^(\/cop-atlas\/|https:|#)/);
    }
    expect(read("404.html")).toContain('<a href="/cop-atlas/fr/index.html" hreflang="fr">');
    expect(read("ru/404.html")).toContain("<h1>Страница не найдена</h1>");
  });

  test("are not in the sitemap", () => {
    expect(read("sitemap.xml")).not.toContain("404");
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every $ref string in a JSON document. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" && typeof inner === "string" ? [inner] : refsOf(inner)));
}

/** Follows a JSON pointer ("/$defs/x") into a document; undefined when it leads nowhere. */
function atPointer(document: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), document);
}

describe("open data that documents itself", () => {
  test("the OpenAPI 3.1 description validates and all its references resolve", async () => {
    const validator = new Validator();
    const description = JSON.parse(read(OPENAPI_PATH));
    const result = await validator.validate(description);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
    expect(description.servers[0].url).toBe("https://example.github.io/cop-atlas/api/v1");
  });

  test("the OpenAPI validator rejects a broken description (the check can fail)", async () => {
    const broken = JSON.parse(read(OPENAPI_PATH));
    delete broken.info.version;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  test("the description covers every file under api/v1, with the schema the file validates against", () => {
    const description = JSON.parse(read(OPENAPI_PATH));
    const files = walk(join(out, "api/v1")).map((path) =>
      path
        .slice(out.length + 1)
        .split("\\")
        .join("/"),
    );
    expect(files.length).toBeGreaterThan(50);
    const undescribed = files.filter((path) => apiFileKind(path) === undefined);
    expect(undescribed).toEqual([]);
    for (const path of files) {
      const kind = apiFileKind(path)!;
      const documented = description.paths[kind.path].get.responses["200"].content[kind.mediaType].schema.$ref as string | undefined;
      expect(documented?.replace("#/components/schemas/", ""), path).toBe(schemaForApiFile(path));
    }
  });

  test("served over HTTP, every published schema is at its $id and every $ref resolves", async () => {
    const server = await serveSite(out);
    // The canonical address, answered by the local server: what a validator on the web would fetch.
    const local = (url: string) => url.replace(CANONICAL_SITE_URL, server.url);
    const fetched = new Map<string, unknown>();
    const fetchSchema = async (url: string): Promise<unknown> => {
      if (!fetched.has(url)) {
        const response = await fetch(local(url));
        expect(response.status, url).toBe(200);
        fetched.set(url, await response.json());
      }
      return fetched.get(url);
    };
    try {
      const index = (await (await fetch(local(`${CANONICAL_SITE_URL}${SCHEMA_INDEX_PATH}`))).json()) as { schemas: Array<{ $id: string; path: string }> };
      expect(index.schemas.map((s) => s.path)).toEqual(
        expect.arrayContaining(["schemas/activity.schema.json", "schemas/vocab/topics.json", "api/v1/schemas/api/activities.schema.json"]),
      );
      const broken: string[] = [];
      for (const { $id } of index.schemas) {
        const document = (await fetchSchema($id)) as { $id: string };
        expect(document.$id).toBe($id);
        for (const ref of refsOf(document)) {
          const target = new URL(ref, $id);
          const fragment = target.hash.slice(1);
          target.hash = "";
          const resolved = await fetchSchema(target.href);
          if (fragment && atPointer(resolved, fragment) === undefined) broken.push(`${$id}: ${ref}`);
        }
        // And a real validator, loading what it needs by URL, compiles each schema.
        const ajv = new Ajv2020({ strict: false, loadSchema: async (uri) => (await fetchSchema(uri)) as object });
        await expect(ajv.compileAsync(document), $id).resolves.toBeTypeOf("function");
      }
      expect(broken).toEqual([]);
      expect(fetched.size).toBeGreaterThan(20);
    } finally {
      await server.close();
    }
  });
});

describe("addresses search engines understand", () => {
  test("a page names its canonical address and its six languages absolutely, with x-default", () => {
    const page = read("fr/countries/tza/index.html");
    expect(page).toContain('<link rel="canonical" href="https://example.github.io/cop-atlas/fr/countries/tza/">');
    for (const lang of LANGS)
      expect(page).toContain(`<link rel="alternate" hreflang="${lang}" href="https://example.github.io/cop-atlas/${lang}/countries/tza/">`);
    expect(page).toContain('<link rel="alternate" hreflang="x-default" href="https://example.github.io/cop-atlas/en/countries/tza/">');
  });

  test("every language version a page names exists, and the sitemap lists each one once, without repeating the versions", () => {
    const xml = read("sitemap.xml");
    const listed = [...xml.matchAll(/<loc>https:\/\/example\.github\.io\/cop-atlas\/([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(new Set(listed).size).toBe(listed.length);
    for (const lang of LANGS) expect(listed).toContain(`${lang}/browse/`);
    // The head of each page names its versions (above); the sitemap does not repeat them, which made it 11 KiB per entry.
    expect(xml).not.toContain("hreflang");
    const pages = walk(out).filter((path) => path.endsWith(".html") && !path.endsWith("404.html"));
    const missing = pages.flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/<link rel="alternate" hreflang="[^"]+" href="https:\/\/example\.github\.io\/cop-atlas\/([^"]*)">/g)]
        .map((m) => (m[1]!.endsWith("/") || m[1] === "" ? `${m[1]}index.html` : m[1]!))
        .filter((other) => !existsSync(join(out, other))),
    );
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe("compare countries", () => {
  const activities = () =>
    (JSON.parse(read("api/v1/activities.json")) as { activities: Array<{ countries: string[]; policyAreas: string[]; regions: string[] }> }).activities;

  test("a page per dimension and region in every language, with an accessible table", () => {
    for (const lang of LANGS) {
      for (const folder of ["compare", "compare/mnr-capabilities"]) {
        for (const region of ["", "africa/", "europe/"]) {
          const page = read(`${lang}/${folder}/${region}index.html`);
          expect(page).toMatch(/<caption id="compare-caption">[^<]+<\/caption>/);
          expect(page).toContain('<div class="table-wrap compare" role="region" aria-labelledby="compare-caption" tabindex="0">');
          expect(page).toMatch(/<thead><tr><th scope="col">/);
          expect(page).toMatch(/<tr><th scope="row"><a href="/);
        }
      }
    }
    // All 195 countries in the whole table, only the region's in a region's.
    expect(read("en/compare/index.html").match(/<th scope="row">/g)).toHaveLength(countries.terms.size);
    const african = [...countries.terms.values()].filter((t) => t.meta?.region === "africa").length;
    expect(read("en/compare/africa/index.html").match(/<th scope="row">/g)).toHaveLength(african);
  });

  test("each number is the count of entries the filtered list shows, and links to that list", () => {
    const entry = activities().find((a) => a.policyAreas.length > 0)!;
    const [code, area] = [entry.countries[0]!, entry.policyAreas[0]!];
    const expected = activities().filter((a) => a.countries.includes(code) && a.policyAreas.includes(area)).length;
    const page = read("en/compare/index.html");
    const link = `../browse/index.html?country=${code.toLowerCase()}&amp;policy-area=${area}`;
    expect(page).toContain(`<td><a href="${link}">${expected}</a></td>`);
    // The browse form offers both values, so the filtered list shows exactly those entries.
    const browse = read("en/browse/index.html");
    expect(browse).toMatch(new RegExp(`<select[^>]+name="policy-area"[\\s\\S]*?<option value="${area}"`));
    expect(browse).toMatch(new RegExp(`<select[^>]+name="country"[\\s\\S]*?<option value="${code.toLowerCase()}"`));
  });

  test("the table downloads as a CSV that a strict parser reads, one row per country", () => {
    const csv = read("api/v1/compare/policy-areas/europe.csv").replace(/^\uFEFF/, "");
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const european = [...countries.terms.values()].filter((t) => t.meta?.region === "europe");
    expect(parsed.data.map((row) => row.iso3).sort()).toEqual(european.map((t) => t.id).sort());
    const france = parsed.data.find((row) => row.iso3 === "FRA")!;
    expect(Number(france.entries)).toBe(activities().filter((a) => a.countries.includes("FRA")).length);
    expect(read("en/compare/europe/index.html")).toContain('href="../../../api/v1/compare/policy-areas/europe.csv" type="text/csv" download');
  });
});

describe("the date of the data", () => {
  test("every page says when the data last changed: the newest change of any entry", () => {
    const activities = (JSON.parse(read("api/v1/activities.json")) as { activities: Array<{ added: string | null; updated: string | null }> }).activities;
    const newest =
      activities
        .map((a) => a.updated ?? a.added ?? "")
        .sort()
        .at(-1) ?? "";
    const date = (newest || "2025-12-31").slice(0, 10);
    expect(read("en/compare/index.html")).toContain(`<p class="data-updated">Data last updated: ${formatDate("en", date)}</p>`);
    expect(read("fr/index.html")).toContain(`<p class="data-updated">Données mises à jour le ${formatDate("fr", date)}</p>`);
  });
});

describe("browse sorting", () => {
  test("each language's order file sorts the browse index by title and by country or organisation, the language's way", () => {
    const facets = JSON.parse(read("browse-index/entries.json")) as { entries: Array<[number, ...unknown[]]> };
    const every = facets.entries.map((_, i) => i);
    for (const lang of LANGS) {
      const order = JSON.parse(read(`browse-index/${lang}/order.json`)) as { title: number[]; country: number[] };
      // The synthetic dataset fits in one text shard.
      const text = JSON.parse(read(`browse-index/${lang}/text-0.json`)) as Array<[string, string]>;
      const labels = JSON.parse(read(`browse-index/${lang}/labels.json`)) as { locale: string; owners: Array<string | [string, string]> };
      const collator = new Intl.Collator(labels.locale);
      const owner = (i: number) => {
        const name = labels.owners[facets.entries[i]![0]]!;
        return typeof name === "string" ? name : name[0];
      };
      expect(
        [...order.title].sort((a, b) => a - b),
        lang,
      ).toEqual(every);
      expect(
        [...order.country].sort((a, b) => a - b),
        lang,
      ).toEqual(every);
      for (let k = 1; k < every.length; k++) {
        expect(collator.compare(text[order.title[k - 1]!]![0], text[order.title[k]!]![0]), lang).toBeLessThanOrEqual(0);
        expect(collator.compare(owner(order.country[k - 1]!), owner(order.country[k]!)), lang).toBeLessThanOrEqual(0);
      }
    }
  });

  test("the browse form offers the four orders and the two downloads, in the page's language", () => {
    for (const lang of LANGS) {
      const page = read(`${lang}/browse/index.html`);
      const m = messages(lang);
      expect([...page.matchAll(/<select id="sort"[^>]*>([\s\S]*?)<\/select>/g)][0]?.[1], lang).toContain(m.sortOldest);
      for (const value of ["", "oldest", "title", "country"]) expect(page, `${lang} ${value}`).toContain(`<option value="${value}">`);
      expect(page, lang).toContain('data-download="csv"');
      expect(page, lang).toContain('data-download="json"');
      expect(page, lang).toContain(`data-order="../../browse-index/${lang}/order.json"`);
    }
  });
});

describe("the About page", () => {
  test("exists in the six languages, says who runs the atlas, how entries are compiled and confirmed, its governance and how to get in touch", () => {
    const entries = (JSON.parse(read("api/v1/activities.json")) as { count: number }).count;
    for (const lang of LANGS) {
      const m = messages(lang);
      const page = read(`${lang}/about/index.html`);
      for (const heading of [m.aboutTitle, m.aboutWhoTitle, m.aboutHowTitle, m.aboutConfirmTitle, m.aboutGovernanceTitle, m.aboutContactTitle]) {
        expect(page, `${lang}: ${heading}`).toContain(`>${heading}</h`);
      }
      expect(linksTo(page, `${REPO}/discussions`), lang).toHaveLength(1);
      expect(linksTo(page, `${REPO}/security/advisories/new`), lang).toHaveLength(1);
      expect(linksTo(page, `${REPO}/blob/main/GOVERNANCE.md`), lang).toHaveLength(1);
      // The figures are the data's own.
      expect(page, lang).toContain(`<span class="figure-number">${formatNumber(lang, entries)}</span>`);
      // Every page leads to it from the navigation.
      expect(read(`${lang}/index.html`), lang).toContain(`<a href="about/index.html">${m.navAbout}</a>`);
    }
  });
});

describe("the API and downloads page", () => {
  /** Every key path of a JSON value as the page writes it: "owner.type", "links[].url", "narratives.<key>.title". */
  function keyPaths(value: unknown, prefix = "", maps: ReadonlySet<string> = new Set()): Set<string> {
    const paths = new Set<string>();
    if (Array.isArray(value)) {
      for (const item of value) for (const path of keyPaths(item, prefix.replace(/\.$/, "[]."), maps)) paths.add(path);
      return paths;
    }
    if (value === null || typeof value !== "object") return paths;
    for (const [key, inner] of Object.entries(value)) {
      const path = `${prefix}${key}`;
      paths.add(path);
      // A map's keys are data (language codes), documented once as <key>.
      if (maps.has(path)) {
        for (const entry of Object.values(inner as object)) for (const sub of keyPaths(entry, `${path}.<key>.`, maps)) paths.add(sub);
      } else if (!["pages", "names", "labels", "feeds"].includes(key)) {
        for (const sub of keyPaths(inner, `${path}.`, maps)) paths.add(sub);
      }
    }
    return paths;
  }

  test("documents every field the activity records hold, each with a description", () => {
    const documented = apiFields(API_SCHEMAS.activity as unknown as Record<string, unknown>);
    const published = JSON.parse(read("api/v1/activities.json")) as { activities: unknown[] };
    const withText = JSON.parse(read("api/v1/activities/ken/safer-chat-2021.json")) as { activity: unknown };
    const held = new Set([...keyPaths(published.activities, "", new Set(["narratives"])), ...keyPaths([withText.activity], "", new Set(["narratives"]))]);
    const paths = new Set(documented.map((f) => f.path.replace(/^activities\[\]\./, "")));
    expect([...held].filter((path) => !paths.has(path.replace(/^\[\]\./, "")))).toEqual([]);
  });

  test("every field of every API file has a description, in the schema or the data schema", () => {
    for (const lang of LANGS) {
      const page = read(`${lang}/data/api/index.html`);
      expect(page, lang).toContain(`<h1>${messages(lang).apiTitle}</h1>`);
      const rows = [
        ...page.matchAll(
          /<tr><th scope="row" dir="ltr"><code>([^<]+)<\/code><\/th><td(?: dir="ltr")?>[^<]*<\/td><td>[^<]*<\/td><td(?: lang="en" dir="ltr")?>([^<]*)<\/td><\/tr>/g,
        ),
      ];
      expect(rows.length, lang).toBeGreaterThan(60);
      expect(
        rows.filter((row) => row[2]!.trim() === "").map((row) => row[1]),
        lang,
      ).toEqual([]);
      for (const name of Object.keys(API_SCHEMAS)) expect(page, `${lang} ${name}`).toContain(`id="api-${name}"`);
      // Every column of the published CSV, from the same table that writes its header.
      const header = read("api/v1/activities.csv")
        .replace(/^\uFEFF/, "")
        .split("\r\n")[0]!
        .split(",");
      for (const column of header) expect(page, `${lang} ${column}`).toContain(`<code>${column}</code>`);
    }
    expect(read("en/data/index.html")).toContain('<a href="api/index.html">Every API field explained</a>');
  });
});

describe("the data dictionary and the vocabularies in the page's language", () => {
  /** The rows of a dictionary table: field, type and description cell (with its attributes). */
  const rowsOf = (page: string) =>
    new Map(
      [
        ...page.matchAll(
          /<tr><th scope="row" dir="ltr"><code>([^<]+)<\/code><\/th><td(?: dir="ltr")?>(.*?)<\/td><td>[^<]*<\/td><td([^>]*)>([^<]*)<\/td><\/tr>/g,
        ),
      ].map((row) => [row[1]!, { type: row[2]!, attributes: row[3]!, description: row[4]! }]),
    );

  test.for([
    ["ar", "المنظمات المسؤولة.", "قائمة من"],
    ["zh", "负责的组织。", "列表"],
    ["ru", "Ответственные организации.", "список из"],
    ["en", "The organisations responsible.", "array of"],
  ] as const)("%s: the fields of activity.json are described and typed in the page's language", ([lang, lead, arrayOf]) => {
    const page = read(`${lang}/data/index.html`);
    const row = rowsOf(page).get("lead");
    expect(row?.description).toBe(lead);
    expect(row?.attributes, "no English marking on a text in the page's language").toBe("");
    expect(row?.type).toContain(arrayOf);
    if (lang !== "en") expect(page).not.toContain("array of string");
  });

  test("the API page types and describes the activity's own fields in the page's language", () => {
    const rows = rowsOf(read("fr/data/api/index.html"));
    expect(rows.get("lead")?.description).toBe("Les organisations responsables.");
    expect(rows.get("lead")?.type).toBe("liste de : objet");
    expect(rows.get("topics")?.type).toBe("liste de : texte");
    expect(rows.get("pages")?.type).toContain("objet : ");
  });

  test.for([
    ["fr", "generated", "Quand le fichier a été produit (ISO 8601)."],
    ["fr", "links[].accessed", "La dernière fois qu’on a vu la source dire ce que dit l’entrée."],
    ["ar", "generated", "وقت إنشاء الملف (ISO 8601)."],
    ["ar", "vocabulary.terms[].meta", "معلومات أخرى عن القيمة، مثل منطقة البلد أو اتجاه الكتابة في اللغة."],
  ] as const)("%s: the API page describes the API's own field %s in the page's language", ([lang, path, text]) => {
    const row = rowsOf(read(`${lang}/data/api/index.html`)).get(path);
    expect(row?.description).toBe(text);
    expect(row?.attributes, "no English marking on a text in the page's language").toBe("");
  });

  test("the Arabic API page has no field described in English: every description is in Arabic script", () => {
    const page = read("ar/data/api/index.html");
    const rows = rowsOf(page);
    expect(rows.size).toBeGreaterThan(60);
    for (const [path, row] of rows) {
      expect(row.attributes, path).toBe("");
      expect(row.description, path).toMatch(/\p{Script=Arabic}/u);
    }
    expect(page).not.toContain('<td lang="en"');
    // Each file's schema is named in Arabic too: nothing in the page's content is marked as English.
    expect(page).toContain("<p>جميع الأنشطة · <a href=");
    expect(page.slice(page.indexOf("<main"), page.indexOf("</main>"))).not.toContain('lang="en"');
  });

  test.for(["ar", "zh", "ru", "en"] as const)("%s: every column of activities.csv and its list cells are explained in the page's language", (lang) => {
    const page = read(`${lang}/data/index.html`);
    const csv = page.slice(page.indexOf('id="dict-csv"'));
    const described = new Map(
      [...csv.matchAll(/<tr><th scope="row" dir="ltr"><code>([^<]+)<\/code><\/th><td>([^<]*)<\/td><\/tr>/g)].map((row) => [row[1]!, row[2]!]),
    );
    const header = read("api/v1/activities.csv")
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]!
      .split(",");
    expect([...described.keys()]).toEqual(header);
    const m = messages(lang);
    const texts = m as unknown as Readonly<Record<string, string>>;
    for (const [column, text] of described) {
      if (column.startsWith("title_")) continue;
      expect(text, column).toContain(escapeHtml(texts[`csvColumn.${column}`]!));
    }
    const titleColumn = header.find((column) => column.startsWith("title_"))!;
    const language = loadCatalog(PROJECT).vocabularies.get("languages").terms.get(titleColumn.slice("title_".length))!.labels[lang]!;
    expect(described.get(titleColumn)).toBe(escapeHtml(m["csvColumn.title"](language)));
    expect(described.get("links")).toContain(escapeHtml(m.csvIsList));
    expect(csv).toContain(`<p>${escapeHtml(m.csvListEncoding)}</p>`);
    if (lang !== "en") expect(csv).not.toContain("The summary in the original language.");
  });

  test("a vocabulary's terms are explained in the page's language", () => {
    const page = read("zh/vocabularies/topics/index.html");
    const grooming = loadCatalog(PROJECT).vocabularies.get("topics").terms.get("grooming")!;
    expect(page).toContain(`<td>${grooming.descriptions?.zh}</td>`);
    expect(page).not.toContain(grooming.description);
  });
});
