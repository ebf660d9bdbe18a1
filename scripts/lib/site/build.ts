import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import type { SiteConfig } from "../model/config.ts";
import { loadSiteData } from "../model/load.ts";
import { type History, readHistory } from "../model/provenance.ts";
import { FACETS, isYouthParticipation } from "../model/queries.ts";
import type { SiteData, SiteEntry } from "../model/types.ts";
import { apiPath, isSafeOutputPath, pagePath } from "../model/urls.ts";
import { apiFiles } from "../open-data/api.ts";
import { API_SCHEMAS } from "../open-data/api-schemas.ts";
import { activitiesCsv } from "../open-data/csv.ts";
import { feedFiles } from "../open-data/feeds.ts";
import { sitemapXml } from "../open-data/sitemap.ts";
import { type PageContext, pageContext } from "../present/context.ts";
import { computeAnnualReport, reportYears } from "../report-annual/compute.ts";
import { renderReportMarkdown } from "../report-annual/render.ts";
import { UN_LANGUAGES } from "../vocab.ts";
import { browseIndexFiles } from "./browse-index.ts";
import { facetIndex, type ListPage, renderBrowsePage, renderFacetPage } from "./pages/browse.ts";
import { renderDataPage, renderVocabulariesPage, renderVocabularyPage } from "./pages/data.ts";
import { renderEntryPage } from "./pages/entry.ts";
import { renderHomePage, renderLanguageChooser, renderSearchPage, renderYouthPage } from "./pages/home.ts";
import { concerningByCountry, renderDirectoryPage, renderOwnerPage } from "./pages/owners.ts";
import { renderReportPage, renderReportsPage } from "./pages/reports.ts";
import { pageSizeOf, paginate } from "./pagination.ts";
import { indexSite } from "./search-index.ts";

/** The site's static assets (CSS, script), shipped next to this file. */
export const ASSETS_DIR = join(import.meta.dirname, "assets");

