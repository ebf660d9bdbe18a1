import { distance } from "fastest-levenshtein";
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
      const facts = siblings.map((entry) => {
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
      // Each unordered pair once; each side that is checked gets its own warning, naming the other.
      const pairs = (onPair: (a: (typeof facts)[number], b: (typeof facts)[number]) => void, of: (typeof facts)[number][]) => {
        for (let i = 0; i < of.length; i++) for (let j = i + 1; j < of.length; j++) onPair(of[i] as (typeof facts)[number], of[j] as (typeof facts)[number]);
      };
      const byUrl = new Map<string, (typeof facts)[number][]>();
      for (const item of facts) {
        for (const url of item.facts.links.keys()) {
          const list = byUrl.get(url);
          if (list) list.push(item);
          else byUrl.set(url, [item]);
        }
      }
      for (const [url, sharing] of byUrl) {
        if (sharing.length < 2) continue;
        pairs((a, b) => {
          for (const [mine, theirs] of [
            [a, b],
            [b, a],
          ] as const) {
            const activity = mine.facts.activity;
            if (!checked.has(mine.entry.dir) || !activity) continue;
            const index = mine.facts.links.get(url) ?? 0;
            report({
              file: activity.file,
              ...activity.parsed.positions.valueAt(`/links/${index}/url`),
              severity: "warning",
              message: `links[${index}]: the same source is used by ${theirs.name}. Is it the same activity entered twice?`,
              hint: `If it is, keep one entry; if not, no change is needed.`,
            });
          }
        }, sharing);
      }
      const byLanguage = new Map<string, Array<{ item: (typeof facts)[number]; title: Title }>>();
      for (const item of facts) {
        for (const [lang, title] of item.facts.titles) {
          const list = byLanguage.get(lang);
          if (list) list.push({ item, title });
          else byLanguage.set(lang, [{ item, title }]);
        }
      }
      for (const titles of byLanguage.values()) {
        // Sorted by length, a title is only compared with those short enough apart to reach the threshold.
        titles.sort((a, b) => a.title.normal.length - b.title.normal.length);
        for (let i = 0; i < titles.length; i++) {
          const a = titles[i] as (typeof titles)[number];
          for (let j = i + 1; j < titles.length; j++) {
            const b = titles[j] as (typeof titles)[number];
            if (!couldBeSimilar(a.title.normal.length, b.title.normal.length)) break;
            if (!checked.has(a.item.entry.dir) && !checked.has(b.item.entry.dir)) continue;
            if (similarity(a.title.normal, b.title.normal) < TITLE_SIMILARITY) continue;
            for (const [mine, theirs] of [
              [a, b],
              [b, a],
            ] as const) {
              if (!checked.has(mine.item.entry.dir)) continue;
              report({
                file: mine.title.file,
                ...mine.title.position,
                severity: "warning",
                message: `The title is almost the same as that of ${theirs.item.name} ("${theirs.title.text}"). Is it the same activity entered twice?`,
              });
            }
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
