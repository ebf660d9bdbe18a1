import { spawn } from "node:child_process";
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { ownerHash } from "./owner-hash.ts";

/** The folder of the search index under the site. */
export const SEARCH_DIR = "pagefind";

/** What an index run made: pages indexed and the files written, by path under the site. */
export interface IndexedSite {
  pages: number;
  files: string[];
}

/**
 * Searchable pages of one language that one part of its index holds at most, unless the site's
 * configuration says otherwise (`SiteConfig.searchPartPages`). Pagefind's memory grows with the
 * pages it indexes, about 0.13 MB a page (116 MB for the 874 English pages of a generated
 * 1,000-entry site, 41 MB for 246 of them), so a part stays under about 200 MB up to the
 * largest number of parts, 96,000 pages a language (at 4,000 entries: four parts, at most
 * 145 MB); and a change re-indexes its part only.
 */
export const SEARCH_PART_PAGES = 1500;

/** The most parts a language's index is cut into: a search loads each part's small entry file. */
const MAX_SEARCH_PARTS = 64;

/** The searchable pages: entries and profiles, not the thousands of list pages. Groups: language, owner folder. */
const SEARCHABLE = /^([a-z]{2})\/((?:countries|organizations)\/[^/]+)\/(?:index\.html|activities\/[^/]+\/index\.html)$/;

/** The owner folders a glob may name: what the schema allows for a folder, nothing Pagefind's glob would read as syntax. */
const OWNER_FOLDER = /^(?:countries|organizations)\/[a-z0-9][a-z0-9-]*$/;

/** A page Pagefind reads: its language, and the folder of its country or organisation ("countries/ken"). */
export interface SearchablePage {
  lang: string;
  owner: string;
}

/** The language and owner of a page Pagefind reads, or undefined for any other file of the site. */
export function searchablePage(path: string): SearchablePage | undefined {
  const match = SEARCHABLE.exec(path);
  return match ? { lang: match[1]!, owner: match[2]! } : undefined;
}

/**
 * Whether Pagefind keeps a page in its index: the page marks what it indexes with
 * data-pagefind-body. Once any page it reads is marked, Pagefind reads and drops the unmarked
 * ones. Text that only mentions the attribute (escaped, or in a value) makes this true for a page
 * Pagefind would drop, which costs it a read, never a page.
 */
export function isIndexedPage(html: string): boolean {
  return html.includes("data-pagefind-body");
}

/**
 * How many parts each language's index is cut into when a language has `pages` searchable
 * pages: the smallest power of two that keeps each part near `partPages` (owners are spread
 * over the parts by a hash of their folder, so parts are only about equal).
 */
export function searchPartCount(pages: number, partPages = SEARCH_PART_PAGES): number {
  let count = 1;
  while (count < MAX_SEARCH_PARTS && pages > count * Math.max(1, partPages)) count *= 2;
  return count;
}

/** The folder of part `index` (0-based) of `lang`'s index of `count` parts: "pagefind/en/3-of-4". */
const partFolder = (lang: string, index: number, count: number) => `${SEARCH_DIR}/${lang}/${index + 1}-of-${count}`;

/** The folder of the part of `lang`'s index that holds `owner`'s pages, when the index has `count` parts. */
export function searchPartFolder(lang: string, owner: string, count: number): string {
  return partFolder(lang, ownerHash(owner) % count, count);
}

/** One part of a language's search index: its folder under the site, and the owner folders whose pages it holds. */
export interface SearchPart {
  lang: string;
  folder: string;
  owners: string[];
  /** How many parts the language's index has. */
  count: number;
}

/** The parts of `lang`'s index for these owner folders, in order; a part no owner falls into is left out. */
export function searchParts(lang: string, owners: Iterable<string>, count: number): SearchPart[] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  for (const owner of owners) groups[ownerHash(owner) % count]?.push(owner);
  return groups.flatMap((list, index) => (list.length === 0 ? [] : [{ lang, folder: partFolder(lang, index, count), owners: list.sort(), count }]));
}

/** The pages of one part, as a glob over the site for Pagefind: every owner of a one-part index, else its owners by name. */
function partGlob(part: SearchPart): string {
  const pages = "{index.html,activities/*/index.html}";
  if (part.count === 1) return `${part.lang}/{countries,organizations}/*/${pages}`;
  for (const owner of part.owners) if (!OWNER_FOLDER.test(owner)) throw new Error(`the search index cannot name the folder ${owner}`);
  const owners = part.owners.length === 1 ? part.owners[0] : `{${part.owners.join(",")}}`;
  return `${part.lang}/${owners}/${pages}`;
}