export interface BuildOptions {
  /** The repository (or data) root: countries/, organizations/, schemas/. */
  root: string;
  /** Where to write the site; emptied first. */
  outDir: string;
  config: SiteConfig;
  /** The history to use; read from git at `root` when not given. */
  history?: History;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Called as the build goes: a phase name and how far it is. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface BuildResult {
  /** Every diagnostic of the validation (warnings only when `ok`). */
  diagnostics: Diagnostic[];
  ok: boolean;
  pages: number;
  files: number;
  entries: number;
  /** Pages Pagefind indexed, per language. */
  searchPages: number;
  milliseconds: number;
}

/** Collects output files, refusing any path that did not come from validated ids (checklist item 26). */
class SiteWriter {
  readonly outDir: string;
  files = 0;
  pages: Array<{ path: string; lastmod?: string }> = [];
  constructor(outDir: string) {
    this.outDir = resolve(outDir);
  }
  write(path: string, content: string | Uint8Array, lastmod?: string): void {
    if (!isSafeOutputPath(path)) throw new Error(`build: refusing to write the unsafe path ${JSON.stringify(path)}`);
    const target = resolve(this.outDir, path);
    if (!target.startsWith(this.outDir + sep)) throw new Error(`build: ${path} would leave the output folder`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    this.files++;
    if (path.endsWith(".html")) this.pages.push(lastmod ? { path, lastmod } : { path });
  }
}

/**
 * Validates the data and, when it has no errors, builds the whole site into `outDir`:
 * pages in six languages, the open data API, CSV, feeds, sitemap, reports and search index.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const history = options.history ?? readHistory(options.root);
  options.onProgress?.("validate", 0, 1);
  const loaded = loadSiteData(options.root, history, options.config.now);
  if (!loaded.data) {
    return { diagnostics: loaded.diagnostics, ok: false, pages: 0, files: 0, entries: 0, searchPages: 0, milliseconds: performance.now() - started };
  }
  const written = await writeSiteFiles(loaded.data, options);
  return { ...written, diagnostics: loaded.diagnostics, milliseconds: performance.now() - started };
}

/**
 * Writes the site of already validated data into `outDir` (emptied first). `buildSite` is the
 * way in; this is exported for the benchmark and for tests that prove the templates stay safe
 * even if a validator bug let hostile text through.
 */
export async function writeSiteFiles(
  data: SiteData,
  options: Pick<BuildOptions, "outDir" | "config" | "search" | "onProgress" | "root">,
): Promise<Omit<BuildResult, "diagnostics" | "milliseconds">> {
  const out = resolve(options.outDir);
  const root = resolve(options.root);
  if (out === root || root.startsWith(out + sep) || relative(out, root) === "") throw new Error(`build: the output folder ${out} must not contain the data`);
  rmSync(out, { recursive: true, force: true });
  const writer = new SiteWriter(out);
  writeSite(writer, data, options.config, options.onProgress);
  for (const asset of ["site.css", "site.js", "favicon.svg"]) writer.write(`assets/${asset}`, readFileSync(join(ASSETS_DIR, asset)));
  // GitHub Pages would otherwise run Jekyll over the output.
  writeFileSync(join(out, ".nojekyll"), "");
  writer.write("sitemap.xml", sitemapXml(options.config.siteUrl, writer.pages));
  let searchPages = 0;
  if (options.search !== false) {
    options.onProgress?.("search index", 0, 1);
    searchPages = await indexSite(out);
    options.onProgress?.("search index", 1, 1);
  }
  return { ok: true, pages: writer.pages.length, files: writer.files, entries: data.entries.length, searchPages };
}

function writeSite(writer: SiteWriter, data: SiteData, config: SiteConfig, onProgress: BuildOptions["onProgress"]): void {
  const facets = facetIndex(data);
  const years = reportYears(data);
  const reports = years.map((year) => computeAnnualReport(data, year));
  const vocabularies = [...data.vocabularies.lists.keys()];
  const size = pageSizeOf(config);
  const pagesOf = (count: number) => Math.max(1, Math.ceil(count / size));
  const youth = data.entries.filter(isYouthParticipation);
  const concerning = concerningByCountry(data.entries);
  let facetPages = 0;
  for (const byValue of facets.values()) for (const entries of byValue.values()) facetPages += pagesOf(entries.length);
  const ownerPages = data.owners.reduce((sum, owner) => sum + pagesOf(owner.entries.length), 0);
  const perLanguage =
    6 + pagesOf(data.entries.length) + facetPages + ownerPages + pagesOf(youth.length) + data.entries.length + vocabularies.length + reports.length;
  const total = perLanguage * UN_LANGUAGES.length;
  let done = 0;
  const page = (path: string, render: (c: ReturnType<typeof pageContext>) => string, lastmod?: string) => {
    const lang = path.slice(0, 2) as (typeof UN_LANGUAGES)[number];
    writer.write(path, render(pageContext(data, config, lang, path)), lastmod);
    done++;
    if (done % 50 === 0 || done === total) onProgress?.("pages", Math.min(done, total), total);
  };
  /** Writes a list as pages of `size` entries: page 1 at the list's address, the others under page/<n>/. */
  const pagedList = (entries: readonly SiteEntry[], pathOf: (page: number) => string, render: (c: PageContext, list: ListPage) => string) => {
    const slices = paginate(entries, size);
    slices.forEach((slice, i) => {
      page(pathOf(i + 1), (c) => render(c, { page: i + 1, pages: slices.length, entries: slice }));
    });
  };
  writer.write(pagePath.root(), renderLanguageChooser(data));
  for (const lang of UN_LANGUAGES) {
    page(pagePath.home(lang), renderHomePage);
    pagedList(
      data.entries,
      (n) => pagePath.browse(lang, n),
      (c, list) => renderBrowsePage(c, facets, list),
    );
    for (const facet of FACETS) {
      for (const [value, entries] of facets.get(facet)!) {
        pagedList(
          entries,
          (n) => pagePath.facet(lang, facet, value, n),
          (c, list) => renderFacetPage(c, facet, value, entries.length, list),
        );
      }
    }
    page(pagePath.directory(lang), renderDirectoryPage);
    for (const owner of data.owners) {
      const others = owner.iso3 ? (concerning.get(owner.iso3) ?? []) : [];
      pagedList(
        owner.entries,
        (n) => pagePath.owner(lang, owner, n),
        (c, list) => renderOwnerPage(c, owner, list, others),
      );
    }
    for (const entry of data.entries) page(pagePath.entry(lang, entry), (c) => renderEntryPage(c, entry), entry.provenance.updated?.date);
    pagedList(
      youth,
      (n) => pagePath.youth(lang, n),
      (c, list) => renderYouthPage(c, youth.length, list),
    );
    page(pagePath.search(lang), renderSearchPage);
    page(pagePath.data(lang), renderDataPage);
    page(pagePath.vocabularies(lang), renderVocabulariesPage);
    for (const name of vocabularies) page(pagePath.vocabulary(lang, name), (c) => renderVocabularyPage(c, name));
    page(pagePath.reports(lang), (c) => renderReportsPage(c, years));
    for (const report of reports) {
      page(pagePath.report(lang, report.year), (c) => renderReportPage(c, report));
      const c = pageContext(data, config, lang, apiPath.report(report.year, lang));
      writer.write(
        apiPath.report(report.year, lang),
        renderReportMarkdown(c, report, (entry) => `${config.siteUrl}${pagePath.entry(lang, entry).replace(/index\.html$/, "")}`),
      );
    }
  }
  // Compact, without indentation: these files are for the script, and their size is what a phone downloads.
  for (const [path, value] of browseIndexFiles(data, size, (lang) => pageContext(data, config, lang, pagePath.browse(lang)))) {
    writer.write(path, JSON.stringify(value));
  }
  onProgress?.("open data", 0, 1);
  for (const [path, value] of apiFiles(data, config)) writer.write(path, `${JSON.stringify(value, null, 1)}\n`);
  for (const [name, schema] of Object.entries(API_SCHEMAS)) writer.write(apiPath.apiSchema(name), `${JSON.stringify(schema, null, 2)}\n`);
  writer.write(apiPath.csv(), activitiesCsv(data.entries, config));
  for (const [path, xml] of feedFiles(data.owners, data.entries, config, UN_LANGUAGES)) writer.write(path, xml);
  onProgress?.("open data", 1, 1);
}

/** For `npm run bench`: builds the site of a data folder into a folder, without git history or search index by default. */
export async function buildSiteForBenchmark(dataRoot: string, outDir: string, config: SiteConfig, search = false): Promise<BuildResult> {
  return buildSite({ root: dataRoot, outDir, config, history: { available: false, shallow: false, changes: [] }, search });
}
