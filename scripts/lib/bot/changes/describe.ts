import { diffWords } from "diff";
import type { Vocabularies } from "../../vocab.ts";

/** One <lang>.md as the change description needs it. */
export interface NarrativeSnapshot {
  title: string;
  summary: string;
  body: string;
  /** The narrative's fingerprint (what a translation's `translation.version` names); null when unknown. */
  version: string | null;
  translation: { from: string; version: string } | null;
}

/** An entry on one side of a pull request: null on the side where it does not exist. */
export interface EntrySnapshot {
  activity: Record<string, unknown>;
  narratives: Record<string, NarrativeSnapshot>;
}

/** One changed fact, as text a reviewer reads: vocabulary values with their labels. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface LinkChange {
  url: string;
  type: string;
}

export interface NarrativeChange {
  lang: string;
  status: "added" | "removed" | "changed";
  /** Which parts changed: title, summary, text. */
  parts: string[];
  wordsAdded: number;
  wordsRemoved: number;
}

/** What a pull request changes in one entry. */
export interface EntryChange {
  status: "added" | "removed" | "modified";
  fields: FieldChange[];
  linksAdded: LinkChange[];
  linksRemoved: LinkChange[];
  narratives: NarrativeChange[];
  /** Translations that matched their original before and no longer do. */
  outOfDate: string[];
}

/**
 * Which vocabulary each activity.json property takes its values from ("topics" → topics,
 * "policyAreas" → policy-areas), read from the schema's $refs so that a new list needs no code.
 */
export function vocabularyProperties(activitySchema: unknown): Record<string, string> {
  const properties = (activitySchema as { properties?: Record<string, { $ref?: string; items?: { $ref?: string } }> })?.properties ?? {};
  const result: Record<string, string> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const ref = schema.$ref ?? schema.items?.$ref;
    const list = /^vocab\/([a-z-]+)\.json$/.exec(ref ?? "")?.[1] ?? (ref?.endsWith("#/$defs/countryCode") ? "countries" : undefined);
    if (list) result[key] = list;
  }
  return result;
}

/**
 * Describes what changed in one entry between the base and the head of a pull request: facts
 * (old → new), sources added and removed, narratives with a word count, and the translations
 * the change left out of date. Pure: the snapshots are read by the caller.
 */
