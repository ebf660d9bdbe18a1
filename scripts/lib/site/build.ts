import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import type { SiteConfig } from "../model/config.ts";
import { loadSiteData, type ValidationCache } from "../model/load.ts";
import { type History, readHistory } from "../model/provenance.ts";
import { FACETS, isYouthParticipation } from "../model/queries.ts";
import type { SiteData, SiteEntry } from "../model/types.ts";
import { apiPath, pagePath } from "../model/urls.ts";
import { apiFiles } from "../open-data/api.ts";
import { API_SCHEMAS } from "../open-data/api-schemas.ts";
import { COMPARE_DIMENSIONS, type CompareDimension, compareCsv, compareCsvPath, compareMatrix } from "../open-data/compare.ts";
import { activitiesCsv } from "../open-data/csv.ts";
import { feedFiles, feedUsesBuildTime } from "../open-data/feeds.ts";
import { OPENAPI_PATH, OPENAPI_VERSION, openApiDocument } from "../open-data/openapi.ts";
import { publishedSchemas, SCHEMA_INDEX_PATH } from "../open-data/schema-index.ts";
import { sitemapFiles } from "../open-data/sitemap.ts";
import { type PageContext, pageContext } from "../present/context.ts";
import { computeAnnualReport, reportYears } from "../report-annual/compute.ts";
import { renderReportMarkdown } from "../report-annual/render.ts";
import { CANONICAL_SITE_URL } from "../schema/catalog.ts";
import { isObject } from "../validate/dataset.ts";
import { toolVersion } from "../validate/disk-cache.ts";
import { UN_LANGUAGES } from "../vocab.ts";
import { browseIndexFiles, browseIndexPaths } from "./browse-index.ts";
import { dataUpdated } from "./layout.ts";
import { describeError, type OutputFs, SiteOutput } from "./output.ts";
import { ownerHash } from "./owner-hash.ts";
import { renderAboutPage } from "./pages/about.ts";
import { renderApiPage } from "./pages/api.ts";
import { facetIndex, type ListPage, renderBrowsePage, renderFacetPage } from "./pages/browse.ts";
import { comparePath, renderComparePage } from "./pages/compare.ts";
import { countryFolder, countryPagePath, renderCountryPage } from "./pages/country.ts";
import { renderDataPage, renderVocabulariesPage, renderVocabularyPage } from "./pages/data.ts";
import { renderEntryPage } from "./pages/entry.ts";
import { renderHomePage, renderLanguageChooser, renderSearchPage, renderYouthPage } from "./pages/home.ts";
import { notFoundContext, notFoundPath, renderNotFoundPage } from "./pages/not-found.ts";
import { concerningByCountry, renderDirectoryPage, renderOwnerPage } from "./pages/owners.ts";
import { renderReportPage, renderReportsPage, reportPdfPath } from "./pages/reports.ts";
import { facetPageSize, pageSizeOf, paginate } from "./pagination.ts";
import { reportPdfKey } from "./report-pdfs.ts";
import { indexSite, isIndexedPage, SEARCH_DIR, type SearchPart, searchablePage, searchPartCount, searchParts } from "./search-index.ts";

/**
 * Whether this code runs from the bundle scripts/bin/launch.mjs makes (build/cli/build.mjs)
 * rather than from its TypeScript source: the files beside it are then the bundles, not scripts/lib.
 */
const BUNDLED = import.meta.url.endsWith(".mjs");

/** scripts/lib, from the source file or from the bundle in build/cli/. */
const LIB_DIR = BUNDLED ? join(import.meta.dirname, "..", "..", "scripts", "lib") : join(import.meta.dirname, "..");

/** The site's static assets (CSS, script), shipped next to this file and read from there by the bundle too. */
export const ASSETS_DIR = join(LIB_DIR, "site", "assets");

/** Where a build keeps the validator's results between runs, under the root (git ignores .cache/). */
export const VALIDATION_CACHE = ".cache/build/validate";

