import { describe, expect, test } from "vitest";
import { barChart, estimateTextWidth, wrapLabel } from "../../scripts/lib/report-annual/chart.ts";

describe("chart labels never run off the chart", () => {
  test.for([
    ["Africa", 1],
    ["Programme d'éducation et de sensibilisation du public aux risques en ligne", 2],
    ["Международное сотрудничество и координация национальной стратегии", 2],
    ["国家战略与协调以及国际合作和能力建设方案", 2],
  ] as const)("%s wraps onto at least %i line(s), each within the label column", ([label, atLeast]) => {
    const lines = wrapLabel(label, 244, 13);
    expect(lines.length).toBeGreaterThanOrEqual(atLeast);
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(244);
    expect(lines.join("").replace(/\s/g, "")).toBe(label.replace(/\s/g, ""));
  });

  test("a word longer than a line is cut rather than left to overflow", () => {
    const lines = wrapLabel("x".repeat(100), 100, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(100);
  });

  test("a wrapped label makes its row taller, so rows never overlap", () => {
    const short = barChart("t", [{ label: "A", value: 1 }], { id: "a" }).value;
    const long = barChart("t", [{ label: "Programme d'éducation et de sensibilisation du public aux risques en ligne", value: 1 }], { id: "b" }).value;
    const heightOf = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1]);
    expect(heightOf(long)).toBeGreaterThan(heightOf(short));
    expect(long.match(/<tspan /g)!.length).toBeGreaterThanOrEqual(2);
  });
});
