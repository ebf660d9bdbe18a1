import { describe, expect, test } from "vitest";
import { compareAtPrecision, dateProblem, isoSuggestion } from "../../scripts/lib/rules/dates.ts";

describe("isoSuggestion offers the ISO form only when the date is unambiguous", () => {
  test.for([
    ["4 Aug 2015", "2015-08-04"],
    ["August 2015", "2015-08"],
    ["Aug 4, 2015", "2015-08-04"],
    ["29 February 2016", "2016-02-29"],
    ["2015/08/04", "2015-08-04"],
    ["2015.8", "2015-08"],
    ["2015-8-4", "2015-08-04"],
    ["04/08/2015", undefined],
    ["30 Feb 2015", undefined],
    ["spring 2015", undefined],
    ["2015", undefined],
  ] as const)("%s → %s", ([written, expected]) => {
    expect(isoSuggestion(written)).toBe(expected);
  });
});

describe("dateProblem", () => {
  test.for([
    ["2019", undefined],
    ["2019-06", undefined],
    ["2020-02-29", undefined],
    ["2019-13", "has no month 13."],
    ["2019-02-29", "does not exist: 2019-02 has 28 days."],
    ["19-06", "is not a date in the expected form."],
  ] as const)("%s", ([written, expected]) => {
    expect(dateProblem(written)).toBe(expected);
  });
});

describe("compareAtPrecision compares at the precision both dates have", () => {
  test.for([
    ["2019", "2019-06", 0],
    ["2018", "2019-06", -1],
    ["2019-07", "2019-06-30", 1],
    ["2019-06-30", "2019-06-30", 0],
  ] as const)("%s vs %s", ([a, b, expected]) => {
    expect(compareAtPrecision(a, b)).toBe(expected);
  });
});