/** One part of a build split across machines: part `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export interface BuildOptions {
  /** The repository (or data) root: countries/, organizations/, schemas/. */
  root: string;
  /** Where to write the site; replaced as a whole at the end of a successful build. */
  outDir: string;
  config: SiteConfig;
  /** The history to use; read from git at `root` when not given. */
  history?: History;
  /** Build the Pagefind search index (default true; never in a shard). */
  search?: boolean;
  /** Make every file again, whatever the last build left (default false). */
  full?: boolean;
  /** Build only the entry pages of one part of the owners; part 1 also writes everything else. */
  shard?: Shard;
  /** Called as the build goes: a phase name and how far it is. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Stops the build (Ctrl-C): it throws BuildInterrupted and the output stays as it was. */
  signal?: AbortSignal;
  /** Where the manifest of the last build is kept (default: .cache/build/ under the root). */
  manifestPath?: string;
  /** The validation cache (default: .cache/build/validate under the root, this code's version; none with `full`). */
  validationCache?: ValidationCache;
  /** For tests: file writes that fail on purpose. */
  fs?: OutputFs;
  /** The annual reports printed to PDF (see findReportPdfs), published beside their pages and linked from them. */
  reportPdfs?: ReadonlyMap<string, string>;
}

export interface BuildResult {
  /** Every diagnostic of the validation (warnings only when `ok`). */
  diagnostics: Diagnostic[];
  ok: boolean;
  /** HTML pages of the site (written or kept). */
  pages: number;
  /** Files of the site (written or kept). */
  files: number;
  /** Files written by this build, and files kept unchanged from the last one. */
  written: number;
  reused: number;
  entries: number;
  /** Pages Pagefind indexed (0 without a search index, or when the last one was kept). */
  searchPages: number;
  /** The languages whose search index was made again, in whole or in part ([]: each kept from the last build, or no index). */
  searchLanguages: string[];
  /** The folders of the parts of the search index made again ("pagefind/en/3-of-4"). */
  searchParts: string[];
  milliseconds: number;
}

/** Thrown when the build was stopped by a signal; the output was left as it was. */
export class BuildInterrupted extends Error {
  constructor() {
    super("interrupted; the output was left as it was");
    this.name = "BuildInterrupted";
  }
}

/** One file of the site, made only when it has to be written. */
interface PlannedFile {
  path: string;
  make: () => string | Uint8Array;
  /** A hash of everything the file is made from: while it is unchanged, the last output's file is kept without making it. */
  key?: string;
  /** The owner folder whose shard writes it (entry pages); other files are written by shard 1. */
  owner?: string;
  /** An HTML page, for the sitemap. */
  page?: boolean;
  lastmod?: string;
}

/** Where the manifest of a build of `outDir` is kept: under the root's .cache/, which git ignores. */
export function defaultManifestPath(root: string, outDir: string): string {
  const id = createHash("sha1").update(resolve(outDir)).digest("hex").slice(0, 16);
  return join(resolve(root), ".cache", "build", `${id}.json`);
}

/**
 * Validates the data and, when it has no errors, builds the site into `outDir`: pages in six
 * languages, the open data API, CSV, feeds, sitemap, reports and search index. Only files whose
 * content changed since the last build are written; the output is replaced at the end, as a whole.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const history = options.history ?? readHistory(options.root);
  options.onProgress?.("validate", 0, 1);
  const cache = options.full
    ? undefined
    : (options.validationCache ?? { folder: join(resolve(options.root), VALIDATION_CACHE), version: toolVersion(import.meta.url) });
  const loaded = readData(options.root, history, options.config.now, cache);
  if (!loaded.data) {
    return {
      diagnostics: loaded.diagnostics,
      ok: false,
      pages: 0,
      files: 0,
      written: 0,
      reused: 0,
      entries: 0,
      searchPages: 0,
      searchLanguages: [],
      searchParts: [],
      milliseconds: performance.now() - started,
    };
  }
  const written = await writeSiteFiles(loaded.data, options);
  return { ...written, diagnostics: loaded.diagnostics, milliseconds: performance.now() - started };
}

/** Validates and reads the data; a file that cannot be read stops the build with its name. */
function readData(root: string, history: History, now: Date, cache: ValidationCache | undefined): ReturnType<typeof loadSiteData> {
  try {
    return loadSiteData(root, history, now, cache);
  } catch (error) {
    const path = (error as NodeJS.ErrnoException | undefined)?.path;
    if (!path) throw error;
    throw new Error(`could not read ${relative(resolve(root), path).split(sep).join("/")} (${describeError(error)})`, { cause: error });
  }
}

/**
 * Writes the site of already validated data into `outDir`. `buildSite` is the way in; this is
 * exported for the benchmark and for tests that prove the templates stay safe even if a
 * validator bug let hostile text through.
 */
