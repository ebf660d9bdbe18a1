import { distance } from "fastest-levenshtein";
import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageValue } from "../i18n/messages.ts";
import { permalink } from "../load/paths.ts";
import { type Dataset, type Entry, isObject } from "../validate/dataset.ts";
import { normaliseUrl } from "./links.ts";
import type { Rule } from "./rule.ts";

/** Titles this similar (1 = identical after normalising) are probably the same activity. */
const TITLE_SIMILARITY = 0.9;

/** No activity is entered twice in the same country or organisation. */
export const duplicates: Rule = {
  id: "duplicates",
  description:
    "Within one country or organisation, two entries do not share a source link or a near-identical title in the same language (a warning: it may be the same activity entered twice).",
  check(dataset, report) {
    const byOwner = new Map<string, Entry[]>();
    for (const entry of dataset.entries) {
      const list = byOwner.get(entry.owner.dir);
      if (list) list.push(entry);
      else byOwner.set(entry.owner.dir, [entry]);
    }
    for (const targets of byOwner.values()) {
      const owner = targets[0]?.owner;
      if (!owner) continue;
      const checked = new Set(targets.map((entry) => entry.dir));
      const siblings = dataset.entriesOf(owner);
      for (const entry of targets) if (!siblings.some((sibling) => sibling.dir === entry.dir)) siblings.push(entry);
      const facts: Item[] = siblings.map((entry) => {
        const name = permalink(entry.owner, entry.slug);
        if (checked.has(entry.dir)) {
          const full = factsOf(dataset, entry);
          // Indexed too, so that a whole run leaves the index a later --changed run reads.
          dataset.entryFact(FACT, entry, () => summaryOf(full));
          return { entry, name, facts: full };
        }
        // A sibling that is not checked is only compared with: its titles and links, from the index when its files are unchanged.
        return {
          entry,
          name,
          facts: fromSummary(
            entry,
            dataset.entryFact(FACT, entry, () => summaryOf(factsOf(dataset, entry))),
          ),
        };
      });
      const byUrl = new Map<string, Item[]>();
      for (const item of facts) {
        for (const url of item.facts.links.keys()) {
          const list = byUrl.get(url);
          if (list) list.push(item);
          else byUrl.set(url, [item]);
        }
      }
      // One warning per entry and shared link, naming a few of the others: a thousand copies of
      // an entry give a thousand warnings, not a million.
      for (const [url, sharing] of byUrl) {
        if (sharing.length < 2) continue;
        for (const mine of sharing) {
          const activity = mine.facts.activity;
          if (!checked.has(mine.entry.dir) || !activity) continue;
          const index = mine.facts.links.get(url) ?? 0;
          const others = sharing.filter((item) => item !== mine);
          report({
            file: activity.file,
            ...activity.parsed.positions.valueAt(`/links/${index}/url`),
            severity: "warning",
            ...catalogText(
              { key: "duplicates.sharedLink", values: { field: `links[${index}]`, other: someOf(others.map((item) => item.name)) } },
              { key: "duplicates.hint" },
            ),
          });
        }
      }
      const byLanguage = new Map<string, Array<{ item: Item; title: Title }>>();
      for (const item of facts) {
        for (const [lang, title] of item.facts.titles) {
          const list = byLanguage.get(lang);
          if (list) list.push({ item, title });
          else byLanguage.set(lang, [{ item, title }]);
        }
      }
      for (const titles of byLanguage.values()) {
        // Equal titles are compared once: copies of one entry cost one comparison, not one per pair.
        const groups = new Map<string, Array<{ item: Item; title: Title }>>();
        for (const one of titles) {
          const group = groups.get(one.title.normal);
          if (group) group.push(one);
          else groups.set(one.title.normal, [one]);
        }
        const normals = [...groups.keys()].sort((a, b) => a.length - b.length);
        const similar = new Map<string, string[]>(normals.map((normal) => [normal, [normal]]));
        const wanted = new Set(normals.filter((normal) => groups.get(normal)?.some((one) => checked.has(one.item.entry.dir))));
        // Sorted by length, a title is only compared with those short enough apart to reach the threshold.
        for (let i = 0; i < normals.length; i++) {
          const a = normals[i] as string;
          for (let j = i + 1; j < normals.length; j++) {
            const b = normals[j] as string;
            if (!couldBeSimilar(a.length, b.length)) break;
            if (!wanted.has(a) && !wanted.has(b)) continue;
            if (similarity(a, b) < TITLE_SIMILARITY) continue;
            similar.get(a)?.push(b);
            similar.get(b)?.push(a);
          }
        }
        for (const [normal, group] of groups) {
          const near = (similar.get(normal) ?? []).flatMap((other) => groups.get(other) ?? []);
          if (near.length < 2) continue;
          for (const mine of group) {
            if (!checked.has(mine.item.entry.dir)) continue;
            const others = near.filter((other) => other !== mine);
            const first = others[0] as (typeof others)[number];
            report({
              file: mine.title.file,
              ...mine.title.position,
              severity: "warning",
              ...(others.length === 1
                ? catalogText({ key: "duplicates.similarTitle", values: { other: first.item.name, title: first.title.text } })
                : catalogText({ key: "duplicates.similarTitles", values: { others: someOf(others.map((other) => other.item.name)) } })),
            });
          }
        }
      }
    }
  },
};

