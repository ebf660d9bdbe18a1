import { posix } from "node:path";

/** Who an entry belongs to: a country (ISO alpha-3, lower case) or an organisation id. */
export interface Owner {
  type: "country" | "organization";
  id: string;
  /** "countries/rwa" or "organizations/eu". */
  dir: string;
}

/** What a path is in the data layout (DESIGN.md, "Layout"). */
export type PathInfo =
  | { role: "profile"; owner: Owner }
  | { role: "activity"; owner: Owner; slug: string; entryDir: string }
  | { role: "narrative"; owner: Owner; slug: string; entryDir: string; lang: string }
  | { role: "entry-other"; owner: Owner; slug: string; entryDir: string; name: string }
  | { role: "owner-other"; owner: Owner; rest: string }
  | { role: "data-other" }
  | { role: "outside" };

export const DATA_ROOTS = ["countries", "organizations"] as const;

export const PROFILE_FILE = { country: "country.json", organization: "organization.json" } as const;

/** Classifies a repository-relative path (forward slashes) without touching the disk. */
export function classifyPath(path: string): PathInfo {
  const parts = path.split("/");
  const [top, ownerId, third, slug, name, ...deeper] = parts;
  if (top !== "countries" && top !== "organizations") return { role: "outside" };
  if (!ownerId || parts.length < 3) return { role: "data-other" };
  const owner: Owner = { type: top === "countries" ? "country" : "organization", id: ownerId, dir: `${top}/${ownerId}` };
  if (parts.length === 3 && third === PROFILE_FILE[owner.type]) return { role: "profile", owner };
  if (third === "activities" && slug && name && deeper.length === 0) {
    const entryDir = `${owner.dir}/activities/${slug}`;
    if (name === "activity.json") return { role: "activity", owner, slug, entryDir };
    const narrative = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/.exec(name);
    if (narrative?.[1]) return { role: "narrative", owner, slug, entryDir, lang: narrative[1] };
    return { role: "entry-other", owner, slug, entryDir, name };
  }
  return { role: "owner-other", owner, rest: parts.slice(2).join("/") };
}

/** The permalink of an entry: "rwa/national-cop-policy-2019". */
export function permalink(owner: Owner, slug: string): string {
  return `${owner.id}/${slug}`;
}

/**
 * A path given to check, as a repository-relative path with forward slashes, or undefined when it
 * leaves the repository (absolute, or climbing out with ..): such a path is refused before anything is opened.
 */
export function repositoryPath(given: string): string | undefined {
  const path = posix.normalize(given.replace(/\\/g, "/"));
  if (path === ".." || path.startsWith("../") || path.startsWith("/") || /^[A-Za-z]:/.test(path)) return undefined;
  return path.replace(/^\.(\/|$)/, "").replace(/\/+$/, "");
}
