/**
 * The review comment in the working languages of the countries a pull request touches: a
 * country that chose French in its profile, a country without the field whose entries are
 * written in Arabic, then English for the secretariat; on the fake GitHub, whose requests and
 * answers are checked against GitHub's description.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runReviewBot } from "../../scripts/lib/bot/entry/action.ts";
import { parseProfile } from "../../scripts/lib/bot/profile.ts";
import { APPROVAL_CONTEXT, STATUS_MARKER } from "../../scripts/lib/bot/sticky.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostics.ts";
import { catalogText } from "../../scripts/lib/i18n/diagnostics.ts";
import { toJsonReport } from "../../scripts/lib/report/json.ts";
import { schedule, workflowRunCompleted } from "../support/fake-github/events.ts";
import { BOT, narrative, type Scenario, scenarioPerTest, validatedRun } from "./scenario.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const CIV = "countries/civ/activities/ligne-verte-116/";
const EGY = "countries/egy/activities/child-helpline-16000/";

const scenario = scenarioPerTest();

/**
 * Côte d'Ivoire asks for French in its profile; Egypt has no `languages` and an Arabic entry on
 * main. The pull request adds an entry to each (and nothing to Rwanda, whose entries are English).
 */
function multilingual(): Scenario {
  return scenario({
    baseFiles: (base) => ({
      ...base,
      "countries/civ/country.json": JSON.stringify({ region: "africa", reviewers: [{ login: "alice", id: 101 }], languages: ["fr"] }),
      "countries/egy/country.json": JSON.stringify({ region: "arab-states", reviewers: [{ login: "bob", id: 102 }] }),
      "countries/egy/activities/national-strategy-2020/activity.json": JSON.stringify({ kind: "activity", originalLanguage: "ar" }),
      "countries/egy/activities/national-strategy-2020/ar.md": narrative("الاستراتيجية الوطنية", "ملخص.", "نص."),
    }),
    headFiles: (head) => {
      const files = Object.fromEntries(Object.entries(head).filter(([path]) => !path.startsWith("countries/rwa/activities/child-helpline-116/")));
      return {
        ...files,
        [`${CIV}activity.json`]: JSON.stringify({ kind: "activity", originalLanguage: "fr" }),
        [`${CIV}fr.md`]: narrative("Ligne verte 116", "Une ligne d'écoute gratuite pour les enfants.", "## Contexte\n\nTexte."),
        [`${EGY}activity.json`]: JSON.stringify({ kind: "activity", originalLanguage: "ar" }),
        [`${EGY}ar.md`]: narrative("خط نجدة الطفل 16000", "خط هاتفي مجاني للأطفال.", "## السياق\n\nنص."),
      };
    },
  });
}

async function sweep(s: Scenario) {
  s.github.clearRequests();
  return runReviewBot(
    s.github.octokit(),
    { eventName: "schedule", event: schedule(), repository: "cop-atlas/atlas", serverUrl: "https://github.com", artifactDir: null },
    { now: NOW },
  );
}

/** The comment cut at its level-2 headings: [heading, text] per section. */
function sections(body: string): Array<[string, string]> {
  return body
    .split(/^## /m)
    .slice(1)
    .map((part) => [part.slice(0, part.indexOf("\n")), part.slice(part.indexOf("\n") + 1)]);
}

describe("the review comment speaks the touched countries' languages, then English", () => {
  test("French (chosen in the profile), Arabic (the entries' language) and English, each section complete", async () => {
    const s = multilingual();
    const report = await sweep(s);
    expect(report.outcomes.map((o) => [o.number, o.verdict, o.error])).toEqual([[7, "waiting", null]]);
    const body = s.github.pull(7).comments[0]?.body ?? "";

    // One hidden marker, first, whatever the languages: the bot finds its comment by it.
    expect(body.startsWith(`${STATUS_MARKER}\n`)).toBe(true);
    expect(body.split(STATUS_MARKER)).toHaveLength(2);
    const parts = sections(body);
    expect(parts.map(([heading]) => heading)).toEqual(["Français · Examen COP Atlas", "العربية · مراجعة COP Atlas", "English · COP Atlas review"]);

    const [fr, ar, en] = parts.map(([, text]) => text);
    // Each section says everything: the verdict, the table, each country, validation, merge, the checklist and who wrote it.
    expect(fr).toContain("⏳ **En attente d’approbation.**");
    expect(fr).toContain("| | Pays ou organisation | Région | Approbation |");
    expect(fr).toContain("### Liste de contrôle du réviseur");
    expect(fr).toContain("en attente de l’un de ces réviseurs : alice");
    expect(fr).toContain("- **ajout** ligne-verte-116 : « Ligne verte 116 »");
    expect(ar).toContain("⏳ **في انتظار الموافقة.**");
    expect(ar).toContain("| | البلد أو المنظمة | المنطقة | الموافقة |");
    expect(ar).toContain("### قائمة تحقق المراجع");
    expect(en).toContain("⏳ **Waiting for approval.**");
    expect(en).toContain("| | Country or organisation | Region | Approval |");
    expect(en).toContain("### Reviewer's checklist");
    expect(en).toContain("- **added** child-helpline-16000: “\u2068خط نجدة الطفل 16000\u2069”");
    for (const text of [fr, ar, en]) {
      // What machines and people search for stays as it is: unit labels, slugs, logins, regions.
      expect(text).toContain("### country:civ");
      expect(text).toContain("### country:egy");
      expect(text).toMatch(/\| ⏳ \| country:civ \| africa \| .*alice/);
      expect(text).toMatch(/\| ⏳ \| country:egy \| arab-states \| .*bob/);
      expect(text).toContain("cop-atlas-bot&#91;bot&#93;");
    }
    // Arabic numbers stay as written, and the paths inside the Arabic text are isolated from it.
    expect(ar).toContain("\u2068ligne-verte-116\u2069");
    // Lists are punctuated the language's way.
    expect(ar).toContain("  - ar: الأصل، أُضيف");

    // The approval status: one line, in the three languages when they fit GitHub's 140 characters.
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.description).toBe(
      "En attente d’approbation : civ, egy / في انتظار الموافقة: \u2068civ, egy\u2069 / Waiting for approval: civ, egy",
    );

    // Found again by its marker and author: nothing to write when nothing changed, an edit (never a new comment) when something did.
    await sweep(s);
    expect(s.github.writes()).toEqual([]);
    s.github.review(7, s.users.alice, "APPROVED");
    await sweep(s);
    expect(s.github.writes().map((w) => `${w.method} ${w.route}`)).toContain("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}");
    const comments = s.github.pull(7).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.user?.login).toBe(BOT.login);
    expect(comments[0]?.body).toContain("approuvée par alice");
    expect(comments[0]?.body).toContain("approved by alice");
  });

  test("a pull request that touches only English-speaking countries gets one English section, without a language heading", async () => {
    const s = scenario();
    await sweep(s);
    const body = s.github.pull(7).comments[0]?.body ?? "";
    expect(sections(body).map(([heading]) => heading)).toEqual(["COP Atlas review"]);
    expect(s.github.statusesOf(s.headSha, APPROVAL_CONTEXT).at(-1)?.description).toBe("Waiting for approval: rwa");
  });
});

