/**
 * The real site in a real browser (issue 4, "How it is checked"): Debian's Chromium driven by
 * playwright-core over a site built from the synthetic dataset, served on 127.0.0.1.
 * Without Chromium the suite is skipped with a notice, except in CI (CI=true), where it fails.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import Papa from "papaparse";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findChromium, launchChromium } from "../../scripts/lib/browser/chromium.ts";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import { readHistory } from "../../scripts/lib/model/provenance.ts";
import { API_SCHEMAS } from "../../scripts/lib/open-data/api-schemas.ts";
import { writeSiteFiles } from "../../scripts/lib/site/build.ts";
import { CONTENT_SECURITY_POLICY } from "../../scripts/lib/site/layout.ts";
import { searchPartFolder } from "../../scripts/lib/site/search-index.ts";
import { type RunningServer, serveSite } from "../../scripts/lib/site/serve.ts";
import { parseStrict } from "../open-data/support.ts";
import type { TempRepo } from "../support/repo.ts";
import { GROOMING_ENTRIES, hasGit, makeSyntheticRepo, SEARCH_ONLY_WORD, SPECS, XSS_BODY } from "./support/dataset.ts";

const { path: CHROMIUM, available } = findChromium(process.env);
const inCi = process.env.CI === "true";
if (!available && !inCi) {
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
}

const LANGS = ["ar", "zh", "en", "fr", "ru", "es"] as const;
const PAGE_SIZE = 2;
/** Entries with the audience "children": four, so two pages of filtered results. */
const CHILDREN_ENTRIES = ["ken/safer-chat-2021", "ken/helpline-2018", "fra/school-workshops-2019", "test-network/youth-panel-2020"];
const XSS_ENTRY = "countries/ken/activities/helpline-2018";
const XSS_TITLE = "<img src=x onerror=\"alert('title')\"> Helpline";

let repo: TempRepo;
let out: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
/** Every request that tried to leave 127.0.0.1, over the whole run. */
const leaks: string[] = [];
/** Every JavaScript dialog (alert, confirm, prompt) opened, over the whole run. */
const dialogs: string[] = [];
const errors: string[] = [];

/**
 * A page whose dialogs, script errors and console errors are recorded against the address it was
 * last sent to by `visit`, which loads an address and checks its status and its CSP.
 */
