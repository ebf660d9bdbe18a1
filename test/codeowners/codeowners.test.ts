import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CODEOWNERS_PATH,
  checkCodeowners,
  checkCodeownersCurrent,
  GOVERNANCE_PATTERNS,
  ownersOf,
  parseCodeowners,
  patternToRegExp,
  type ReviewerProfile,
  readReviewerProfiles,
  readSecretariat,
  renderCodeowners,
} from "../../scripts/lib/codeowners.ts";

const root = join(import.meta.dirname, "..", "..");
const SECRETARIAT = "@cop-atlas/secretariat";

const profiles: ReviewerProfile[] = [
  { kind: "organization", id: "itu", reviewers: [{ login: "carol", id: 3 }] },
  {
    kind: "country",
    id: "rwa",
    reviewers: [
      { login: "alice", id: 1 },
      { login: "bob", id: 2 },
      { login: "alice", id: 1 },
    ],
  },
  { kind: "country", id: "fra", reviewers: [] },
];
const rendered = renderCodeowners(profiles, SECRETARIAT);
const rules = parseCodeowners(rendered);

describe("renderCodeowners", () => {
  test("puts the default first, then one line per folder with reviewers, then governance last", () => {
    const ruleLines = rules.map(({ pattern, owners }) => `${pattern} ${owners.join(" ")}`);
    expect(ruleLines).toEqual([
      `* ${SECRETARIAT}`,
      "/countries/rwa/ @alice @bob",
      "/organizations/itu/ @carol",
      `/.github/ ${SECRETARIAT}`,
      `/schemas/ ${SECRETARIAT}`,
      `/scripts/ ${SECRETARIAT}`,
      `/test/ ${SECRETARIAT}`,
      `/package.json ${SECRETARIAT}`,
      `/package-lock.json ${SECRETARIAT}`,
      `/CODEOWNERS ${SECRETARIAT}`,
      `/docs/CODEOWNERS ${SECRETARIAT}`,
      `/countries/*/country.json ${SECRETARIAT}`,
      `/organizations/*/organization.json ${SECRETARIAT}`,
    ]);
  });

  test("a country without reviewers gets no line, so the secretariat covers it", () => {
    expect(rendered).not.toContain("/countries/fra/");
  });

  test("is the same whatever the order of the profiles, and ends with a newline", () => {
    expect(renderCodeowners([...profiles].reverse(), SECRETARIAT)).toBe(rendered);
    expect(rendered.endsWith("\n")).toBe(true);
  });

  test("passes its own check", () => {
    expect(checkCodeowners(rendered)).toEqual([]);
  });
});

describe("last matching line wins", () => {
  test.for<[string, string[]]>([
    ["countries/rwa/activities/national-cop-policy-2019/activity.json", ["@alice", "@bob"]],
    ["countries/rwa/activities/national-cop-policy-2019/fr.md", ["@alice", "@bob"]],
    ["countries/rwa/country.json", [SECRETARIAT]],
    ["countries/fra/activities/x/activity.json", [SECRETARIAT]],
    ["countries/fra/country.json", [SECRETARIAT]],
    ["organizations/itu/activities/child-online-protection-guidelines/en.md", ["@carol"]],
    ["organizations/itu/organization.json", [SECRETARIAT]],
    [".github/workflows/validate.yml", [SECRETARIAT]],
    [".github/CODEOWNERS", [SECRETARIAT]],
    ["schemas/vocab/topics.json", [SECRETARIAT]],
    ["scripts/lib/codeowners.ts", [SECRETARIAT]],
    ["test/codeowners/codeowners.test.ts", [SECRETARIAT]],
    ["package.json", [SECRETARIAT]],
    ["README.md", [SECRETARIAT]],
  ])("%s is owned by %j", ([path, owners]) => {
    expect(ownersOf(rules, path)).toEqual(owners);
  });
});

describe("patternToRegExp follows GitHub's CODEOWNERS rules", () => {
  test.for<[string, string, boolean]>([
    ["*", "anything/at/all.md", true],
    ["/countries/rwa/", "countries/rwa/country.json", true],
    ["/countries/rwa/", "countries/rwanda/country.json", false],
    ["/countries/rwa/", "other/countries/rwa/x", false],
    ["/countries/*/country.json", "countries/rwa/country.json", true],
    ["/countries/*/country.json", "countries/rwa/activities/x/country.json", false],
    ["/package.json", "package.json", true],
    ["/package.json", "scripts/package.json", false],
    ["*.js", "a/b/c.js", true],
    ["docs/*", "docs/guide.md", true],
    ["docs/*", "docs/build/guide.md", false],
    ["apps/", "nested/apps/x.ts", true],
    ["/docs", "docs/a/b.md", true],
    ["**/logs", "deep/down/logs/x.log", true],
    ["/a/**/b", "a/x/y/b", true],
    ["/a/**/b", "a/b", true],
    ["/file.json", "fileXjson", false],
  ])("%s against %s: %s", ([pattern, path, expected]) => {
    expect(patternToRegExp(pattern).test(path)).toBe(expected);
  });
});