/** The name of this rule's facts in the facts index. */
const FACT = "duplicates";

/** What the index keeps of an entry for this rule: its normalised links and titles. */
interface FactsSummary {
  links: Array<[string, number]>;
  titles: Array<[string, string, string]>;
}

function summaryOf(facts: Facts): FactsSummary {
  return { links: [...facts.links], titles: [...facts.titles].map(([lang, title]) => [lang, title.text, title.normal]) };
}

/** The facts of a sibling that is not checked: nothing is reported on it, so its titles need no position. */
function fromSummary(entry: Entry, summary: FactsSummary): Facts {
  return {
    activity: undefined,
    links: new Map(summary.links),
    titles: new Map(summary.titles.map(([lang, text, normal]) => [lang, { text, normal, file: `${entry.dir}/${lang}.md`, position: { line: 1, column: 1 } }])),
  };
}

type Item = { entry: Entry; name: string; facts: Facts };

/** "a", "a and b", "a, b and c", or the first three and how many more: a warning stays one readable line however many entries share it. */
/** "a, b and c", or the first three "and 4 more entries", in the reader's language. */
function someOf(names: readonly string[]): MessageValue {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= 3) return { key: "duplicates.list", values: { names: names.slice(0, -1).join(", "), last: names.at(-1) ?? "" } };
  return { key: "duplicates.listMore", values: { names: names.slice(0, 3).join(", "), count: names.length - 3 } };
}

type Title = { text: string; normal: string; file: string; position: { line: number; column: number } };

interface Facts {
  activity: ReturnType<Dataset["activity"]>;
  links: Map<string, number>;
  titles: Map<string, Title>;
}

function factsOf(dataset: Dataset, entry: Entry): Facts {
  const activity = dataset.activity(entry);
  const links = new Map<string, number>();
  const list = activity?.value?.links;
  if (Array.isArray(list)) {
    list.forEach((link, index) => {
      const url = isObject(link) ? link.url : undefined;
      if (typeof url === "string" && !links.has(normaliseUrl(url))) links.set(normaliseUrl(url), index);
    });
  }
  const titles: Facts["titles"] = new Map();
  for (const [lang, narrative] of dataset.narratives(entry)) {
    const value = narrative.frontmatter?.value;
    const title = isObject(value) ? value.title : undefined;
    if (typeof title === "string" && narrative.frontmatter) {
      titles.set(lang, { text: title, normal: normaliseTitle(title), file: narrative.file, position: narrative.frontmatter.positions.valueAt("/title") });
    }
  }
  return { activity, links, titles };
}

function normaliseTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Whether two strings of these lengths can reach the title threshold at all: the edit distance
 * is at least the difference in length, so this bound skips the Levenshtein for the same hits.
 */
export function couldBeSimilar(shorter: number, longer: number): boolean {
  const longest = Math.max(shorter, longer);
  return longest === 0 || 1 - Math.abs(longer - shorter) / longest >= TITLE_SIMILARITY;
}

/** 1 for identical strings, 0 for nothing in common (normalised edit distance). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
