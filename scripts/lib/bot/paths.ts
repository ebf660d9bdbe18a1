import { classifyPath } from "../load/paths.ts";

/** Who an entry belongs to, for the bot: a country or an organisation, each with its own reviewers. */
export interface Unit {
  type: "country" | "org";
  id: string;
  /** "country:rwa" or "org:eu": also the label. */
  key: string;
  /** "countries/rwa" or "organizations/eu". */
  dir: string;
  profilePath: string;
}

/** What a changed path means for the bot. */
export type BotPath =
  | { kind: "profile"; unit: Unit }
  | { kind: "facts"; unit: Unit; slug: string; entryKey: string; entryDir: string }
  | { kind: "narrative"; unit: Unit; slug: string; entryKey: string; entryDir: string; lang: string }
  /** Outside countries/ and organizations/: a governance change. */
  | { kind: "governance" }
  /** Inside the data folders but not a known file: the bot cannot judge it and asks a human. */
  | { kind: "unknown"; why: string };

const COUNTRY = /^[a-z]{3}$/;
const ORG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Makes the unit of a country code or organisation id, or null when the id is not well formed. */
export function makeUnit(type: "country" | "org", id: string): Unit | null {
  if (type === "country" ? !COUNTRY.test(id) : !(ORG.test(id) && id.length <= 40)) return null;
  return type === "country"
    ? { type, id, key: `country:${id}`, dir: `countries/${id}`, profilePath: `countries/${id}/country.json` }
    : { type, id, key: `org:${id}`, dir: `organizations/${id}`, profilePath: `organizations/${id}/organization.json` };
}

/** Parses a unit key ("country:rwa") back into a unit. */
export function unitFromKey(key: string): Unit | null {
  const match = /^(country|org):(.+)$/.exec(key);
  return match ? makeUnit(match[1] as "country" | "org", match[2] as string) : null;
}

/**
 * Classifies a repository path for the bot. Stricter than the layout classifier: a folder name
 * that is not a well-formed code, slug or language is "unknown", so it can never become a label
 * or an API path.
 */
export function classifyBotPath(path: string): BotPath {
  const info = classifyPath(path);
  switch (info.role) {
    case "outside":
      return { kind: "governance" };
    case "data-other":
    case "owner-other":
    case "entry-other":
      return { kind: "unknown", why: "not a file of the data layout" };
    default: {
      const unit = makeUnit(info.owner.type === "country" ? "country" : "org", info.owner.id);
      if (!unit) return { kind: "unknown", why: "not a well-formed country code or organisation id" };
      if (info.role === "profile") return { kind: "profile", unit };
      if (!SLUG.test(info.slug) || info.slug.length > 100) return { kind: "unknown", why: "not a well-formed entry folder name" };
      const entryKey = `${unit.key}/${info.slug}`;
      const entryDir = `${unit.dir}/activities/${info.slug}`;
      if (info.role === "activity") return { kind: "facts", unit, slug: info.slug, entryKey, entryDir };
      if (!LANG.test(info.lang)) return { kind: "unknown", why: "not a well-formed language code" };
      return { kind: "narrative", unit, slug: info.slug, entryKey, entryDir, lang: info.lang };
    }
  }
}

/** The paths a change touches: both sides of a rename. */
export function touchedPaths(file: { path: string; previousPath?: string }): string[] {
  return file.previousPath && file.previousPath !== file.path ? [file.previousPath, file.path] : [file.path];
}
