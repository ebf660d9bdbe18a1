import { SITE_FILE_TYPES, type SiteSize } from "./site-bytes.ts";

/** The whole-process measurements the benchmark takes at each repository size. */
export const MEASURES = {
  validateCold: "npm run validate, cold (no result cache)",
  validateWarm: "npm run validate, warm (cache kept)",
  changed: "npm run validate -- --changed, one entry edited, not committed",
  changedRange: "npm run validate -- --changed base...HEAD, one entry committed (a pull request's check)",
  schemaPass: "validator's schema pass alone (activity.json)",
  ajv: "baseline: ajv-cli, same activity.json, same schemas",
  naiveMarkdown: "baseline: unified + remark-gfm parse of every narrative",
  buildCold: "npm run build, cold (search included)",
  rebuild: "npm run build after one edited entry",
  eleventy: "baseline: Eleventy rendering the same narratives",
} as const;

export type MeasureId = keyof typeof MEASURES;

/** One whole-process measurement, repeated: every run and the medians. */
export interface MeasureSummary {
  runs: Array<{ wallMs: number; cpuMs: number; peakRssBytes: number; processes: number; leftRunning: number; leftRunningNames: string[] }>;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  /** Most processes seen in one run's tree. */
  processes: number;
  /** Most processes one run left running after it exited. */
  leftRunning: number;
}

/** Everything measured on one generated repository. */
export interface SizeResult {
  entries: number;
  files: number;
  narratives: number;
  measures: Partial<Record<MeasureId, MeasureSummary>>;
  /** What the cold build wrote, with its bytes per type of file when measured. */
  site?: Omit<SiteSize, "byType"> & Partial<Pick<SiteSize, "byType">>;
  /** Pages Eleventy wrote. */
  eleventyPages?: number;
}

/** One target of the issue, evaluated on the figures of one run. */
export interface TargetResult {
  id: string;
  description: string;
  /** "met", "not met", or "not measured" when a figure it needs is missing. */
  status: "met" | "not met" | "not measured";
  /** The figures and ratios it was decided on, as a sentence. */
  detail: string;
}

