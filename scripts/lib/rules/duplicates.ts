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
    for (const entry of dataset.entries) byOwner.set(entry.owner.dir, [...(byOwner.get(entry.owner.dir) ?? []), entry]);
    for (const targets of byOwner.values()) {
      const owner = targets[0]?.owner;
      if (!owner) continue;
      const siblings = dataset.entriesOf(owner);
      const facts = new Map(siblings.map((entry) => [entry.dir, factsOf(dataset, entry)]));
      for (const entry of targets) {
        const mine = facts.get(entry.dir) ?? factsOf(dataset, entry);
        for (const other of siblings) {
          if (other.dir === entry.dir) continue;
          const theirs = facts.get(other.dir);
          if (!theirs) continue;
          const name = permalink(other.owner, other.slug);
          for (const [url, index] of mine.links) {
            if (theirs.links.has(url) && mine.activity) {
              report({
                file: mine.activity.file,
                ...mine.activity.parsed.positions.valueAt(`/links/${index}/url`),
                severity: "warning",
                message: `links[${index}]: the same source is used by ${name}. Is it the same activity entered twice?`,
                hint: `If it is, keep one entry; if not, no change is needed.`,
              });
            }
          }
          for (const [lang, title] of mine.titles) {
            const theirTitle = theirs.titles.get(lang);
            if (theirTitle && similarity(title.normal, theirTitle.normal) >= TITLE_SIMILARITY) {
              report({
                file: title.file,
                ...title.position,
                severity: "warning",
                message: `The title is almost the same as that of ${name} ("${theirTitle.text}"). Is it the same activity entered twice?`,
              });
            }
          }
        }
      }
    }
  },
};

interface Facts {
  activity: ReturnType<Dataset["activity"]>;
  links: Map<string, number>;
  titles: Map<string, { text: string; normal: string; file: string; position: { line: number; column: number } }>;
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

/** 1 for identical strings, 0 for nothing in common (normalised edit distance). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
