import transliterate from "@sindresorhus/transliterate";
import { pinyin } from "pinyin-pro";
import { stringify } from "yaml";
import { loadCatalog, type SchemaCatalog } from "../schema/catalog.ts";

/** The facts of a new entry, every value already checked against the vocabularies. */
export interface EntryDraft {
  /** ISO 3166-1 alpha-3 in capitals, a value of schemas/vocab/countries.json. */
  country: string;
  /** kebab-case folder name: the permalink. */
  slug: string;
  /** activity.json, in any key order: {@link renderActivityJson} puts it in the schema's order. */
  activity: Record<string, unknown>;
  narrative: { lang: string; title: string; summary: string; body: string; officialTitles?: string[] };
}

/** A file to create, by repository-relative path. */
export interface EntryFile {
  path: string;
  text: string;
}

/** The folder-name rule of the layout rule: lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/** True for a folder name the layout rule accepts; such a name cannot climb out of its folder. */
export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/**
 * Letters of Cyrillic alphabets of the CIS region that the transliteration library leaves out
 * (Kazakh, Kyrgyz, Uzbek, Tajik, Bashkir), in their usual Latin forms.
 */
const EXTRA_CYRILLIC: Array<[string, string]> = Object.entries({
  ә: "a",
  ғ: "g",
  қ: "q",
  ң: "ng",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
  ў: "o",
  ҳ: "h",
  ӣ: "i",
  ӯ: "u",
  ҷ: "j",
  ҫ: "s",
  ҙ: "z",
}).flatMap(
  ([lower, latin]): Array<[string, string]> => [
    [lower, latin],
    [lower.toUpperCase(), latin.toUpperCase()],
  ],
);

/**
 * A title in Latin letters: Chinese characters become Hanyu Pinyin without tones, one syllable
 * per word ("儿童在线保护" → "er tong zai xian bao hu"); Cyrillic, Arabic, Greek and accented
 * letters are transliterated ("Закон о защите детей" → "Zakon o zaschite detey").
 */
export function romanize(text: string): string {
  const withPinyin = text.replace(/\p{Script=Han}+/gu, (run) => ` ${pinyin(run, { toneType: "none", type: "array" }).join(" ").replace(/ü/g, "u")} `);
  return transliterate(withPinyin, { customReplacements: EXTRA_CYRILLIC });
}

/**
 * A permalink from a title and a year, in readable Latin whatever the title's script:
 * "National COP Policy" + "2019" → national-cop-policy-2019, "Закон о защите детей" + "2010" →
 * zakon-o-zaschite-detey-2010. A title with no word of three letters or more (a bare year or
 * number, "№ 436") gives "", and the caller then asks for a short name.
 */
export function deriveSlug(title: string, year: string): string {
  let words = romanize(title)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/[a-z]{3}/.test(words)) return "";
  if (words.length > 60) words = words.slice(0, 60).replace(/-[^-]*$/, "") || words.slice(0, 60);
  const safeYear = /^[12][0-9]{3}$/.test(year) ? year : "";
  if (safeYear === "" || words.endsWith(safeYear)) return words;
  return `${words}-${safeYear}`;
}

/** The folder of an entry. Only call it with a validated country code and slug. */
export function entryDir(country: string, slug: string): string {
  return `countries/${country.toLowerCase()}/activities/${slug}`;
}

/** The key orders of the schema's objects: activity.json's top level and its nested objects. */
export interface KeyOrder {
  activity: string[];
  nested: Record<string, string[]>;
}

/**
 * The key order from the catalog: the properties of activity.schema.json, and for the
 * properties that hold objects (lead, links, contact ...) the properties of their definition.
 */
export function keyOrderOf(catalog: SchemaCatalog): KeyOrder {
  const file = "activity.schema.json";
  const activity = catalog.schemaOf("activity");
  const keysOf = (schema: Record<string, unknown> | undefined, from: string): string[] | undefined => {
    const ref = schema?.$ref ?? (schema?.items as { $ref?: unknown } | undefined)?.$ref;
    if (typeof ref !== "string") return undefined;
    const target = catalog.resolve(ref, from);
    if (target.vocabulary) return undefined;
    const properties = target.schema.properties;
    if (properties && typeof properties === "object") return Object.keys(properties);
    return keysOf(target.schema, target.file);
  };
  const properties = (activity.properties ?? {}) as Record<string, Record<string, unknown>>;
  const nested: Record<string, string[]> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const keys = keysOf(schema, file);
    if (keys) nested[key] = keys;
  }
  return { activity: Object.keys(properties), nested };
}

/** The key order of the repository at `root`. */
export function readKeyOrder(root: string): KeyOrder {
  return keyOrderOf(loadCatalog(root));
}

function ordered(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) if (value[key] !== undefined) result[key] = value[key];
  // Keys the schema does not know stay, at the end: the validator reports them; nothing is lost.
  for (const key of Object.keys(value)) if (!(key in result) && value[key] !== undefined) result[key] = value[key];
  return result;
}

/** activity.json text: keys in the schema's order, two-space indent, a final newline. */
export function renderActivityJson(activity: Record<string, unknown>, order: KeyOrder): string {
  const top = ordered(activity, order.activity);
  for (const [key, keys] of Object.entries(order.nested)) {
    const value = top[key];
    if (Array.isArray(value)) top[key] = value.map((item) => (isPlainObject(item) ? ordered(item, keys) : item));
    else if (isPlainObject(value)) top[key] = ordered(value, keys);
  }
  return `${JSON.stringify(top, null, 2)}\n`;
}

/** <lang>.md text: YAML frontmatter (title, summary, official titles; quoted where YAML needs it), then the Markdown body. */
export function renderNarrative(title: string, summary: string, body: string, officialTitles: readonly string[] = []): string {
  const frontmatter = officialTitles.length > 0 ? { title, summary, officialTitles: [...officialTitles] } : { title, summary };
  const yaml = stringify(frontmatter, { lineWidth: 0, minContentWidth: 0 });
  const text = body.replace(/\r\n?/g, "\n").trim();
  return `---\n${yaml}---\n${text === "" ? "" : `\n${text}\n`}`;
}

/** The sections a narrative starts with, for `npm run new`: the story's shape, to be filled in. */
export const NARRATIVE_SECTIONS = "## Context\n\n## What was done\n\n## Results\n\n## Lessons learned\n";

/** country.json for a country that has no folder yet: its ITU-D region and no reviewers (the secretariat adds them). */
export function renderCountryProfile(region: string): string {
  return `${JSON.stringify({ region, reviewers: [] }, null, 2)}\n`;
}

/** The files of an entry: activity.json and the narrative in its original language. */
export function entryFiles(draft: EntryDraft, order: KeyOrder): EntryFile[] {
  const dir = entryDir(draft.country, draft.slug);
  return [
    { path: `${dir}/activity.json`, text: renderActivityJson(draft.activity, order) },
    {
      path: `${dir}/${draft.narrative.lang}.md`,
      text: renderNarrative(draft.narrative.title, draft.narrative.summary, draft.narrative.body, draft.narrative.officialTitles),
    },
  ];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
