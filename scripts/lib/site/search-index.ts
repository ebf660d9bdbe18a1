import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

/** The folder of the search index under the site. */
export const SEARCH_DIR = "pagefind";

/** What an index run made: pages indexed and the files written, by path under the site. */
export interface IndexedSite {
  pages: number;
  files: string[];
}

/** The pages Pagefind reads for one language: entries and profiles, not the thousands of list pages. */
const searchableGlob = (lang: string) => `${lang}/{countries,organizations}/*/{index.html,activities/*/index.html}`;
/** The same pages as `searchableGlob`, as a test of one path; its group is the language. */
const SEARCHABLE = /^([a-z]{2})\/(?:countries|organizations)\/[^/]+\/(?:index\.html|activities\/[^/]+\/index\.html)$/;

/** The language of a page Pagefind reads (see `searchableGlob`), or undefined for any other file of the site. */
export function searchableLanguage(path: string): string | undefined {
  return SEARCHABLE.exec(path)?.[1];
}

/** The folder of one language's search index, under the site. */
export function searchFolder(lang: string): string {
  return `${SEARCH_DIR}/${lang}`;
}

/**
 * Builds the Pagefind index of one language of a built site into <indexDir>/pagefind/<lang>/
 * (the site's own folder, or a staging folder that is then moved into it); the files are listed
 * relative to `indexDir`. A page searches only its own language, so each language has an index
 * of its own: the indexer holds one language's pages at a time, and a change re-indexes only the
 * languages whose pages it changed. Pagefind only indexes what is marked data-pagefind-body:
 * each entry in the languages it is written in (pages that only point to another language's
 * text are not marked), and each profile. Pagefind runs as a child process that this waits
 * for, so its time and memory count in the build's, and a failure of it fails the build.
 */
export async function indexSite(siteDir: string, indexDir: string, lang: string, signal?: AbortSignal): Promise<IndexedSite> {
  const folder = join(indexDir, searchFolder(lang));
  const args = ["--site", siteDir, "--output-path", folder, "--glob", searchableGlob(lang), "--keep-index-url", "--quiet"];
  const { code, output } = await run(pagefindBinary(), args, signal);
  if (signal?.aborted) throw new Error("the search index was interrupted");
  if (code !== 0) throw new Error(`the search indexer (Pagefind) failed with exit code ${code}: ${output.trim().split("\n").slice(-5).join(" | ")}`);
  // Pagefind also writes its own ready-made interfaces; the site has its own, so they go.
  for (const name of readdirSync(folder))
    if (/-ui\.(js|css)$/.test(name) || name === "playground") rmSync(join(folder, name), { recursive: true, force: true });
  const entry = JSON.parse(readFileSync(join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  const files = (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((file) => file.isFile())
    .map((file) => relative(indexDir, join(file.parentPath, file.name)).split("\\").join("/"))
    .sort();
  return { pages, files };
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