/**
 * Builds one part of a language's Pagefind index of a built site into <indexDir>/<part.folder>/
 * (the site's own folder, or a staging folder that is then moved into it); the files are listed
 * relative to `indexDir`. A page searches only its own language, and a large language's index
 * is cut into parts by owner, which the search page loads together: the indexer holds one part's
 * pages at a time, and a change re-indexes only the parts whose pages it changed. Pagefind only
 * indexes what is marked data-pagefind-body: each entry in the languages it is written in
 * (pages that only point to another language's text are not marked), and each profile.
 * Pagefind runs as a child process that this waits for, so its time and memory count in the
 * build's, and a failure of it fails the build.
 *
 * `only` lists the pages of the part Pagefind keeps (see `isIndexedPage`): it then reads those
 * alone, from a folder of hard links to them at the same paths (`only.scratchDir`, emptied
 * first), and writes the same index without reading, parsing and dropping the others (half or
 * more of a language's pages point to another language's text). Without it, or with no page
 * listed, Pagefind reads every page of the part, as it must when no page is marked.
 */
export async function indexSite(
  siteDir: string,
  indexDir: string,
  part: SearchPart,
  signal?: AbortSignal,
  only?: { pages: readonly string[]; scratchDir: string },
): Promise<IndexedSite> {
  const folder = join(indexDir, part.folder);
  const readFrom = only && only.pages.length > 0 ? linkPages(siteDir, only.scratchDir, only.pages) : siteDir;
  const args = ["--site", readFrom, "--output-path", folder, "--glob", partGlob(part), "--keep-index-url", "--quiet"];
  const { code, output } = await run(pagefindBinary(), args, signal);
  if (signal?.aborted) throw new Error("the search index was interrupted");
  if (code !== 0) throw new Error(`the search indexer (Pagefind) failed with exit code ${code}: ${output.trim().split("\n").slice(-5).join(" | ")}`);
  // Pagefind also writes its own ready-made interfaces; the site has its own, so they go.
  for (const name of readdirSync(folder))
    if (/-ui\.(js|css)$/.test(name) || name === "playground") rmSync(join(folder, name), { recursive: true, force: true });
  const entry = JSON.parse(readFileSync(join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  const files = filesUnder(folder)
    .map((file) => relative(indexDir, file).split("\\").join("/"))
    .sort();
  return { pages, files };
}

/**
 * Every file under a folder, one listing per folder. Not node's recursive readdir with file
 * types: on node 20 it has listed a folder under the wrong parent ("filter/fragment", ENOENT)
 * when the search tests ran on a loaded machine (nodejs/node#48858 and #51773 are of its kind).
 */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** A folder holding `pages` of the site (hard links, or copies where a link is refused), at the same paths. */
function linkPages(siteDir: string, folder: string, pages: readonly string[]): string {
  rmSync(folder, { recursive: true, force: true });
  const made = new Set<string>();
  for (const page of pages) {
    const target = join(folder, page);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    try {
      linkSync(join(siteDir, page), target);
    } catch {
      // A file system without hard links (or across devices): the bytes are the same either way.
      copyFileSync(join(siteDir, page), target);
    }
  }
  return folder;
}

/** The Pagefind executable the npm package installed for this platform (or PAGEFIND_BINARY_PATH, as its own wrapper allows). */
function pagefindBinary(): string {
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.resolve("pagefind"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const suffix = process.platform === "win32" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${suffix}`);
    } catch {
      // Try the next build of it.
    }
  }
  throw new Error(`the search indexer (Pagefind) is not installed for ${platform}-${process.arch}; run npm ci, or build with --no-search`);
}

function run(command: string, args: string[], signal?: AbortSignal): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...(signal ? { signal } : {}) });
    let output = "";
    const keep = (chunk: Buffer) => {
      // The last lines are what explains a failure.
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) => {
      if ((error as { name?: string }).name === "AbortError") return;
      reject(new Error(`could not start the search indexer (Pagefind): ${error.message}`));
    });
    // "close", not "exit": the process has ended and its output has been read.
    child.on("close", (code) => resolve({ code, output }));
  });
}