async function watchedPage(): Promise<{ page: Page; visit: (path: string, status?: number) => Promise<void> }> {
  const page = await context.newPage();
  let current = { path: "", address: "", status: 200 };
  page.on("dialog", (dialog) => {
    dialogs.push(`${current.path}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(`${current.path}: ${error.message}`));
  page.on("console", (message) => {
    // Chromium reports a 404 answer as an error; for the page itself it is what was asked for.
    const asked = current.status === 404 && message.location().url === current.address;
    if (message.type() === "error" && !asked) errors.push(`${current.path}: ${message.text()}`);
  });
  const visit = async (path: string, status = 200) => {
    current = { path, address: new URL(path, server.url).href, status };
    const response = await page.goto(current.address);
    expect(response?.status(), path).toBe(status);
    await expectCsp(page);
  };
  return { page, visit };
}

async function open(path: string, status = 200): Promise<Page> {
  const { page, visit } = await watchedPage();
  await visit(path, status);
  return page;
}

/**
 * Runs `check` on every path, a few pages at a time, each page visiting one path after another:
 * a new page for every path cost a renderer's start and axe-core compiled afresh each time, while
 * a page that stays keeps the same renderer. Every path is still loaded fresh, as a reader would.
 */
async function visitAll(
  paths: readonly string[],
  check: (page: Page, path: string) => Promise<void>,
  { pages = 3, viewport }: { pages?: number; viewport?: { width: number; height: number } } = {},
): Promise<void> {
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: Math.min(pages, queue.length) }, async () => {
      const { page, visit } = await watchedPage();
      if (viewport) await page.setViewportSize(viewport);
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await visit(path);
        await check(page, path);
      }
      await page.close();
    }),
  );
}

async function expectCsp(page: Page): Promise<void> {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp, page.url()).toBe(CONTENT_SECURITY_POLICY);
}

/** axe-core's serious and critical violations on a page, as "rule (impact) at targets". */
async function axeProblems(page: Page, axeSource: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  // Every rule of these tags runs. Only the violations are read, so axe-core is told so
  // (resultTypes): it then keeps one node of each passed or inapplicable rule instead of a selector
  // for every node that passed, megabytes on the compare table, and the summary is made in the page.
  return page.evaluate(async () => {
    const results = await (
      window as unknown as {
        axe: {
          run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}) at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
      );
  });
}

const visible = (page: Page) => page.locator("ul.entries > li.entry:visible").count();

describe.skipIf(!available && !inCi)("the site in Chromium", () => {
  beforeAll(async () => {
    if (!available) throw new Error(`No Chromium at ${CHROMIUM}, and CI=true: install it with apt-get install -y chromium`);
    repo = makeSyntheticRepo(hasGit());
    const loaded = loadSiteData(repo.root, readHistory(repo.root));
    if (!loaded.data) throw new Error(JSON.stringify(loaded.diagnostics));
    // As if a validator bug had let hostile text through: the templates and the sanitizer must still hold.
    const target = loaded.data.entries.find((e) => e.dir === XSS_ENTRY)!;
    const english = target.narratives.get("en")!;
    target.narratives.set("en", { ...english, title: XSS_TITLE, summary: "<script>alert('summary')</script>", body: XSS_BODY });
    out = mkdtempSync(join(tmpdir(), "cop-atlas-browser-"));
    // Two entries a page: the six entries spread over three pages, and filtered results over several.
    // The search index in two parts a language (195 countries' profiles and the entries, 150 pages a part), as a large site has it.
    const config = {
      ...resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z")),
      pageSize: PAGE_SIZE,
      searchPartPages: 150,
    };
    await writeSiteFiles(loaded.data, { root: repo.root, outDir: out, config, search: true });
    // Served at the public path too, as GitHub Pages does: the 404 pages link from it.
    server = await serveSite(out, { basePath: new URL(config.siteUrl).pathname });
    browser = await launchChromium(CHROMIUM);
    context = await browser.newContext({ acceptDownloads: true, locale: "en-GB" });
    // Playwright's own 30-second defaults would fail on a busy machine; the test timeout guards against hangs.
    context.setDefaultTimeout(300_000);
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      leaks.push(url.href);
      return route.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
    repo?.cleanup();
  });

  test("home → a country → an activity", async () => {
    const page = await open("en/index.html");
    await expect.poll(() => page.locator("h1").textContent()).toBe("COP Atlas");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Countries and organizations" }).click();
    await page.getByRole("link", { name: "Kenya" }).click();
    await expectCsp(page);
    expect(await page.locator("h1").textContent()).toBe("Kenya");
    await page.getByRole("link", { name: "Safer chat campaign" }).first().click();
    await expectCsp(page);
    expect(await page.locator("h1").textContent()).toBe("Safer chat campaign");
    expect(page.url()).toContain("/en/countries/ken/activities/safer-chat-2021/");
    await page.close();
  });

  test("switch to Arabic (right to left, Arabic interface) and back", async () => {
    const page = await open("en/countries/ken/activities/safer-chat-2021/index.html");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }).click();
    await expectCsp(page);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator("h1").textContent()).toBe("حملة الدردشة الآمنة");
    await expect.poll(() => page.getByRole("navigation", { name: "التنقل الرئيسي" }).textContent()).toContain("تصفح المدخلات");
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    expect(await page.locator("h1").textContent()).toBe("Safer chat campaign");
    await page.close();
  });

  test("search finds an entry by a word only in its narrative", async () => {
    const page = await open("en/search/index.html");
    await page.getByLabel("Search entries").fill(SEARCH_ONLY_WORD);
    await page.getByRole("button", { name: "Search" }).click();
    const result = page.locator("#search-results a").first();
    await result.waitFor({ timeout: 300_000 });
    expect(await result.textContent()).toContain("Safer chat campaign");
    // The results say what each one is: here an entry, and its kind.
    expect(await page.locator("#search-results li").first().locator(".result-kind").textContent()).toBe("Entry: Case study");
    await result.click();
    expect(await page.locator("h1").textContent()).toBe("Safer chat campaign");
    await page.close();
  });

  test("one search covers every part of the index: a country in the first part and one in a part merged into it", async () => {
    const page = await open("en/search/index.html");
    expect(await page.locator("#search-form").getAttribute("data-pagefind-merge")).toBe("../../pagefind/en/2-of-2/pagefind.js");
    for (const [name, iso3] of [
      ["Brazil", "bra"],
      ["Norway", "nor"],
    ] as const) {
      expect(searchPartFolder("en", `countries/${iso3}`, 2)).toBe(iso3 === "bra" ? "pagefind/en/1-of-2" : "pagefind/en/2-of-2");
      await page.getByLabel("Search entries").fill(name);
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator(`#search-results a[href$="countries/${iso3}/index.html"]`).first().waitFor({ timeout: 300_000 });
    }
    await page.close();
  });

  test.for(["Kenia", "Кения"])("search finds the country by another name: %s", async (name) => {
    const page = await open("en/search/index.html");
    await page.getByLabel("Search entries").fill(name);
    await page.getByRole("button", { name: "Search" }).click();
    const result = page.locator('#search-results a[href$="countries/ken/index.html"]').first();
    await result.waitFor({ timeout: 300_000 });
    expect(
      await page
        .locator("#search-results li", { has: page.locator('a[href$="countries/ken/index.html"]') })
        .first()
        .locator(".result-kind")
        .textContent(),
    ).toBe("Country profile");
    await result.click();
    expect(await page.locator("h1").textContent()).toBe("Kenya");
    await page.close();
  });

  /** The entry ids ("ken/helpline-2018") of the cards shown on a list page. */
  const shownEntries = (page: Page) =>
    page.locator("ul.entries > li.entry:visible .entry-title a").evaluateAll((links) =>
      links.map((a) =>
        /\/(?:countries|organizations)\/([^/]+)\/activities\/([^/]+)\//
          .exec((a as HTMLAnchorElement).href)!
          .slice(1)
          .join("/"),
      ),
    );

  test("a topic filter narrows the list, from the browse index, and survives a reload", async () => {
    const page = await open("en/browse/index.html");
    const indexRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/browse-index/")) indexRequests.push(new URL(request.url()).pathname);
    });
    expect(await visible(page)).toBe(PAGE_SIZE);
    expect(await page.locator("#result-count").textContent()).toBe(`${SPECS.length} entries`);
    // Nothing is fetched until a filter is chosen: the first page is all a phone needs.
    expect(indexRequests).toEqual([]);
    await page.selectOption("#filter-topic", "grooming");
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${GROOMING_ENTRIES.length} entries`);
    expect((await shownEntries(page)).sort()).toEqual([...GROOMING_ENTRIES].sort());
    expect(indexRequests).toEqual(expect.arrayContaining(["/browse-index/entries.json", "/browse-index/en/labels.json", "/browse-index/en/text-0.json"]));
    expect(page.url()).toContain("?topic=grooming");
    await page.reload();
    await expect.poll(() => shownEntries(page).then((ids) => ids.sort())).toEqual([...GROOMING_ENTRIES].sort());
    expect(await page.locator("#filter-topic").inputValue()).toBe("grooming");
    await page.close();
  });

  test("filtered results are paginated: the pages move, the address keeps the page, back and reset work", async () => {
    const page = await open("en/browse/index.html");
    await page.selectOption("#filter-audience", "children");
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${CHILDREN_ENTRIES.length} entries`);
    const first = await shownEntries(page);
    expect(first).toHaveLength(PAGE_SIZE);
    const nav = page.getByRole("navigation", { name: "Pages" });
    expect(await nav.locator(".page-status").textContent()).toBe("Page 1 of 2");
    await nav.getByRole("link", { name: "Next" }).click();
    await expect.poll(() => nav.locator(".page-status").textContent()).toBe("Page 2 of 2");
    expect(page.url()).toMatch(/\/en\/browse\/index\.html\?audience=children&page=2$/);
    const second = await shownEntries(page);
    expect([...first, ...second].sort()).toEqual([...CHILDREN_ENTRIES].sort());
    expect(await nav.locator('a[aria-current="page"]').textContent()).toBe("2");
    expect(await nav.locator('a[rel="prev"]').count()).toBe(1);
    expect(await nav.locator('a[rel="next"]').count()).toBe(0);
    // Focus goes to the result count, so a screen reader hears what changed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("result-count");
    await page.reload();
    await expect.poll(() => shownEntries(page)).toEqual(second);
    expect(await page.locator("#filter-audience").inputValue()).toBe("children");
    await page.goBack();
    await expect.poll(() => shownEntries(page)).toEqual(first);
    // A second filter narrows further and starts again at page 1.
    await page.selectOption("#filter-topic", "grooming");
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${GROOMING_ENTRIES.length} entries`);
    expect(page.url()).toMatch(/\?topic=grooming&audience=children$/);
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${SPECS.length} entries`);
    expect(new URL(page.url()).search).toBe("");
    expect(await visible(page)).toBe(PAGE_SIZE);
    await page.close();
  });

  test("without JavaScript the static pages and “browse by” pages still work", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    plain.setDefaultTimeout(300_000);
    await plain.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      leaks.push(url.href);
      return route.abort();
    });
    try {
      const page = await plain.newPage();
      await page.goto(new URL("en/browse/index.html", server.url).href);
      expect(await page.locator("#filters").isVisible()).toBe(false);
      const seen: string[] = [];
      for (let n = 1; n <= 3; n++) {
        expect(await page.locator(".pagination .page-status").textContent()).toBe(`Page ${n} of 3`);
        seen.push(...(await shownEntries(page)));
        if (n < 3) await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
      }
      expect(page.url()).toContain("/en/browse/page/3/index.html");
      expect(seen.sort()).toEqual(SPECS.map((s) => `${s.owner}/${s.slug}`).sort());
      await page.goto(new URL("en/browse/index.html", server.url).href);
      await page.locator(".browse-by summary", { hasText: "Topic" }).click();
      await page.getByRole("link", { name: "Grooming" }).click();
      expect((await shownEntries(page)).sort()).toEqual([...GROOMING_ENTRIES].sort());
    } finally {
      await plain.close();
    }
  });

  test("axe-core finds no serious or critical violation in filtered, paginated results (ar, en)", async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    for (const lang of ["ar", "en"]) {
      const page = await open(`${lang}/browse/index.html?audience=children&page=2`);
      await expect.poll(() => page.locator(".pagination a[aria-current]").textContent()).toBe("2");
      expect(await page.locator("html").getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
      expect(await shownEntries(page)).toHaveLength(CHILDREN_ENTRIES.length - PAGE_SIZE);
      expect(await axeProblems(page, axeSource)).toEqual([]);
      await page.close();
    }
  });

  test("the CSV downloads and parses with one row per activity", async () => {
    const page = await open("en/data/index.html");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "api/v1/activities.csv" }).click()]);
    const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(SPECS.length);
    expect(new Set(parsed.data.map((row) => row.id)).size).toBe(SPECS.length);
    await page.close();
  });

  /** Clicks a download button of the browse list and reads the file the browser saved: as saved, and without a byte-order mark. */
  async function downloaded(page: Page, format: "csv" | "json"): Promise<{ name: string; raw: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-download="${format}"]`).click()]);
    const raw = readFileSync((await download.path())!, "utf8");
    return { name: download.suggestedFilename(), raw, text: raw.replace(/^\uFEFF/, "") };
  }

  test("the list sorts by title, oldest or newest, and downloads as shown: CSV and JSON with the published columns and fields", async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    // The published schemas carry each description in the five other languages beside the English one.
    ajv.addKeyword({ keyword: "descriptions", schemaType: "object" });
    for (const schema of Object.values(API_SCHEMAS)) ajv.addSchema(schema);
    const validateList = ajv.getSchema(API_SCHEMAS.activities.$id)!;
    const collator = new Intl.Collator("en-GB");
    type Record = { id: string; originalLanguage: string; narratives: { [lang: string]: { title: string } } };
    const titleOf = (a: Record) => (a.narratives.en ?? a.narratives[a.originalLanguage]!).title;
    const page = await open("en/browse/index.html");
    await page.selectOption("#sort", "title");
    await expect.poll(() => page.url()).toContain("sort=title");
    const json = await downloaded(page, "json");
    const list = JSON.parse(json.text) as { count: number; activities: Record[] };
    expect(validateList(list), JSON.stringify(validateList.errors)).toBe(true);
    expect(list.count).toBe(SPECS.length);
    const ids = list.activities.map((a) => a.id);
    const titles = list.activities.map(titleOf);
    for (let i = 1; i < titles.length; i++) expect(collator.compare(titles[i - 1]!, titles[i]!), `${titles[i - 1]} before ${titles[i]}`).toBeLessThanOrEqual(0);
    // The page shows the same order, a page at a time.
    await expect.poll(() => shownEntries(page)).toEqual(ids.slice(0, PAGE_SIZE));
    const csv = await downloaded(page, "csv");
    const parsed = Papa.parse<{ [column: string]: string }>(csv.text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.id)).toEqual(ids);
    // The same columns as the published activities.csv.
    const published = readFileSync(join(out, "api/v1/activities.csv"), "utf8");
    expect(parsed.meta.fields).toEqual(Papa.parse(published.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).meta.fields);

    // A filter and the oldest first: only the matches, in the reverse of the newest-first order.
    await page.selectOption("#filter-topic", "grooming");
    await page.selectOption("#sort", "oldest");
    await expect.poll(() => page.url()).toContain("sort=oldest");
    const oldest = Papa.parse<{ [column: string]: string }>((await downloaded(page, "csv")).text, { header: true, skipEmptyLines: true });
    await page.selectOption("#sort", "");
    await expect.poll(() => page.url()).not.toContain("sort=");
    const newestFile = await downloaded(page, "csv");
    expect(newestFile.name).toBe("cop-atlas-activities-topic-grooming.csv");
    const newest = Papa.parse<{ [column: string]: string }>(newestFile.text, { header: true, skipEmptyLines: true });
    expect(newest.data.map((row) => row.id).sort()).toEqual([...GROOMING_ENTRIES].sort());
    expect(oldest.data.map((row) => row.id)).toEqual(newest.data.map((row) => row.id).reverse());
    await page.close();
  });

  test("compare → a region → a cell lands on the browse list with as many entries as the cell said; the filtered list downloads exactly", async () => {
    /** The entries of the dataset that concern a country (its own and multi-country ones), as the compare table and the country filter count them. */
    const concerning = (code: string) => SPECS.filter((s) => s.owner === code || (s.countries ?? []).includes(code.toUpperCase()));
    const ids = (specs: typeof SPECS) => specs.map((s) => `${s.owner}/${s.slug}`).sort();
    const kenya = concerning("ken");
    const participation = kenya.filter((s) => (s.policyAreas ?? []).includes("child-participation"));
    expect(participation.length).toBeGreaterThan(0);

    const page = await open("en/compare/index.html");
    await page.getByRole("navigation", { name: "ITU-D region" }).getByRole("link", { name: "Africa", exact: true }).click();
    await expectCsp(page);
    expect(page.url()).toMatch(/\/en\/compare\/africa\/index\.html$/);
    const table = page.locator(".compare table");
    const countries = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(countries).toContain("Kenya");
    expect(countries).not.toContain("France");
    const row = table.locator("tbody tr").filter({ has: page.locator('th[scope="row"]', { hasText: /^Kenya$/ }) });
    // The cell under "Child participation", found by its column header, not by its link.
    const headers = await table.locator("thead th").allTextContents();
    const cell = row.locator("th, td").nth(headers.indexOf("Child participation"));
    const said = Number(await cell.textContent());
    expect(said).toBe(participation.length);
    expect(Number(await row.locator("td").first().textContent())).toBe(kenya.length);
    await cell.getByRole("link").click();
    await expectCsp(page);
    expect(new URL(page.url()).pathname).toMatch(/\/en\/browse\/index\.html$/);
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(said === 1 ? "1 entry" : `${said} entries`);
    expect((await shownEntries(page)).sort()).toEqual(ids(participation));
    expect(await page.locator("#filter-country").inputValue()).toBe("ken");
    expect(await page.locator("#filter-policy-area").inputValue()).toBe("child-participation");

    /** The ids in the CSV (read by the strict parser) and the JSON the list downloads. */
    const downloads = async () => {
      const rows = parseStrict((await downloaded(page, "csv")).raw);
      const id = rows[0]!.indexOf("id");
      const json = JSON.parse((await downloaded(page, "json")).text) as { count: number; activities: Array<{ id: string }> };
      expect(json.count).toBe(json.activities.length);
      return {
        csv: rows
          .slice(1)
          .map((r) => r[id]!)
          .sort(),
        json: json.activities.map((a) => a.id).sort(),
      };
    };
    // Only the country: more entries than a page shows, and the files hold all of them.
    await page.selectOption("#filter-policy-area", "");
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${kenya.length} entries`);
    expect(await visible(page)).toBeLessThan(kenya.length);
    expect(await downloads()).toEqual({ csv: ids(kenya), json: ids(kenya) });
    // Narrowed by a topic: only the matches.
    const wellBeing = kenya.filter((s) => s.topics.includes("well-being"));
    expect(wellBeing.length).toBeGreaterThan(0);
    expect(wellBeing.length).toBeLessThan(kenya.length);
    await page.selectOption("#filter-topic", "well-being");
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(wellBeing.length === 1 ? "1 entry" : `${wellBeing.length} entries`);
    expect(await downloads()).toEqual({ csv: ids(wellBeing), json: ids(wellBeing) });
    await page.close();
  });

  test("the hostile entry runs no script, in any language", async () => {
    for (const lang of ["en", "ar"]) {
      const page = await open(`${lang}/${XSS_ENTRY}/index.html`);
      await page.waitForLoadState("load");
      // Only the English page carries the hostile text in full: the Arabic one shows the summary and links to it.
      // (Hovering a missing element would wait for Playwright's whole timeout, five minutes, for nothing.)
      const narrative = page.locator(".narrative");
      if (lang === "en") await narrative.hover();
      else expect(await narrative.count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
      expect(scripts.every((src) => src.endsWith("/assets/site.js"))).toBe(true);
      const handlers = await page.evaluate(() =>
        [...document.querySelectorAll("*")].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value)).map((a) => a.name),
        ),
      );
      expect(handlers).toEqual([]);
      if (lang === "en") expect(await page.locator("h1").textContent()).toBe(XSS_TITLE);
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  // One test per language, so that each has its own hang guard on a busy machine.
  test.for(LANGS)("axe-core finds no serious or critical violation in any page type (%s)", async (lang) => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const types = (lang: string) => [
      `${lang}/index.html`,
      `${lang}/browse/index.html`,
      `${lang}/browse/page/2/index.html`,
      `${lang}/browse/topic/grooming/index.html`,
      `${lang}/directory/index.html`,
      `${lang}/countries/ken/index.html`,
      // A Member State the atlas holds nothing of yet.
      `${lang}/countries/tza/index.html`,
      `${lang}/organizations/test-network/index.html`,
      `${lang}/countries/ken/activities/safer-chat-2021/index.html`,
      `${lang}/countries/fra/activities/school-workshops-2019/index.html`,
      `${lang}/compare/index.html`,
      `${lang}/compare/mnr-capabilities/europe/index.html`,
      `${lang}/youth/index.html`,
      `${lang}/search/index.html`,
      `${lang}/data/index.html`,
      `${lang}/vocabularies/index.html`,
      `${lang}/vocabularies/topics/index.html`,
      `${lang}/reports/index.html`,
      ...(hasGit() ? [`${lang}/reports/2025/index.html`] : []),
      `${lang}/about/index.html`,
      `${lang}/data/api/index.html`,
      `${lang}/404.html`,
    ];
    const problems: string[] = [];
    await visitAll(types(lang), async (page, path) => {
      problems.push(...(await axeProblems(page, axeSource)).map((problem) => `${path}: ${problem}`));
    });
    expect(problems).toEqual([]);
  });

  test("the filters count what each choice would show given the others, and an empty result says why and offers a reset", async () => {
    const page = await open("en/browse/index.html?topic=grooming");
    await expect.poll(() => page.locator("#result-count").textContent()).toBe(`${GROOMING_ENTRIES.length} entries`);
    // Brazil has no grooming entry: its option shows 0 and cannot be chosen; Kenya's shows 1.
    await expect.poll(() => page.locator('#filter-country option[value="bra"]').textContent()).toMatch(/\(0\)$/);
    expect(await page.locator('#filter-country option[value="bra"]').isDisabled()).toBe(true);
    expect(await page.locator('#filter-country option[value="ken"]').textContent()).toMatch(/\(1\)$/);
    await page.close();
    const empty = await open("en/browse/index.html?topic=grooming&country=bra");
    await expect.poll(() => empty.locator(".empty-result").isVisible()).toBe(true);
    expect(await empty.locator(".empty-result li").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Grooming/i)]));
    await empty.locator(".empty-result button").click();
    await expect.poll(() => visible(empty)).toBeGreaterThan(0);
    expect(await empty.locator("#filter-topic").inputValue()).toBe("");
    await empty.close();
  });

  test("at 360 px no page scrolls sideways, the header takes at most a fifth of the screen, and one button opens the menu", async () => {
    const types = (lang: string) => [
      `${lang}/index.html`,
      `${lang}/browse/index.html`,
      `${lang}/browse/page/2/index.html`,
      `${lang}/browse/topic/grooming/index.html`,
      `${lang}/directory/index.html`,
      `${lang}/countries/ken/index.html`,
      `${lang}/countries/tza/index.html`,
      `${lang}/organizations/test-network/index.html`,
      `${lang}/countries/ken/activities/safer-chat-2021/index.html`,
      `${lang}/youth/index.html`,
      `${lang}/search/index.html`,
      `${lang}/data/index.html`,
      `${lang}/vocabularies/index.html`,
      `${lang}/vocabularies/topics/index.html`,
      `${lang}/reports/index.html`,
      `${lang}/compare/index.html`,
      `${lang}/compare/mnr-capabilities/africa/index.html`,
      `${lang}/about/index.html`,
      `${lang}/data/api/index.html`,
      `${lang}/404.html`,
      ...(hasGit() ? [`${lang}/reports/2025/index.html`] : []),
    ];
    const problems: string[] = [];
    const phone = { width: 360, height: 780 };
    await visitAll(
      [...types("en"), ...types("ar")],
      async (page, path) => {
        await page.waitForSelector(".site-header.menu-ready");
        const { scrollWidth, clientWidth, header } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          header: document.querySelector(".site-header")!.getBoundingClientRect().height,
        }));
        if (scrollWidth > clientWidth) problems.push(`${path}: ${scrollWidth} px wide in a ${clientWidth} px window`);
        if (header > phone.height / 5) problems.push(`${path}: the header is ${header} px high`);
      },
      { viewport: phone },
    );
    expect(problems).toEqual([]);

    // The menu: folded, then one press shows the navigation; the browse filters fold too.
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(new URL("en/browse/index.html", server.url).href);
    const toggle = page.locator(".menu-toggle");
    await expect.poll(() => page.locator("#site-nav").isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#site-nav").isVisible()).toBe(true);
    expect(await page.locator("#filter-topic").isVisible()).toBe(false);
    await page.locator(".filter-fold > summary").click();
    expect(await page.locator("#filter-topic").isVisible()).toBe(true);
    await page.close();
  });

  test("a missing address answers 404 with the site's page: styled, scripted, and its links lead home in each language", async () => {
    const base = new URL(resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }).siteUrl).pathname;
    const page = await open(`${base.slice(1)}fr/countries/no-such-country/`, 404);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // The style sheet loaded from the public path: the header is laid out, not a bare list.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")!).display)).not.toBe("inline");
    expect(await page.locator("link[rel=stylesheet]").evaluateAll((links) => links.every((l) => (l as HTMLLinkElement).sheet !== null))).toBe(true);
    // The site's script ran from the public path too.
    await page.waitForSelector(".site-header.menu-ready");
    const french = page.locator('.language-chooser li[lang="fr"] a');
    expect(await french.getAttribute("href")).toBe(`${base}fr/index.html`);
    await french.click();
    await page.waitForURL(new RegExp(`${base}fr/index\\.html$`));
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await page.close();
  });

  test("the root page sends the reader to their browser's language", async () => {
    const page = await open("index.html");
    await page.waitForURL(/\/en\/index\.html$/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.close();
  });

  test("no request left 127.0.0.1, no dialog opened and no script error during the whole run", () => {
    expect(leaks).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