describe("checkCodeowners", () => {
  const good = [`* ${SECRETARIAT}`, "/countries/rwa/ @alice", ...GOVERNANCE_PATTERNS.map((pattern) => `${pattern} ${SECRETARIAT}`), ""].join("\n");

  test("the good base case has no problems", () => {
    expect(checkCodeowners(good)).toEqual([]);
  });

  test.for<{ name: string; text: string; ruleId: string; message: string }>([
    {
      name: "negation",
      text: `${good}!/countries/rwa/x.json @alice\n`,
      ruleId: "codeowners-negation",
      message: "Unexpected `!` negation, expected a positive pattern (GitHub does not support negation in CODEOWNERS)",
    },
    {
      name: "a character range",
      text: `${good}/countries/[a-z]*/ @alice\n`,
      ruleId: "codeowners-character-range",
      message: "Unexpected `[ ]` character range, expected `*` or literal names (GitHub does not support ranges in CODEOWNERS)",
    },
    {
      name: "an escaped hash",
      text: `${good}\\#file @alice\n`,
      ruleId: "codeowners-escaped-hash",
      message: "Unexpected `\\#` escape, expected a path that does not start with `#` (GitHub does not support the escape)",
    },
    {
      name: "a bad owner",
      text: `${good}/countries/fra/ alice\n`,
      ruleId: "codeowners-bad-owner",
      message: "Unexpected owner `alice`, expected @user, @org/team or an e-mail address",
    },
    {
      name: "a rule without owners",
      text: `${good}/countries/fra/\n`,
      ruleId: "codeowners-no-owner",
      message: "Unexpected `/countries/fra/` without owners, expected at least one @user or @org/team",
    },
    {
      name: "a per-country line after the governance lines takes over the reviewer list",
      text: `${good}/countries/rwa/ @alice\n`,
      ruleId: "codeowners-protected-path",
      message: `Unexpected owners @alice for countries/rwa/country.json, expected ${SECRETARIAT}`,
    },
    {
      name: "a broad line at the end takes over the workflows",
      text: `${good}/.github/workflows/ @mallory\n`,
      ruleId: "codeowners-protected-path",
      message: `Unexpected owners @mallory for .github/workflows/validate.yml, expected ${SECRETARIAT}`,
    },
  ])("flags $name", ({ text, ruleId, message }) => {
    const problems = checkCodeowners(text);
    expect(problems.map((problem) => problem.ruleId)).toContain(ruleId);
    expect(problems.find((problem) => problem.ruleId === ruleId)?.message).toBe(message);
  });

  test("points at the line and column of a syntax problem", () => {
    const text = `* ${SECRETARIAT}\n  !/x @alice\n`;
    expect(checkCodeowners(text, SECRETARIAT).find((problem) => problem.ruleId === "codeowners-negation")).toMatchObject({
      file: CODEOWNERS_PATH,
      line: 2,
      column: 3,
    });
  });

  test("without a default line, nothing protects the governance paths", () => {
    const ruleIds = new Set(checkCodeowners("/countries/rwa/ @alice\n", SECRETARIAT).map((problem) => problem.ruleId));
    expect([...ruleIds].sort()).toEqual(["codeowners-no-default", "codeowners-protected-path"]);
  });
});

describe("checkCodeownersCurrent", () => {
  test.for<[string, string | undefined, number]>([
    ["current", rendered, 0],
    ["changed by hand", `${rendered}/x @mallory\n`, 1],
    ["missing", undefined, 1],
  ])("%s", ([, committed, count]) => {
    const problems = checkCodeownersCurrent(committed, rendered);
    expect(problems).toHaveLength(count);
    if (count > 0) expect(problems[0]).toMatchObject({ ruleId: "codeowners-out-of-date", hint: "Run `npm run codeowners` and commit the result." });
  });
});

describe("readReviewerProfiles", () => {
  const scratch = mkdtempSync(join(tmpdir(), "cop-atlas-codeowners-"));
  beforeAll(() => {
    const write = (path: string, data: unknown) => {
      mkdirSync(join(scratch, path, ".."), { recursive: true });
      writeFileSync(join(scratch, path), JSON.stringify(data));
    };
    write("countries/rwa/country.json", { region: "africa", reviewers: [{ login: "alice", id: 1 }] });
    write("countries/fra/country.json", { region: "europe", reviewers: [] });
    // Not a valid folder name: left to the validator, never turned into a CODEOWNERS line.
    write("countries/RWA/country.json", { reviewers: [{ login: "mallory", id: 9 }] });
    write("organizations/end-violence/organization.json", { reviewers: [{ login: "carol", id: 3 }] });
    // A folder without a profile yet.
    mkdirSync(join(scratch, "countries", "deu"), { recursive: true });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test("reads the reviewer lists of valid folders that have a profile", () => {
    const found = readReviewerProfiles(scratch).sort((a, b) => a.id.localeCompare(b.id));
    expect(found).toEqual([
      { kind: "organization", id: "end-violence", reviewers: [{ login: "carol", id: 3 }] },
      { kind: "country", id: "fra", reviewers: [] },
      { kind: "country", id: "rwa", reviewers: [{ login: "alice", id: 1 }] },
    ]);
  });

  test("an empty repository has no profiles", () => {
    expect(readReviewerProfiles(join(scratch, "nowhere"))).toEqual([]);
  });
});

describe("the committed .github/CODEOWNERS", () => {
  const committed = readFileSync(join(root, CODEOWNERS_PATH), "utf8");

  test("is what `npm run codeowners` generates from the repository's reviewer lists", () => {
    const expected = renderCodeowners(readReviewerProfiles(root), readSecretariat(root));
    expect(checkCodeownersCurrent(committed, expected)).toEqual([]);
  });

  test("is valid and keeps every protected path with the secretariat", () => {
    expect(checkCodeowners(committed, readSecretariat(root))).toEqual([]);
  });
});
