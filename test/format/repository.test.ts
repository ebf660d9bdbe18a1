import { afterAll, beforeAll, expect, test } from "vitest";
import { formatKindOf } from "../../scripts/lib/format/file.ts";
import { CANNOT_FORMAT, formatExitCode, renderFormatReport } from "../../scripts/lib/format/report.ts";
import { findFormatTargets, formatRepository } from "../../scripts/lib/format/repository.ts";
import { makeRepo, type TempRepo } from "../support/repo.ts";
import { unformattedBaseline } from "./support.ts";

test.for([
  { path: "countries/rwa/country.json", kind: "country" },
  { path: "organizations/eu/organization.json", kind: "organization" },
  { path: "countries/rwa/activities/x/activity.json", kind: "activity" },
  { path: "organizations/eu/activities/x/fr.md", kind: "narrative" },
  { path: "countries/rwa/activities/x/README.md", kind: undefined },
  { path: "countries/rwa/organization.json", kind: undefined },
  { path: "countries/rwa/activities/x/extra/activity.json", kind: undefined },
  { path: "schemas/activity.schema.json", kind: undefined },
  { path: "README.md", kind: undefined },
])("$path is formatted as $kind", ({ path, kind }) => {
  expect(formatKindOf(path)).toBe(kind);
});

let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo({ ...unformattedBaseline(), "countries/ken/activities/example-strategy-2020/notes.txt": "{not json", "README.md": "# x\r\n" });
});
afterAll(() => repo.cleanup());

const ENTRY = "countries/ken/activities/example-strategy-2020";

test.for([
  {
    name: "the whole data tree by default",
    targets: undefined,
    files: ["countries/ken/activities/example-strategy-2020/activity.json", `${ENTRY}/en.md`, `${ENTRY}/fr.md`, "countries/ken/country.json"],
  },
  { name: "a folder, written any way", targets: [".\\countries\\ken\\activities\\"], files: [`${ENTRY}/activity.json`, `${ENTRY}/en.md`, `${ENTRY}/fr.md`] },
  { name: "a file, twice", targets: [`${ENTRY}/en.md`, `./${ENTRY}/en.md`], files: [`${ENTRY}/en.md`] },
  { name: "missing, outside and parent paths are skipped", targets: ["countries/xyz", "README.md", "../main", ""], files: [] },
])("targets: $name", ({ targets, files }) => {
  expect(findFormatTargets(repo.root, targets)).toEqual(files);
});

test("a check run computes everything and writes nothing", () => {
  const result = formatRepository({ root: repo.root, write: false });
  expect(result.map(({ file, status }) => [file, status])).toEqual([
    [`${ENTRY}/activity.json`, "changed"],
    [`${ENTRY}/en.md`, "unchanged"],
    [`${ENTRY}/fr.md`, "changed"],
    ["countries/ken/country.json", "unchanged"],
  ]);
  expect(formatRepository({ root: repo.root, write: false })).toEqual(result);
});

const problem = { ruleId: "strict-json", severity: "error" as const, file: "b.json", line: 2, column: 5, message: "Bad." };

test.for([
  {
    name: "nothing to do",
    check: true,
    files: [{ file: "a.json", status: "unchanged" as const, problems: [] }],
    text: "1 file checked: all formatted.\n",
    code: 0,
  },
  { name: "no files at all", check: false, files: [], text: "0 files checked: all formatted.\n", code: 0 },
  {
    name: "check: files to change",
    check: true,
    files: [{ file: "a.json", status: "changed" as const, problems: [] }],
    text: "a.json\n1 file checked: 1 not formatted (run npm run format).\n",
    code: 1,
  },
  {
    name: "write: files changed",
    check: false,
    files: [{ file: "a.json", status: "changed" as const, problems: [] }],
    text: "a.json\n1 file checked: 1 formatted.\n",
    code: 0,
  },
  {
    name: "a file that cannot be formatted",
    check: false,
    files: [
      { file: "a.json", status: "changed" as const, problems: [] },
      { file: "b.json", status: "unformattable" as const, problems: [problem] },
    ],
    text: `a.json\nb.json: ${CANNOT_FORMAT}\n  2:5  Bad.  strict-json\n2 files checked: 1 formatted, 1 cannot be formatted.\n`,
    code: 1,
  },
])("report: $name", ({ check, files, text, code }) => {
  expect(renderFormatReport(files, check)).toBe(text);
  expect(formatExitCode(files, check)).toBe(code);
});