/** The median of some numbers (the lower middle for an even count; 0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** The runs of one measurement with their medians and worst cases. */
export function summarise(runs: MeasureSummary["runs"]): MeasureSummary {
  return {
    runs,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    peakRssBytes: Math.max(0, ...runs.map((run) => run.peakRssBytes)),
    processes: Math.max(0, ...runs.map((run) => run.processes)),
    leftRunning: Math.max(0, ...runs.map((run) => run.leftRunning)),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const ratio = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)}x`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * The targets of issue #12, decided on CPU seconds of the same run (a loaded machine stretches
 * wall time far more than CPU time). The largest size measured stands for "20,000"; the
 * smallest for "1,000"; B1 uses the size nearest 4,000.
 */
export function evaluateTargets(sizes: readonly SizeResult[]): TargetResult[] {
  const sorted = [...sizes].sort((a, b) => a.entries - b.entries);
  const largest = sorted.at(-1);
  const smallest = sorted[0];
  const near4000 = [...sorted].sort((a, b) => Math.abs(a.entries - 4000) - Math.abs(b.entries - 4000))[0];
  const cpu = (size: SizeResult | undefined, id: MeasureId) => size?.measures[id]?.cpuMs;
  const at = (size: SizeResult | undefined) => `at ${size?.entries.toLocaleString("en") ?? "?"} entries`;
  const results: TargetResult[] = [];
  const decide = (id: string, description: string, figures: Array<number | undefined>, decideOn: (values: number[]) => { met: boolean; detail: string }) => {
    if (figures.some((value) => value === undefined || !Number.isFinite(value))) {
      results.push({ id, description, status: "not measured", detail: "a figure it needs was not measured in this run" });
      return;
    }
    const { met, detail } = decideOn(figures as number[]);
    results.push({ id, description, status: met ? "met" : "not met", detail });
  };

  decide(
    "V1",
    "whole validation ≤ 3x ajv-cli schema-only; schema pass alone ≤ 1.0x ajv-cli",
    [cpu(largest, "validateCold"), cpu(largest, "schemaPass"), cpu(largest, "ajv")],
    ([whole = 0, schema = 0, ajv = 0]) => ({
      met: whole <= 3 * ajv && schema <= ajv,
      detail: `${at(largest)}: validate ${seconds(whole)} = ${ratio(whole / ajv)} ajv-cli (${seconds(ajv)}); schema pass ${seconds(schema)} = ${ratio(schema / ajv)}`,
    }),
  );
  decide(
    "V2",
    "whole validation ≤ 0.5x the naive unified + remark-gfm parse",
    [cpu(largest, "validateCold"), cpu(largest, "naiveMarkdown")],
    ([whole = 0, naive = 0]) => ({
      met: whole <= 0.5 * naive,
      detail: `${at(largest)}: validate ${seconds(whole)} = ${ratio(whole / naive)} the naive parse (${seconds(naive)})`,
    }),
  );
  const scaling = largest !== smallest;
  // A pull request's check is the range form on a clean checkout; the form that also reads the working tree is shown beside it.
  decide(
    "V3",
    "--changed with one entry under 1 s at 20,000 and ≤ 1.2x its time at 1,000 (a pull request's check: base...HEAD)",
    [cpu(largest, "changedRange"), scaling ? cpu(smallest, "changedRange") : Number.NaN],
    ([big = 0, small = 0]) => {
      const tree = [cpu(largest, "changed"), cpu(smallest, "changed")];
      const besides =
        tree[0] !== undefined && tree[1] !== undefined
          ? `; with the working tree (--changed base): ${seconds(tree[0])}, ${ratio(tree[0] / tree[1])} its ${seconds(tree[1])}`
          : "";
      return {
        met: big < 1000 && big <= 1.2 * small,
        detail: `${seconds(big)} ${at(largest)}, ${ratio(big / small)} its ${seconds(small)} ${at(smallest)}${besides}`,
      };
    },
  );
  const perPage = (size: SizeResult | undefined, id: MeasureId, pages: number | undefined) => {
    const time = cpu(size, id);
    return time === undefined || !pages ? undefined : time / pages;
  };
  decide(
    "B1",
    "cold build per page written ≤ Eleventy's per page (moonshot: the whole build within Eleventy's time)",
    [
      perPage(near4000, "buildCold", near4000?.site?.pages),
      perPage(near4000, "eleventy", near4000?.eleventyPages),
      cpu(near4000, "buildCold"),
      cpu(near4000, "eleventy"),
    ],
    ([ours = 0, theirs = 0, build = 0, eleventy = 0]) => ({
      met: ours <= theirs,
      detail: `${at(near4000)}: ${ours.toFixed(2)} ms per page against Eleventy's ${theirs.toFixed(2)} (${ratio(ours / theirs)}); moonshot ${build <= eleventy ? "met" : "not met"}: build ${seconds(build)} = ${ratio(build / eleventy)} Eleventy's ${seconds(eleventy)}`,
    }),
  );
  decide(
    "B2",
    "rebuild after one changed entry under 3 s and ≤ 5% of the cold build",
    [cpu(largest, "rebuild"), cpu(largest, "buildCold")],
    ([rebuild = 0, cold = 0]) => ({
      met: rebuild < 3000 && rebuild <= 0.05 * cold,
      detail: `${at(largest)}: ${seconds(rebuild)} = ${((100 * rebuild) / cold).toFixed(1)}% of the cold build (${seconds(cold)})`,
    }),
  );
  const peakOf = (size: SizeResult | undefined) => {
    const peaks = (["validateCold", "validateWarm", "changed", "changedRange", "buildCold", "rebuild"] as const).map((id) => size?.measures[id]?.peakRssBytes);
    return peaks.some((peak) => peak === undefined) ? undefined : Math.max(...(peaks as number[]));
  };
  const perEntry = largest?.site && largest.entries > 0 ? largest.site.bytes / largest.entries : undefined;
  decide(
    "M1",
    "peak memory of validate and build (search indexer included) under 400 MB; output under 40 KiB per entry",
    [peakOf(largest), perEntry],
    ([peak = 0, bytes = 0]) => ({
      met: peak < 400e6 && bytes < 40 * 1024,
      detail: `${at(largest)}: peak ${megabytes(peak)} (process tree), output ${kib(bytes)} per entry`,
    }),
  );
  return results;
}

/** The figures as a plain-text table, one column per size: CPU seconds with wall seconds beside them. */
export function renderTable(sizes: readonly SizeResult[]): string {
  const sorted = [...sizes].sort((a, b) => a.entries - b.entries);
  const rows: string[][] = [["", ...sorted.map((size) => `${size.entries.toLocaleString("en")} entries`)]];
  for (const [id, label] of Object.entries(MEASURES) as Array<[MeasureId, string]>) {
    rows.push([
      label,
      ...sorted.map((size) => {
        const measure = size.measures[id];
        if (!measure) return "-";
        const names = [...new Set(measure.runs.flatMap((run) => run.leftRunningNames))].join(" ");
        const left = measure.leftRunning > 0 ? `, left ${measure.leftRunning} running (${names})` : "";
        return `cpu ${seconds(measure.cpuMs)}, wall ${seconds(measure.wallMs)}, ${megabytes(measure.peakRssBytes)}, ${measure.processes} proc${left}`;
      }),
    ]);
  }
  rows.push([
    "site written (cold build)",
    ...sorted.map((size) => (size.site ? `${size.site.pages} pages, ${size.site.files} files, ${kib(size.site.bytes / size.entries)}/entry` : "-")),
  ]);
  // Where the bytes go, so that a change to one kind of page shows in the one figure it moves.
  for (const type of SITE_FILE_TYPES) {
    if (!sorted.some((size) => size.site?.byType?.[type])) continue;
    rows.push([
      `  of which ${type}`,
      ...sorted.map((size) => {
        const total = size.site?.byType?.[type];
        return total ? `${total.files} files, ${kib(total.bytes / size.entries)}/entry` : "-";
      }),
    ]);
  }
  rows.push(["Eleventy pages", ...sorted.map((size) => (size.eleventyPages === undefined ? "-" : String(size.eleventyPages)))]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The targets as lines: "V1 met: ...". */
export function renderTargets(targets: readonly TargetResult[]): string {
  return targets.map((target) => `${target.id} ${target.status}: ${target.description}. ${target.detail}`).join("\n");
}