export function describeEntryChange(
  base: EntrySnapshot | null,
  head: EntrySnapshot | null,
  vocabularies: Vocabularies,
  lists: Record<string, string>,
): EntryChange {
  const before = base?.activity ?? {};
  const after = head?.activity ?? {};
  const label = (list: string | undefined, value: unknown): string => {
    if (typeof value !== "string") return short(value);
    const term = list ? vocabularies.lists.get(list)?.terms.get(value) : undefined;
    return term ? `${term.labels.en} (${value})` : value;
  };
  const fields: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== "links");
  for (const key of keys) {
    const old = before[key];
    const now = after[key];
    if (canonical(old) === canonical(now)) continue;
    const list = lists[key];
    if (Array.isArray(old) || Array.isArray(now)) {
      const oldItems = Array.isArray(old) ? old : [];
      const newItems = Array.isArray(now) ? now : [];
      const removed = oldItems.filter((item) => !newItems.some((other) => canonical(other) === canonical(item)));
      const added = newItems.filter((item) => !oldItems.some((other) => canonical(other) === canonical(item)));
      for (const item of removed) fields.push({ field: key, before: itemText(list, item, label), after: null });
      for (const item of added) fields.push({ field: key, before: null, after: itemText(list, item, label) });
      if (removed.length === 0 && added.length === 0) fields.push({ field: `${key} (order)`, before: null, after: null });
    } else if (isObject(old) || isObject(now)) {
      const inner = [...new Set([...Object.keys(isObject(old) ? old : {}), ...Object.keys(isObject(now) ? now : {})])];
      for (const name of inner) {
        const o = isObject(old) ? old[name] : undefined;
        const n = isObject(now) ? now[name] : undefined;
        if (canonical(o) !== canonical(n))
          fields.push({ field: `${key}.${name}`, before: o === undefined ? null : short(o), after: n === undefined ? null : short(n) });
      }
    } else fields.push({ field: key, before: old === undefined ? null : label(list, old), after: now === undefined ? null : label(list, now) });
  }

  const links = (activity: Record<string, unknown>) =>
    (Array.isArray(activity.links) ? activity.links : []).filter(isObject).map((link) => ({ url: String(link.url ?? ""), type: String(link.type ?? "") }));
  const oldLinks = links(before);
  const newLinks = links(after);
  const typeLabel = (type: string) => vocabularies.lists.get("link-types")?.terms.get(type)?.labels.en ?? type;
  const linksAdded = newLinks.filter((link) => !oldLinks.some((other) => other.url === link.url)).map((link) => ({ ...link, type: typeLabel(link.type) }));
  const linksRemoved = oldLinks.filter((link) => !newLinks.some((other) => other.url === link.url)).map((link) => ({ ...link, type: typeLabel(link.type) }));
  for (const link of newLinks) {
    const old = oldLinks.find((other) => other.url === link.url);
    if (old && old.type !== link.type) fields.push({ field: `links (${link.url})`, before: typeLabel(old.type), after: typeLabel(link.type) });
  }

  const narratives: NarrativeChange[] = [];
  const languages = [...new Set([...Object.keys(base?.narratives ?? {}), ...Object.keys(head?.narratives ?? {})])].sort();
  for (const lang of languages) {
    const old = base?.narratives[lang];
    const now = head?.narratives[lang];
    const parts = (["title", "summary", "body"] as const).filter((part) => (old?.[part] ?? "") !== (now?.[part] ?? ""));
    if (parts.length === 0) continue;
    const counts = countWords(
      `${old?.title ?? ""}\n${old?.summary ?? ""}\n${old?.body ?? ""}`,
      `${now?.title ?? ""}\n${now?.summary ?? ""}\n${now?.body ?? ""}`,
      lang,
    );
    narratives.push({
      lang,
      status: old === undefined ? "added" : now === undefined ? "removed" : "changed",
      parts: parts.map((part) => (part === "body" ? "text" : part)),
      ...counts,
    });
  }

  const outOfDate: string[] = [];
  for (const [lang, now] of Object.entries(head?.narratives ?? {})) {
    if (!now.translation) continue;
    const original = head?.narratives[now.translation.from];
    if (!original?.version || original.version === now.translation.version) continue;
    const old = base?.narratives[lang];
    const oldOriginal = old?.translation ? base?.narratives[old.translation.from] : undefined;
    // Only what this change made out of date: a translation already behind before is not news.
    const wasCurrent = old?.translation !== undefined && old.translation !== null && oldOriginal?.version === old.translation.version;
    if (wasCurrent || old === undefined) outOfDate.push(lang);
  }
  outOfDate.sort();

  return { status: base === null ? "added" : head === null ? "removed" : "modified", fields, linksAdded, linksRemoved, narratives, outOfDate };
}

/** Words added and removed between two texts, words as the language segments them (Chinese has no spaces). */
export function countWords(before: string, after: string, lang: string): { wordsAdded: number; wordsRemoved: number } {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang, { granularity: "word" });
  } catch {
    segmenter = new Intl.Segmenter("en", { granularity: "word" });
  }
  const words = (text: string) => [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const part of diffWords(before, after, { intlSegmenter: segmenter })) {
    if (part.added) wordsAdded += words(part.value);
    else if (part.removed) wordsRemoved += words(part.value);
  }
  return { wordsAdded, wordsRemoved };
}

function itemText(list: string | undefined, item: unknown, label: (list: string | undefined, value: unknown) => string): string {
  if (isObject(item) && typeof item.name === "string") return `${item.name}${typeof item.acronym === "string" ? ` (${item.acronym})` : ""}`;
  return label(list, item);
}

function short(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function canonical(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