describe("the validator's findings in the comment, in each section's language", () => {
  /** A terminology finding in the French entry, as the validator's --json-out report gives it. */
  const finding: Diagnostic = {
    ruleId: "terminology",
    severity: "warning",
    file: `${CIV}fr.md`,
    line: 9,
    column: 12,
    ...catalogText({ key: "terminology.avoid", values: { found: "child pornography", prefer: "child sexual abuse material" } }),
  };

  /** The Validate run of the head, with the artifact its job uploads, made from the validator's report. */
  function validated(s: Scenario, diagnostics: readonly Diagnostic[]) {
    const report = JSON.parse(JSON.stringify(toJsonReport(diagnostics, { files: 4, entries: 2 })));
    const { run, dir } = validatedRun(s, report.diagnostics);
    return { event: workflowRunCompleted(s.github, run), dir };
  }

  test("French, Arabic and English sections each list the finding in their language, and a later sweep keeps them", async () => {
    const s = multilingual();
    const { event, dir } = validated(s, [finding]);
    s.github.clearRequests();
    await runReviewBot(
      s.github.octokit(),
      { eventName: "workflow_run", event, repository: "cop-atlas/atlas", serverUrl: "https://github.com", artifactDir: dir },
      { now: NOW },
    );
    const check = (body: string) => {
      const [fr, ar, en] = sections(body).map(([, text]) => text);
      const line = (text = "") => text.split("\n").find((l) => l.includes(`${CIV}fr.md:9:12`)) ?? "";
      expect(line(fr)).toContain("est un terme à éviter");
      expect(line(ar)).toContain("\u2068child pornography\u2069");
      expect(line(ar)).not.toContain("is a term to avoid");
      expect(line(en)).toContain("is a term to avoid");
      for (const text of [fr, ar, en]) expect(line(text)).toContain("(terminology)");
      // Every finding has its words in each section's language: no notice that some are English only.
      expect(body).not.toContain("ne sont donnés qu’en anglais");
    };
    check(s.github.pull(7).comments[0]?.body ?? "");

    // A sweep has no artifact: it shows the findings kept in the comment, still in each language.
    await sweep(s);
    expect(s.github.writes()).toEqual([]);
    check(s.github.pull(7).comments[0]?.body ?? "");
  });

  test("findings from an artifact without translations are shown in English, and the sections say so", async () => {
    const s = multilingual();
    const { messages: _six, ...english } = toJsonReport([finding], { files: 4, entries: 2 }).diagnostics[0] ?? { messages: undefined };
    const { event, dir } = validated(s, []);
    const artifact = JSON.parse(readFileSync(join(dir, "result.json"), "utf8"));
    writeFileSync(join(dir, "result.json"), JSON.stringify({ ...artifact, findings: [english] }));
    await runReviewBot(
      s.github.octokit(),
      { eventName: "workflow_run", event, repository: "cop-atlas/atlas", serverUrl: "https://github.com", artifactDir: dir },
      { now: NOW },
    );
    const [fr, , en] = sections(s.github.pull(7).comments[0]?.body ?? "").map(([, text]) => text);
    expect(fr).toContain("ne sont donnés qu’en anglais");
    expect(fr).toContain("child pornography&quot; is a term to avoid");
    expect(en).not.toContain("in English only");
  });
});

describe("parseProfile reads the working languages without making them a matter of trust", () => {
  test.for<[string, unknown, string[] | undefined]>([
    ["chosen languages, in order", ["ar", "fr"], ["ar", "fr"]],
    ["what the bot cannot write in is left out, not an error", ["fr", "sw", 3, "fr"], ["fr"]],
    ["not a list: as if absent", "fr", undefined],
    ["absent", undefined, undefined],
  ])("%s", ([, languages, expected]) => {
    const read = parseProfile(JSON.stringify({ region: "africa", reviewers: [{ login: "alice", id: 101 }], languages }));
    expect(read.status).toBe("ok");
    expect(read.status === "ok" ? read.languages : "not ok").toEqual(expected);
  });
});
