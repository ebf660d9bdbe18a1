import { classifyPath } from "../load/paths.ts";
import { isYouthParticipation } from "../model/queries.ts";
import type { SiteData, SiteEntry, SiteOwner } from "../model/types.ts";

/** A row of a breakdown: one region, type or topic, with its counts. */
export interface BreakdownRow {
  id: string;
  added: number;
  updated: number;
}

/** The facts of one year, in no language: what the report says, before it is written. */
export interface AnnualReport {
  year: number;
  /** False when the build had no git history: the counts are then all zero. */
  historyAvailable: boolean;
  /** Entries first added that year. */
  added: SiteEntry[];
  /** Entries that existed before and changed that year. */
  updated: SiteEntry[];
  byRegion: BreakdownRow[];
  byType: BreakdownRow[];
  byTopic: BreakdownRow[];
  contributors: Array<{ owner: SiteOwner; added: number; updated: number }>;
  /** Youth participation entries added or updated that year. */
  youth: SiteEntry[];
  /** Translations (narratives not in the original language) first added that year, by language. */
  translations: Array<{ lang: string; count: number }>;
  /** Entries in the atlas at the end of the year (all of them without history), by whether they were confirmed by then. */
  confirmation: { confirmed: number; unconfirmed: number };
}

const yearOf = (date: string | undefined) => (date ? Number(date.slice(0, 4)) : Number.NaN);

/** Counts what was added and updated in a year, by region, type, topic and contributor. Pure. */
export function computeAnnualReport(data: SiteData, year: number): AnnualReport {
  const added = data.entries.filter((e) => yearOf(e.provenance.added?.date) === year);
  const addedSet = new Set(added);
  const updated = data.entries.filter(
    (e) => !addedSet.has(e) && e.provenance.added !== undefined && (e.provenance.changes ?? []).some((change) => yearOf(change.date) === year),
  );
  const breakdown = (ids: (e: SiteEntry) => string[], order: string[]): BreakdownRow[] => {
    const rows = new Map<string, BreakdownRow>();
    const count = (entries: SiteEntry[], key: "added" | "updated") => {
      for (const entry of entries) {
        for (const id of ids(entry)) {
          const row = rows.get(id) ?? { id, added: 0, updated: 0 };
          row[key]++;
          rows.set(id, row);
        }
      }
    };
    count(added, "added");
    count(updated, "updated");
    return [...rows.values()].sort((a, b) => b.added + b.updated - (a.added + a.updated) || order.indexOf(a.id) - order.indexOf(b.id));
  };
  const vocab = (name: string) => [...data.vocabularies.get(name).terms.keys()];
  const contributors = new Map<SiteOwner, { owner: SiteOwner; added: number; updated: number }>();
  for (const [entries, key] of [
    [added, "added"],
    [updated, "updated"],
  ] as const) {
    for (const entry of entries) {
      const row = contributors.get(entry.owner) ?? { owner: entry.owner, added: 0, updated: 0 };
      row[key]++;
      contributors.set(entry.owner, row);
    }
  }
  // A translation counts in the year its file first appeared on the main line.
  const firstSeen = new Map<string, string>();
  for (const change of data.history.changes) for (const file of change.files) firstSeen.set(file, change.date);
  const translations = new Map<string, number>();
  for (const entry of data.entries) {
    for (const file of entry.files) {
      const info = classifyPath(file);
      if (info.role !== "narrative" || info.lang === entry.original) continue;
      if (yearOf(firstSeen.get(file)) === year) translations.set(info.lang, (translations.get(info.lang) ?? 0) + 1);
    }
  }
  // Entries that existed at the end of the year, and which of them had been confirmed by then.
  const existing = data.history.available ? data.entries.filter((e) => yearOf(e.provenance.added?.date) <= year) : data.entries;
  const confirmedBy = (e: SiteEntry) => (e.facts.provenance.confirmedBy ?? []).length > 0 && yearOf(e.facts.provenance.confirmedOn) <= year;
  const confirmed = existing.filter(confirmedBy).length;
  return {
    year,
    historyAvailable: data.history.available,
    confirmation: { confirmed, unconfirmed: existing.length - confirmed },
    added,
    updated,
    byRegion: breakdown((e) => e.regions, vocab("regions")),
    byType: breakdown((e) => [e.facts.type], vocab("types")),
    byTopic: breakdown((e) => e.facts.topics ?? [], vocab("topics")),
    contributors: [...contributors.values()].sort((a, b) => b.added + b.updated - (a.added + a.updated) || a.owner.id.localeCompare(b.owner.id)),
    youth: [...added, ...updated].filter(isYouthParticipation),
    translations: [...translations.entries()].map(([lang, count]) => ({ lang, count })).sort((a, b) => b.count - a.count || a.lang.localeCompare(b.lang)),
  };
}

/** The years that have a report: every year in which the data changed. */
export function reportYears(data: SiteData): number[] {
  const years = new Set<number>();
  for (const change of data.history.changes) if (change.files.some((f) => f.includes("/activities/"))) years.add(yearOf(change.date));
  return [...years].filter(Number.isFinite).sort((a, b) => b - a);
}
