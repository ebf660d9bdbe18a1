import { expect, test } from "vitest";
import { evaluateTargets, median, type SizeResult, summarise } from "../../scripts/lib/bench/report.ts";

test.for([
  [[], 0],
  [[5], 5],
  [[3, 1, 2], 2],
  [[4, 1, 3, 2], 2],
] as Array<[number[], number]>)("median of %j is %i", ([values, expected]) => {
  expect(median(values)).toBe(expected);
});

const run = (cpuMs: number, peakRssBytes = 100e6) => ({ wallMs: cpuMs * 3, cpuMs, peakRssBytes, processes: 1, leftRunning: 0, leftRunningNames: [] });
const measures = (cpu: Record<string, number>, peak = 100e6) =>
  Object.fromEntries(Object.entries(cpu).map(([id, ms]) => [id, summarise([run(ms, peak)])])) as SizeResult["measures"];

function size(entries: number, cpu: Record<string, number>, options: { pages?: number; bytes?: number; peak?: number } = {}): SizeResult {
  return {
    entries,
    files: entries * 3,
    narratives: entries,
    measures: measures(cpu, options.peak),
    site: { pages: options.pages ?? entries * 10, files: entries * 12, bytes: options.bytes ?? entries * 30 * 1024 },
    eleventyPages: entries,
  };
}

const fast = {
  validateCold: 2000,
  validateWarm: 500,
  changed: 500,
  changedRange: 400,
  schemaPass: 900,
  ajv: 1000,
  naiveMarkdown: 5000,
  buildCold: 10_000,
  rebuild: 400,
  eleventy: 5000,
};

test("every target is met by figures within its limits", () => {
  const targets = evaluateTargets([size(1000, fast), size(4000, fast), size(20_000, fast)]);
  expect(targets.map((target) => [target.id, target.status])).toEqual([
    ["V1", "met"],
    ["V2", "met"],
    ["V3", "met"],
    ["B1", "met"],
    ["B2", "met"],
    ["M1", "met"],
  ]);
});

test.for([
  ["V1", { validateCold: 3100 }],
  ["V1", { schemaPass: 1100 }],
  ["V2", { validateCold: 2600 }],
  ["V3", { changedRange: 1000 }],
  ["B2", { rebuild: 3000 }],
] as Array<[string, Record<string, number>]>)("%s is not met when the largest size has %j", ([id, changed]) => {
  const targets = evaluateTargets([size(1000, fast), size(20_000, { ...fast, ...changed })]);
  expect(targets.find((target) => target.id === id)?.status).toBe("not met");
});

test("V3 compares the largest size with the smallest, and needs both", () => {
  expect(evaluateTargets([size(1000, fast), size(20_000, { ...fast, changedRange: 500 })]).find((t) => t.id === "V3")?.status).toBe("not met");
  expect(evaluateTargets([size(20_000, fast)]).find((t) => t.id === "V3")?.status).toBe("not measured");
});

test("V3 is decided on the pull request's check, and shows the working-tree form beside it", () => {
  const v3 = evaluateTargets([size(1000, fast), size(20_000, { ...fast, changed: 1500 })]).find((t) => t.id === "V3");
  expect(v3?.status).toBe("met");
  expect(v3?.detail).toBe("0.40 s at 20,000 entries, 1.00x its 0.40 s at 1,000 entries; with the working tree (--changed base): 1.50 s, 3.00x its 0.50 s");
});

test("B1 compares CPU time per page written, at the size nearest 4,000", () => {
  // 10 s for 40,000 pages against Eleventy's 5 s for 4,000: a quarter of its time per page.
  const near = size(4000, fast);
  const targets = evaluateTargets([size(1000, { ...fast, buildCold: 1e9 }), near]);
  expect(targets.find((t) => t.id === "B1")?.status).toBe("met");
  expect(targets.find((t) => t.id === "B1")?.detail).toContain("at 4,000 entries");
  expect(evaluateTargets([size(4000, fast, { pages: 1000 })]).find((t) => t.id === "B1")?.status).toBe("not met");
});

test("M1 needs the peak of the whole tree under 400 MB and the output under 40 KiB per entry", () => {
  expect(evaluateTargets([size(20_000, fast, { peak: 401e6 })]).find((t) => t.id === "M1")?.status).toBe("not met");
  expect(evaluateTargets([size(20_000, fast, { bytes: 20_000 * 41 * 1024 })]).find((t) => t.id === "M1")?.status).toBe("not met");
});

test("a target whose figures were not taken is not measured, not met", () => {
  const partial: SizeResult = { entries: 20_000, files: 0, narratives: 0, measures: measures({ validateCold: 1000 }) };
  expect(evaluateTargets([partial]).map((target) => target.status)).toEqual(Array(6).fill("not measured"));
});