export async function writeSiteFiles(
  data: SiteData,
  options: Pick<BuildOptions, "outDir" | "config" | "search" | "onProgress" | "root" | "full" | "shard" | "signal" | "manifestPath" | "fs" | "reportPdfs">,
): Promise<Omit<BuildResult, "diagnostics" | "milliseconds">> {
  const out = resolve(options.outDir);
  const root = resolve(options.root);
  if (out === root || root.startsWith(out + sep) || relative(out, root) === "") throw new Error(`the output folder ${out} must not contain the data`);
  const shard = options.shard;
  const search = options.search !== false && !shard;
  const { files: planned, searchParts: parts } = planSite(data, options.config, options.reportPdfs ?? new Map());
  const mine = (file: PlannedFile) => !shard || (file.owner === undefined ? shard.index === 1 : shardOf(file.owner, shard.count) === shard.index - 1);
  const output = new SiteOutput({
    outDir: out,
    manifestPath: options.manifestPath ?? defaultManifestPath(root, out),
    ...(options.fs ? { fs: options.fs } : {}),
    ...(options.full ? { ignoreManifest: true } : {}),
  });
  try {
    let pages = 0;
    let done = 0;
    const total = planned.length;
    // The part of each owner's pages in each language, as the parts name their owners for Pagefind.
    const partByOwner = new Map(parts.flatMap((part) => part.owners.map((owner) => [`${part.lang}/${owner}`, part.folder] as const)));
    /** The folder of the index part that holds a page, or undefined for a page no index reads. */
    const partOf = (path: string) => {
      const at = searchablePage(path);
      return at && partByOwner.get(`${at.lang}/${at.owner}`);
    };
    // The parts of the index whose searchable pages this build writes, adds or drops: they are made again.
    const searchChanged = new Set<string>();
    // Each part's searchable pages, and whether Pagefind keeps each one (undefined: kept from the last output without being made).
    const searchable = new Map<string, Map<string, boolean | undefined>>();
    for (const file of planned) {
      if (++done % 200 === 0) {
        options.onProgress?.("pages", done, total);
        // Lets a signal in, so that Ctrl-C stops a long build here rather than at its end.
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw new BuildInterrupted();
      }
      if (!mine(file)) continue;
      if (file.page) pages++;
      const part = partOf(file.path);
      const ofPart = part === undefined ? undefined : (searchable.get(part) ?? searchable.set(part, new Map()).get(part)!);
      ofPart?.set(file.path, undefined);
      if (file.key !== undefined && output.reuseByKey(file.path, file.key)) continue;
      const content = file.make();
      ofPart?.set(file.path, typeof content !== "string" || isIndexedPage(content));
      if (output.write(file.path, content, file.key) === "written" && part) searchChanged.add(part);
    }
    options.onProgress?.("pages", total, total);
    if (options.signal?.aborted) throw new BuildInterrupted();
    let searchPages = 0;
    const searchLanguages = new Set<string>();
    const searchPartsMade: string[] = [];
    if (search) {
      // The last build's searchable pages and index files, by the part they belong to now.
      const before = new Map<string, { pages: string[]; index: string[] }>();
      const at = (part: string) => before.get(part) ?? before.set(part, { pages: [], index: [] }).get(part)!;
      for (const path of output.previousUnder("")) {
        if (path.startsWith(`${SEARCH_DIR}/`)) at(path.split("/", 3).join("/")).index.push(path);
        else {
          const part = partOf(path);
          if (part) at(part).pages.push(path);
        }
      }
      // A part depends on its pages only: while none was written, added or dropped, the last one is kept.
      const stale = parts.filter((part) => {
        const now = searchable.get(part.folder) ?? new Map<string, boolean | undefined>();
        const last = before.get(part.folder) ?? { pages: [], index: [] };
        const same = !searchChanged.has(part.folder) && last.pages.length === now.size && last.pages.every((path) => now.has(path));
        return now.size > 0 && !(same && output.reuseAll(last.index));
      });
      for (const [done, part] of stale.entries()) {
        options.onProgress?.("search index", done, stale.length);
        // Pagefind reads the new site's pages of this part that it keeps, and writes its index into the staging folder.
        const site = output.siteSoFar();
        const kept = [...(searchable.get(part.folder) ?? [])]
          .filter(([path, indexed]) => indexed ?? isIndexedPage(readFileSync(join(site, path), "utf8")))
          .map(([path]) => path);
        const indexed = await indexSite(site, output.stagingDir, part, options.signal, { pages: kept, scratchDir: output.scratchDir });
        output.adopt(indexed.files);
        searchPages += indexed.pages;
        searchLanguages.add(part.lang);
        searchPartsMade.push(part.folder);
        if (options.signal?.aborted) throw new BuildInterrupted();
      }
      if (stale.length > 0) options.onProgress?.("search index", stale.length, stale.length);
    }
    if (options.signal?.aborted) throw new BuildInterrupted();
    const files = output.written + output.reused;
    const { written, reused } = output;
    output.commit();
    return {
      ok: true,
      pages,
      files,
      written,
      reused,
      entries: data.entries.length,
      searchPages,
      searchLanguages: [...searchLanguages],
      searchParts: searchPartsMade,
    };
  } catch (error) {
    output.abort();
    throw error;
  }
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Which part of a split build an owner's entry pages go to: a stable hash of its folder, so that adding an owner moves no other. */
export function shardOf(ownerDir: string, count: number): number {
  return ownerHash(ownerDir) % count;
}

/**
 * Every file of the site, in a fixed order, each made only when written, and the parts of each
 * language's search index. Pure but for reading the report PDFs when written.
 */
function planSite(data: SiteData, config: SiteConfig, reportPdfs: ReadonlyMap<string, string>): { files: PlannedFile[]; searchParts: SearchPart[] } {
  const planned: PlannedFile[] = [];
  const facets = facetIndex(data);
  const years = reportYears(data);
  const reports = years.map((year) => computeAnnualReport(data, year));
  const vocabularies = [...data.vocabularies.lists.keys()];
  const size = pageSizeOf(config);
  const youth = data.entries.filter(isYouthParticipation);
  const concerning = concerningByCountry(data.entries);
  // Every country of the reference table gets a page; those with a profile get it from their owner.
  const profiled = new Set(data.owners.flatMap((o) => (o.iso3 ? [o.iso3] : [])));
  const unprofiled = [...data.vocabularies.get("countries").terms.values()].filter((t) => !profiled.has(t.id));
  // Every owner folder has searchable pages in every language (its profile), and each entry has one.
  const owners = [...data.owners.map((owner) => owner.dir), ...unprofiled.map((term) => countryFolder(term.id))];
  const partCount = searchPartCount(data.entries.length + owners.length, config.searchPartPages);
  const partsOf = new Map(UN_LANGUAGES.map((lang) => [lang, searchParts(lang, owners, partCount)]));
  const regionLists = facets.get("region")!;
  const regionIds = [...data.vocabularies.get("regions").terms.keys()];
  const dimensions = Object.keys(COMPARE_DIMENSIONS) as CompareDimension[];
  const global = siteFingerprint(data, config);
  const itemKeys = new Map(data.entries.map((entry) => [entry, listItemFingerprint(entry)]));
  const derived = derivedFingerprint(data, global, itemKeys, reportPdfs);
  /** The key of a file made from the data as a whole but no narrative's body (and from `more`): kept while none of that changed. */
  const derivedKey = (path: string, more = "") => sha1(JSON.stringify([derived, path, more]));
  /** The key of a page that shows a list of entries: the site's, its address, what else it shows, and each entry as a list shows it. */
  const listKey = (path: string, context: unknown, entries: readonly SiteEntry[]) =>
    sha1(JSON.stringify([global, path, context, entries.map((entry) => itemKeys.get(entry))]));
  const add = (file: PlannedFile) => planned.push(file);
  const page = (path: string, render: (c: PageContext) => string, extra: Partial<PlannedFile> = {}) => {
    const lang = path.slice(0, 2) as (typeof UN_LANGUAGES)[number];
    add({ path, make: () => render(pageContext(data, config, lang, path)), page: true, key: derivedKey(path), ...extra });
  };
  /**
   * A list as pages of `size` entries: page 1 at the list's address, the others under page/<n>/.
   * `context` is everything the pages show besides their slice of the list: a page is made
   * again only when it, or an entry of its slice as a list shows it, changed.
   */
  const pagedList = (
    entries: readonly SiteEntry[],
    pathOf: (page: number) => string,
    render: (c: PageContext, list: ListPage) => string,
    context: unknown,
    pageSize = size,
  ) => {
    const slices = paginate(entries, pageSize);
    slices.forEach((slice, i) => {
      const path = pathOf(i + 1);
      page(path, (c) => render(c, { page: i + 1, pages: slices.length, entries: slice }), {
        key: listKey(path, [context, i + 1, slices.length], slice),
      });
    });
  };
  const facetCounts = [...facets].map(([facet, values]) => [facet, [...values].map(([value, list]) => [value, list.length])]);
  add({ path: pagePath.root(), make: () => renderLanguageChooser(data), page: true, key: derivedKey(pagePath.root()) });
  const entryKeys = new Map(data.entries.map((entry) => [entry, entryFingerprint(global, entry, data)]));
  add({
    path: "404.html",
    make: () => renderNotFoundPage(notFoundContext(pageContext(data, config, "en", "404.html")), true),
    page: true,
    key: derivedKey("404.html"),
  });
  for (const lang of UN_LANGUAGES) {
    page(pagePath.home(lang), renderHomePage);
    pagedList(
      data.entries,
      (n) => pagePath.browse(lang, n),
      (c, list) => renderBrowsePage(c, facets, list),
      [data.entries.length, facetCounts],
    );
    for (const facet of FACETS) {
      for (const [value, entries] of facets.get(facet)!) {
        pagedList(
          entries,
          (n) => pagePath.facet(lang, facet, value, n),
          (c, list) => renderFacetPage(c, facet, value, entries.length, list),
          [facet, value, entries.length],
          facetPageSize(size),
        );
      }
    }
    page(pagePath.directory(lang), renderDirectoryPage);
    for (const dimension of dimensions) {
      page(comparePath(lang, dimension), (c) => renderComparePage(c, dimension));
      for (const region of regionIds) page(comparePath(lang, dimension, region), (c) => renderComparePage(c, dimension, region));
    }
    for (const owner of data.owners) {
      const others = owner.iso3 ? (concerning.get(owner.iso3) ?? []) : [];
      const { entries: _entries, ...profile } = owner;
      pagedList(
        owner.entries,
        (n) => pagePath.owner(lang, owner, n),
        (c, list) => renderOwnerPage(c, owner, list, others),
        [profile, owner.entries.length, others.map((entry) => itemKeys.get(entry))],
      );
    }
    for (const term of unprofiled) {
      const region = term.meta?.region as string | undefined;
      const others = concerning.get(term.id) ?? [];
      const hasList = region !== undefined && regionLists.has(region);
      const path = countryPagePath(lang, term.id);
      page(path, (c) => renderCountryPage(c, term, others, hasList), { key: listKey(path, [term, hasList], others) });
    }
    page(notFoundPath(lang), (c) => renderNotFoundPage(notFoundContext(c)));
    for (const entry of data.entries) {
      const lastmod = entry.provenance.updated?.date;
      page(pagePath.entry(lang, entry), (c) => renderEntryPage(c, entry), {
        key: entryKeys.get(entry)!,
        owner: entry.owner.dir,
        ...(lastmod ? { lastmod } : {}),
      });
    }
    pagedList(
      youth,
      (n) => pagePath.youth(lang, n),
      (c, list) => renderYouthPage(c, youth.length, list),
      youth.length,
    );
    page(pagePath.search(lang), (c) => renderSearchPage(c, partsOf.get(lang)!));
    page(pagePath.data(lang), renderDataPage);
    page(pagePath.about(lang), renderAboutPage);
    page(pagePath.api(lang), renderApiPage);
    page(pagePath.vocabularies(lang), renderVocabulariesPage);
    for (const name of vocabularies) page(pagePath.vocabulary(lang, name), (c) => renderVocabularyPage(c, name));
    const pdfOf = (year: number) => reportPdfs.get(reportPdfKey(year, lang));
    page(pagePath.reports(lang), (c) => renderReportsPage(c, years, (year) => pdfOf(year) !== undefined));
    for (const report of reports) {
      const pdf = pdfOf(report.year);
      page(pagePath.report(lang, report.year), (c) => renderReportPage(c, report, pdf !== undefined));
      if (pdf !== undefined) add({ path: reportPdfPath(lang, report.year), make: () => readFileSync(pdf) });
      const path = apiPath.report(report.year, lang);
      add({
        path,
        make: () =>
          renderReportMarkdown(
            pageContext(data, config, lang, path),
            report,
            (entry) => `${config.siteUrl}${pagePath.entry(lang, entry).replace(/index\.html$/, "")}`,
          ),
        key: derivedKey(path),
      });
    }
  }
  // Made together, and only when one of them is written: the keys say before that.
  const browseIndex = once(() => browseIndexFiles(data, size, (lang) => pageContext(data, config, lang, pagePath.browse(lang))));
  for (const path of browseIndexPaths(data.entries.length)) {
    // Compact, without indentation: these files are for the script, and their size is what a phone downloads.
    add({ path, make: () => JSON.stringify(madeBy(browseIndex(), path)), key: derivedKey(path) });
  }
  for (const [path, value] of apiFiles(data, config)) {
    // Keyed on everything but the time it was made: a file whose content did not change keeps the
    // time of the build that made it (so "generated" says when it last changed), and is not
    // written again; without this, every build rewrote every API file for its new time.
    const key = isObject(value) && "generated" in value ? sha1(JSON.stringify({ ...value, generated: "" })) : undefined;
    add({ path, make: () => `${JSON.stringify(value, null, 1)}\n`, ...(key ? { key } : {}) });
  }
  /** A file made from the data as a whole, kept while its derived key is the same. */
  const addDerived = (path: string, make: () => string) => add({ path, make, key: derivedKey(path) });
  for (const [name, schema] of Object.entries(API_SCHEMAS)) addDerived(apiPath.apiSchema(name), () => `${JSON.stringify(schema, null, 2)}\n`);
  // Each data schema also at the address its $id names, so that a validator resolves its $refs on the web.
  for (const [name, schema] of data.schemas) addDerived(`schemas/${name}`, () => `${JSON.stringify(schema, null, 2)}\n`);
  addDerived(SCHEMA_INDEX_PATH, () => `${JSON.stringify({ schemas: publishedSchemas(data.schemas, CANONICAL_SITE_URL) }, null, 1)}\n`);
  addDerived(OPENAPI_PATH, () => `${JSON.stringify(openApiDocument(config.siteUrl, OPENAPI_VERSION), null, 1)}\n`);
  addDerived(apiPath.csv(), () => activitiesCsv(data.entries, config));
  for (const dimension of dimensions) {
    for (const region of [undefined, ...regionIds]) {
      const path = compareCsvPath(dimension, region);
      addDerived(path, () => compareCsv(compareMatrix(data, dimension, region)));
    }
  }
  // A feed of entries without dates of their own says the build's time: its key holds that time too.
  const feeds = once(() => feedFiles(data.owners, data.entries, config, UN_LANGUAGES));
  const feedKey = (path: string, entries: readonly SiteEntry[]) => derivedKey(path, feedUsesBuildTime(entries) ? config.now.toISOString() : "");
  for (const lang of UN_LANGUAGES) {
    for (const [path, entries] of [[apiPath.feedAll(lang), data.entries] as const, ...data.owners.map((o) => [apiPath.feedOwner(lang, o), o.entries] as const)])
      add({ path, make: () => madeBy(feeds(), path), key: feedKey(path, entries) });
  }
  for (const asset of ["site.css", "site.js", "favicon.svg"]) add({ path: `assets/${asset}`, make: () => readFileSync(join(ASSETS_DIR, asset)) });
  // GitHub Pages would otherwise run Jekyll over the output.
  add({ path: ".nojekyll", make: () => "" });
  // Not-found pages are no address anyone should visit on purpose.
  const sitemapPages = planned
    .filter((file) => file.page && !file.path.endsWith("404.html"))
    .map(({ path, lastmod }) => (lastmod ? { path, lastmod } : { path }));
  for (const [path, xml] of sitemapFiles(config.siteUrl, sitemapPages)) add({ path, make: () => xml });
  return { files: planned, searchParts: [...partsOf.values()].flat() };
}

/** The function's result, made at the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** The file at `path` of a group made together; a path the group does not make is a mistake of this file's plan. */
function madeBy<T>(files: ReadonlyMap<string, T>, path: string): T {
  const file = files.get(path);
  if (file === undefined) throw new Error(`the plan names ${path}, which its group of files does not make`);
  return file;
}

/**
 * A fingerprint of everything the site's pages and files about the data as a whole show: the
 * site's fingerprint, the catalog, each owner's profile, each entry as lists show it and its
 * files, the history and which reports have a PDF. Not the narratives' bodies: only an entry's
 * own pages and API file show its body, and those have their own keys.
 */
function derivedFingerprint(data: SiteData, site: string, itemKeys: ReadonlyMap<SiteEntry, string>, reportPdfs: ReadonlyMap<string, string>): string {
  const hash = createHash("sha1").update(site).update(data.catalog.fingerprint);
  for (const { entries: _entries, ...owner } of data.owners) hash.update(JSON.stringify(owner));
  for (const entry of data.entries) hash.update(JSON.stringify([itemKeys.get(entry), entry.files]));
  hash.update(JSON.stringify(data.history));
  return hash.update(JSON.stringify([...reportPdfs.keys()].sort())).digest("hex");
}

/**
 * A fingerprint of what every entry page depends on besides its entry: the code (templates,
 * messages), the configuration, the schemas and vocabularies, whether there is a history, and
 * the owners (their names appear on pages of others' entries).
 */
function siteFingerprint(data: SiteData, config: SiteConfig): string {
  const hash = createHash("sha1");
  hash.update(codeFingerprint());
  // Entry pages show the build date (the citation's "accessed on"), not the time.
  hash.update(JSON.stringify({ ...config, now: config.now.toISOString().slice(0, 10) }));
  for (const [name, document] of [...data.schemas].sort(([a], [b]) => a.localeCompare(b))) hash.update(name).update(JSON.stringify(document));
  hash.update(JSON.stringify({ available: data.history.available, shallow: data.history.shallow }));
  // Every page's footer says when the data last changed.
  hash.update(dataUpdated(data, config.now));
  for (const owner of data.owners) hash.update(JSON.stringify([owner.type, owner.id, owner.dir, owner.names, owner.nameLangs, owner.iso3 ?? ""]));
  return hash.digest("hex");
}

/**
 * A fingerprint of an entry as lists show it (title, summary, facts, confirmation, history), not
 * its narratives' text, nor the versions taken from the text (the original's version, and whether
 * a translation is out of date, which only the entry's own pages and API files say): a change to
 * a body alone makes its own pages again, not every list and file about the whole data it is in.
 */
function listItemFingerprint(entry: SiteEntry): string {
  const narratives = [...entry.narratives.values()].map(({ body: _body, version: _version, translates: _translates, outOfDate: _outOfDate, ...rest }) => rest);
  return sha1(
    JSON.stringify([entry.permalink, entry.dir, entry.owner.dir, entry.facts, entry.year, entry.countries, entry.regions, entry.provenance, narratives]),
  );
}

/** A fingerprint of one entry's page: the site's, the entry (facts, narratives, history) and the titles of the entries it links to. */
function entryFingerprint(site: string, entry: SiteEntry, data: SiteData): string {
  const { owner: _owner, narratives, ...rest } = entry;
  const related = (entry.facts.related ?? []).map((link) => {
    const other = data.byPermalink.get(link);
    return other ? [other.dir, other.owner.dir, [...other.narratives.values()].map((n) => [n.lang, n.title])] : [link];
  });
  return createHash("sha1")
    .update(site)
    .update(JSON.stringify([entry.owner.dir, rest, [...narratives.values()], related]))
    .digest("hex");
}

let codeKey: string | undefined;

/**
 * A fingerprint of the code that makes the site (scripts/lib: templates, assets; locales/: messages) and of
 * the dependency lock: a new template changes every page, so no page is kept after it.
 */
export function codeFingerprint(): string {
  if (codeKey) return codeKey;
  const lib = LIB_DIR;
  const hash = createHash("sha1");
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(lib, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  walk(lib);
  // The messages of every page are in the locales' catalogs, beside scripts/.
  walk(join(lib, "..", "..", "locales"));
  try {
    hash.update(readFileSync(join(lib, "..", "..", "package-lock.json")));
  } catch {
    // An installed copy without a lock file: the code alone.
  }
  codeKey = hash.digest("hex");
  return codeKey;
}

/** For `npm run bench`: builds the site of a data folder into a folder, without git history or search index by default. */
export async function buildSiteForBenchmark(dataRoot: string, outDir: string, config: SiteConfig, search = false): Promise<BuildResult> {
  return buildSite({ root: dataRoot, outDir, config, history: { available: false, shallow: false, changes: [] }, search });
}
