import type { SiteEntry, SiteNarrative } from "./types.ts";

/** Newest first: by the date it was added to the repository, then by start date, then by permalink. */
export function compareLatest(a: SiteEntry, b: SiteEntry): number {
  const added = (e: SiteEntry) => e.provenance.added?.date ?? "";
  return added(b).localeCompare(added(a)) || (b.facts.start ?? "").localeCompare(a.facts.start ?? "") || a.permalink.localeCompare(b.permalink);
}

/** The narrative to show a reader of `lang`: theirs when it exists, otherwise the original. */
export function narrativeFor(entry: SiteEntry, lang: string): SiteNarrative {
  return entry.narratives.get(lang) ?? entry.narratives.get(entry.original)!;
}

/** The facets an entry can be filtered by. */
export const FACETS = [
  "country",
  "region",
  "kind",
  "type",
  "topic",
  "audience",
  "policy-area",
  "mnr-capability",
  "level",
  "status",
  "year",
  "language",
  "confirmation",
] as const;
export type Facet = (typeof FACETS)[number];

/** The vocabulary behind each facet (undefined: the values are years). */
export const FACET_LIST: Record<Facet, string | undefined> = {
  country: "countries",
  region: "regions",
  kind: "kinds",
  type: "types",
  topic: "topics",
  audience: "audiences",
  "policy-area": "policy-areas",
  "mnr-capability": "mnr-capabilities",
  level: "levels",
  status: "statuses",
  year: undefined,
  language: "languages",
  confirmation: "confirmation",
};

/** The values of each facet for an entry (what the browse filters match). */
export function facetValues(entry: SiteEntry): Record<Facet, string[]> {
  return {
    country: entry.countries,
    region: entry.regions,
    kind: [entry.facts.kind],
    type: [entry.facts.type],
    topic: entry.facts.topics ?? [],
    audience: entry.facts.audiences ?? [],
    "policy-area": entry.facts.policyAreas ?? [],
    "mnr-capability": entry.facts.mnrCapabilities ?? [],
    level: [entry.facts.level],
    status: entry.facts.status ? [entry.facts.status] : [],
    year: entry.year === undefined ? [] : [String(entry.year)],
    language: [...entry.narratives.keys()].sort(),
    confirmation: [confirmationOf(entry)],
  };
}

/** Whether any country or organisation the entry concerns has confirmed it. */
export function confirmationOf(entry: SiteEntry): "confirmed" | "unconfirmed" {
  return (entry.facts.provenance.confirmedBy ?? []).length > 0 ? "confirmed" : "unconfirmed";
}

/** Youth consultations and the activities in which children take part. */
export function isYouthParticipation(entry: SiteEntry): boolean {
  return (
    entry.facts.type === "youth-participation" ||
    (entry.facts.policyAreas ?? []).includes("child-participation") ||
    (entry.facts.mnrCapabilities ?? []).includes("child-participation")
  );
}
