import { stringify } from "csv-stringify/sync";
import type { SiteData } from "../model/types.ts";
import type { Term } from "../vocab.ts";
import { neutraliseFormula } from "./csv.ts";

/** What the comparison compares countries on: a controlled list of the activity facts. */
export const COMPARE_DIMENSIONS = {
  "policy-areas": { list: "policy-areas", fact: "policyAreas" },
  "mnr-capabilities": { list: "mnr-capabilities", fact: "mnrCapabilities" },
} as const;
export type CompareDimension = keyof typeof COMPARE_DIMENSIONS;

/** One row of the comparison: a country and, per value of the dimension, how many entries concern it. */
export interface CompareRow {
  country: Term;
  /** Entries concerning the country at all. */
  total: number;
  /** Per value id, in the list's order. */
  counts: number[];
}

/**
 * Countries (all of the reference table, or one region's) against the values of a dimension:
 * each cell counts the entries that concern the country (its own and multi-country ones, as
 * the browse filter "country" does) and carry that value.
 */
export function compareMatrix(data: SiteData, dimension: CompareDimension, region?: string): CompareMatrix {
  // Each table is shown in six languages and written as CSV: counted once per build, as it goes through every entry.
  const made = madeMatrices.get(data) ?? madeMatrices.set(data, new Map()).get(data)!;
  const key = `${dimension} ${region ?? ""}`;
  let matrix = made.get(key);
  if (!matrix) {
    matrix = countMatrix(data, dimension, region);
    made.set(key, matrix);
  }
  return matrix;
}

/** The comparison of one dimension and region: shared by the callers of compareMatrix, which only read it. */
export interface CompareMatrix {
  readonly values: readonly Term[];
  readonly rows: readonly CompareRow[];
}

/** The tables counted for a build's data, by dimension and region; they go with the data. */
const madeMatrices = new WeakMap<SiteData, Map<string, CompareMatrix>>();

function countMatrix(data: SiteData, dimension: CompareDimension, region: string | undefined): CompareMatrix {
  const { list, fact } = COMPARE_DIMENSIONS[dimension];
  const values = [...data.vocabularies.get(list).terms.values()];
  const column = new Map(values.map((v, i) => [v.id, i]));
  const rows = new Map<string, CompareRow>();
  for (const country of data.vocabularies.get("countries").terms.values()) {
    if (region === undefined || country.meta?.region === region) rows.set(country.id, { country, total: 0, counts: values.map(() => 0) });
  }
  for (const entry of data.entries) {
    const ids = (entry.facts[fact] as string[] | undefined) ?? [];
    for (const code of new Set(entry.countries)) {
      const row = rows.get(code);
      if (!row) continue;
      row.total++;
      for (const id of new Set(ids)) {
        const at = column.get(id);
        if (at !== undefined) row.counts[at]!++;
      }
    }
  }
  return { values, rows: [...rows.values()].sort((a, b) => a.country.labels.en.localeCompare(b.country.labels.en, "en")) };
}

/** The comparison as CSV: ids as column names (language-neutral), one row per country. */
export function compareCsv(matrix: CompareMatrix): string {
  const header = ["iso3", "country", "region", "entries", ...matrix.values.map((v) => v.id)];
  const rows = matrix.rows.map((row) => [
    row.country.id,
    neutraliseFormula(row.country.labels.en),
    String(row.country.meta?.region ?? ""),
    String(row.total),
    ...row.counts.map(String),
  ]);
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: "\r\n" })}`;
}

/** Where the CSV of a comparison is, relative to dist/: all countries, or one region's. */
export function compareCsvPath(dimension: CompareDimension, region?: string): string {
  return region ? `api/v1/compare/${dimension}/${region}.csv` : `api/v1/compare/${dimension}.csv`;
}
