import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { activitiesCsv, CSV_LIST_ENCODING, csvColumns, joinList, neutraliseFormula } from "../../scripts/lib/open-data/csv.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { parseStrict, siteEntry, TEST_CONFIG } from "./support.ts";

/** Fixed, so that a failure is reproducible. */
const RUNS = { seed: 7, numRuns: 200 } as const;

/** What breaks rows and lists: line breaks alone and together, delimiters, quotes, formula prefixes, controls. */
const HOSTILE = [
  "\r",
  "\n",
  "\r\n",
  "\n\r",
  ",",
  ";",
  "; ",
  '"',
  '""',
  "'",
  "=1+1",
  "+",
  "-",
  "@SUM(A1)",
  "\t",
  " ",
  "\u0000",
  "\u2028",
  "\u0085",
  "\uFEFF",
  "é",
  "حملة",
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", maxLength: 6 }), fc.string({ unit: "binary-ascii", maxLength: 4 })), {
    maxLength: 6,
  })
  .map((parts) => parts.join(""));
const hostileList = fc.array(hostileText, { maxLength: 4 });

/** Reads a list cell back, as the data dictionary describes it (CSV_LIST_ENCODING). */
function splitList(cell: string): string[] {
  if (cell === "") return [];
  const items: string[] = [];
  let index = 0;
  for (;;) {
    let item = "";
    if (cell[index] === '"') {
      index++;
      for (;;) {
        const quote = cell.indexOf('"', index);
        if (quote < 0) throw new Error(`unterminated quoted item in ${JSON.stringify(cell)}`);
        item += cell.slice(index, quote);
        if (cell[quote + 1] === '"') {
          item += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
    } else {
      const end = cell.indexOf(";", index);
      item = cell.slice(index, end < 0 ? cell.length : end);
      index = end < 0 ? cell.length : end;
    }
    items.push(item);
    if (index >= cell.length) return items;
    if (!cell.startsWith("; ", index)) throw new Error(`expected "; " at ${index} in ${JSON.stringify(cell)}`);
    index += 2;
  }
}

describe("activities.csv", () => {
  test("property: every row keeps every column and every value, whatever the text holds (fixed seed)", () => {
    const values = fc.record({ owner: hostileText, title: hostileText, summary: hostileText, lead: hostileList, partners: hostileList, links: hostileList });
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 4 }), (rows) => {
        const entries = rows.map((row, index) => siteEntry(index, row));
        const parsed = parseStrict(activitiesCsv(entries, TEST_CONFIG));
        const header = parsed[0] ?? [];
        expect(header).toEqual(csvColumns(["ar", "zh", "en", "fr", "ru", "es"]).map((column) => column.name));
        expect(parsed).toHaveLength(rows.length + 1);
        rows.forEach((row, index) => {
          const cells = parsed[index + 1] ?? [];
          expect(cells).toHaveLength(header.length);
          const cell = (name: string) => cells[header.indexOf(name)] ?? "";
          // The documented way back: drop one leading apostrophe.
          const plain = (value: string) => value.replace(/^'/, "");
          expect(cell("owner_name")).toBe(neutraliseFormula(row.owner));
          expect(cell("title_en")).toBe(neutraliseFormula(row.title));
          expect(cell("summary_original")).toBe(neutraliseFormula(row.summary));
          expect(splitList(plain(cell("lead")))).toEqual(row.lead);
          expect(splitList(plain(cell("partners")))).toEqual(row.partners);
          expect(splitList(plain(cell("links")))).toEqual(row.links);
          expect(cell("id")).toBe(`org-${index}/entry-${index}`);
          expect(splitList(cell("confirmed_by"))).toEqual(["ken", "org-1"]);
          expect(cell("page")).toMatch(/^https:\/\/example\.github\.io\/cop-atlas\/en\//);
        });
      }),
      RUNS,
    );
  });

  test("a lone CR or LF is quoted, not only CRLF", () => {
    const csv = activitiesCsv([siteEntry(0, { owner: "A\rB", title: "C\nD", summary: "E\r\nF", lead: [], partners: [], links: [] })], TEST_CONFIG);
    expect(csv).toContain('"A\rB"');
    expect(csv).toContain('"C\nD"');
    expect(csv).toContain('"E\r\nF"');
  });

  test.for([
    [["UNICEF", "ITU"], "UNICEF; ITU"],
    [["Ministry of Health; Social Affairs", "UNICEF"], '"Ministry of Health; Social Affairs"; UNICEF'],
    [['The "Safe" Centre'], '"The ""Safe"" Centre"'],
    [[" padded "], '" padded "'],
    [[""], '""'],
    [[], ""],
  ] as const)("joinList(%j) is %j", ([items, cell]) => {
    expect(joinList(items)).toBe(cell);
    expect(splitList(cell)).toEqual(items);
  });

  test("property: a list reads back as the same items (fixed seed)", () => {
    fc.assert(
      fc.property(hostileList, (items) => {
        expect(splitList(joinList(items))).toEqual(items);
      }),
      RUNS,
    );
  });

  test("docs/API.md lists the columns and says how lists are encoded, as the data dictionary does", () => {
    const api = readFileSync(join(PROJECT_ROOT, "docs/API.md"), "utf8");
    expect(api).toContain(CSV_LIST_ENCODING);
    const documented = /## activities\.csv[\s\S]*?`(id, [^`]+)`/.exec(api)?.[1]?.split(/,\s*/) ?? [];
    const columns = csvColumns(["ar", "zh", "en", "fr", "ru", "es", "<other languages in use>"]).map((column) => column.name);
    expect(documented).toEqual(columns);
    const lists = csvColumns([])
      .filter((column) => column.list)
      .map((column) => `\`${column.name}\``);
    for (const list of lists) expect(api).toContain(list);
  });
});
