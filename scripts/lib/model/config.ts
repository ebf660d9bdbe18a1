import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the site's links to the repository and its own absolute address come from. */
export interface SiteConfig {
  /** "https://github.com/owner/name", or undefined when unknown (links to files are then left out). */
  repositoryUrl: string | undefined;
  /** The branch the public data lives on, for links to files. */
  branch: string;
  /** The site's public address with a trailing slash, for feeds, the sitemap and citations. */
  siteUrl: string;
  /** The date the build stands for (feeds' `updated`, "accessed" in citations). */
  now: Date;
  /** Entries per list page (default 50, pagination.ts); tests set a small one. */
  pageSize?: number;
  /** Searchable pages of a language per part of its search index (default SEARCH_PART_PAGES, search-index.ts); tests set a small one. */
  searchPartPages?: number;
}

/** What the environment may say about the repository (all optional). */
export interface SiteEnvironment {
  /** package.json `repository`: a string or `{ url }`. */
  packageRepository?: unknown;
  /** COP_ATLAS_REPOSITORY_URL: overrides everything. */
  COP_ATLAS_REPOSITORY_URL?: string | undefined;
  /** COP_ATLAS_SITE_URL: the public address of the site. */
  COP_ATLAS_SITE_URL?: string | undefined;
  COP_ATLAS_BRANCH?: string | undefined;
  /** Set by GitHub Actions. */
  GITHUB_SERVER_URL?: string | undefined;
  GITHUB_REPOSITORY?: string | undefined;
  /** SOURCE_DATE_EPOCH: a reproducible build date, in seconds. */
  SOURCE_DATE_EPOCH?: string | undefined;
}

const FALLBACK_SITE = "https://cop-atlas.github.io/cop-atlas/";

/** Normalises "git+https://github.com/o/r.git", "github:o/r" and "o/r" to "https://github.com/o/r". */
export function normaliseRepositoryUrl(value: string): string | undefined {
  let text = value.trim();
  if (/^github:/.test(text)) text = text.slice(7);
  if (/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(text)) text = `https://github.com/${text}`;
  text = text
    .replace(/^git\+/, "")
    .replace(/\.git$/, "")
    .replace(/^git@github\.com:/, "https://github.com/");
  try {
    const url = new URL(text);
    if (url.protocol !== "https:" || url.username || url.password) return undefined;
    const path = url.pathname.replace(/\/+$/, "");
    if (!/^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(path)) return undefined;
    return `${url.origin}${path}`;
  } catch {
    return undefined;
  }
}

/** The GitHub Pages address of a github.com repository: https://owner.github.io/name/. */
export function pagesUrlOf(repositoryUrl: string): string | undefined {
  const match = /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repositoryUrl);
  if (!match) return undefined;
  const owner = match[1]!.toLowerCase();
  const name = match[2]!;
  return name.toLowerCase() === `${owner}.github.io` ? `https://${owner}.github.io/` : `https://${owner}.github.io/${name}/`;
}

/** Resolves the configuration: explicit variables first, then GitHub Actions, then package.json. */
export function resolveSiteConfig(env: SiteEnvironment, now: Date = new Date()): SiteConfig {
  const packageRepository =
    typeof env.packageRepository === "string"
      ? env.packageRepository
      : typeof (env.packageRepository as { url?: unknown } | undefined)?.url === "string"
        ? (env.packageRepository as { url: string }).url
        : undefined;
  const fromActions = env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}` : undefined;
  const repositoryUrl = [env.COP_ATLAS_REPOSITORY_URL, fromActions, packageRepository]
    .filter((value): value is string => typeof value === "string" && value !== "")
    .map(normaliseRepositoryUrl)
    .find((value) => value !== undefined);
  let siteUrl = env.COP_ATLAS_SITE_URL?.trim() || (repositoryUrl && pagesUrlOf(repositoryUrl)) || FALLBACK_SITE;
  if (!siteUrl.endsWith("/")) siteUrl += "/";
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return {
    repositoryUrl,
    branch: env.COP_ATLAS_BRANCH?.trim() || "main",
    siteUrl,
    now: Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : now,
  };
}

/** Reads package.json's `repository` field (undefined when there is none or it cannot be read). */
export function readPackageRepository(root: string): unknown {
  try {
    return (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { repository?: unknown }).repository;
  } catch {
    return undefined;
  }
}

/** The configuration of a build from a repository root and the process environment. */
export function siteConfigFor(root: string, env: Record<string, string | undefined>, now?: Date): SiteConfig {
  return resolveSiteConfig({ ...env, packageRepository: readPackageRepository(root) }, now);
}
