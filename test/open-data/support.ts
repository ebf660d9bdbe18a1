import Papa from "papaparse";
import { expect } from "vitest";
import type { SiteConfig } from "../../scripts/lib/model/config.ts";
import type { SiteEntry, SiteNarrative } from "../../scripts/lib/model/types.ts";

/** The text of a synthetic entry that the open-data tests fill with hostile values. */
export interface EntryValues {
  owner: string;
  title: string;
  summary: string;
  lead: string[];
  partners: string[];
  links: string[];
  /** Extra narratives by language (the original is "en"). */
  translations?: Record<string, { title: string; summary: string }>;
}

/** A minimal site entry with the given text: only what the CSV and feed writers read. Synthetic, for tests only. */
export function siteEntry(index: number, values: EntryValues): SiteEntry {
  const narrative = (lang: string, title: string, summary: string): SiteNarrative => ({
    lang,
    title,
    summary,
    body: "",
    status: lang === "en" ? "original" : "human",
    outOfDate: false,
  });
  const narratives = new Map([["en", narrative("en", values.title, values.summary)]]);
  for (const [lang, text] of Object.entries(values.translations ?? {})) narratives.set(lang, narrative(lang, text.title, text.summary));
  const names = { ar: values.owner, zh: values.owner, en: values.owner, fr: values.owner, ru: values.owner, es: values.owner };
  return {
    owner: { type: "organization", id: `org-${index}`, dir: `organizations/org-${index}`, names, entries: [], links: [] },
    slug: `entry-${index}`,
    permalink: `org-${index}/entry-${index}`,
    dir: `organizations/org-${index}/activities/entry-${index}`,
    facts: {
      kind: "activity",
      type: "research",
      level: "international",
      status: "active",
      start: "2020",
      links: values.links.map((url) => ({ url, type: "official" })),
      originalLanguage: "en",
      lead: values.lead.map((name) => ({ name })),
      partners: values.partners.map((name) => ({ name })),
      topics: ["grooming", "cyberbullying"],
      provenance: { compiledBy: "editors", confirmedBy: ["ken", "org-1"], confirmedOn: "2026-01-01" },
    },
    narratives,
    original: "en",
    year: 2020,
    countries: [],
    regions: [],
    provenance: {},
    files: [],
  } as unknown as SiteEntry;
}

/** The site configuration the open-data tests build with. */
export const TEST_CONFIG = { siteUrl: "https://example.github.io/cop-atlas/", now: new Date("2026-01-01T00:00:00Z") } as SiteConfig;

/**
 * Parses the CSV the strict way: RFC 4180 quoting, CRLF rows, nothing guessed. Spreadsheet programs
 * and CSV libraries also end a row at a lone CR or LF, so the text must split into the same rows
 * and columns when read with either of those as the row end: only then does no reader split a row.
 */
export function parseStrict(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  const body = csv.slice(1, -2);
  const parse = (newline: "\r\n" | "\n" | "\r") =>
    Papa.parse<string[]>(body, { delimiter: ",", newline, quoteChar: '"', header: false, skipEmptyLines: false });
  const parsed = parse("\r\n");
  expect(parsed.errors).toEqual([]);
  for (const newline of ["\n", "\r"] as const) {
    const other = parse(newline).data;
    expect(other.length, `rows when a reader ends rows at ${JSON.stringify(newline)}`).toBe(parsed.data.length);
    expect(other.map((row) => row.length)).toEqual(parsed.data.map((row) => row.length));
  }
  return parsed.data;
}
