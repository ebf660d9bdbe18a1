import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The kinds of file a built site holds, in the order they are reported. */
export const SITE_FILE_TYPES = [
  "entry pages",
  "owner pages",
  "facet lists",
  "browse pages",
  "other pages",
  "API: entries",
  "API: feeds",
  "API: other",
  "search index",
  "browse index",
  "sitemap",
  "assets and schemas",
] as const;

export type SiteFileType = (typeof SITE_FILE_TYPES)[number];

/** How many files of one type and their bytes. */
export interface TypeTotal {
  files: number;
  bytes: number;
}

/** What a built site holds: HTML pages, files and bytes, in total and per type of file. */
export interface SiteSize {
  pages: number;
  files: number;
  bytes: number;
  byType: Partial<Record<SiteFileType, TypeTotal>>;
}

const LANGUAGE_PAGE = /^(?:ar|zh|en|fr|ru|es)\/(.*)$/;

/** The type of a file of the built site, from its path under the site's root ("fr/browse/topic/grooming/index.html"). */
export function siteFileType(path: string): SiteFileType {
  const page = LANGUAGE_PAGE.exec(path)?.[1];
  if (page !== undefined && path.endsWith(".html")) {
    if (/^(?:countries|organizations)\/[^/]+\/activities\//.test(page)) return "entry pages";
    if (/^(?:countries|organizations)\//.test(page)) return "owner pages";
    if (/^browse\/(?:index\.html|page\/)/.test(page)) return "browse pages";
    if (page.startsWith("browse/")) return "facet lists";
    return "other pages";
  }
  if (path.startsWith("api/v1/activities/")) return "API: entries";
  if (path.startsWith("api/v1/feeds/")) return "API: feeds";
  if (path.startsWith("api/")) return "API: other";
  if (path.startsWith("pagefind/")) return "search index";
  if (path.startsWith("browse-index/")) return "browse index";
  if (/^sitemap[^/]*\.xml$/.test(path)) return "sitemap";
  if (path.endsWith(".html")) return "other pages";
  return "assets and schemas";
}

/** Adds up files ({path under the site's root, bytes}) per type. */
export function sizeBySiteFileType(files: Iterable<{ path: string; bytes: number }>): SiteSize {
  const size: SiteSize = { pages: 0, files: 0, bytes: 0, byType: {} };
  for (const { path, bytes } of files) {
    size.files++;
    size.bytes += bytes;
    if (path.endsWith(".html")) size.pages++;
    const type = siteFileType(path);
    const total = size.byType[type] ?? { files: 0, bytes: 0 };
    size.byType[type] = total;
    total.files++;
    total.bytes += bytes;
  }
  return size;
}

/** Every file under a folder with its size, paths relative to it with "/" separators. */
export function* filesWithSizes(root: string, prefix = ""): Generator<{ path: string; bytes: number }> {
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* filesWithSizes(root, path);
    else if (entry.isFile()) yield { path, bytes: statSync(join(root, path)).size };
  }
}

/** The breakdown as lines, largest first: "entry pages  56.7 KiB/entry  5700 files  10.0 KiB/file". */
export function renderSiteSize(size: SiteSize, entries: number): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const rows = Object.entries(size.byType)
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([type, total]) => [type, `${kib(total.bytes / entries)}/entry`, `${total.files} files`, `${kib(total.bytes / total.files)}/file`]);
  rows.push(["whole site", `${kib(size.bytes / entries)}/entry`, `${size.files} files`, `${size.pages} pages`]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ")).join("\n");
}
