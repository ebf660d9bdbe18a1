import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import type { Fetch } from "../../scripts/lib/links/http.ts";
import { toLinkJsonReport } from "../../scripts/lib/links/report.ts";
import { runLinkCheck } from "../../scripts/lib/links/run.ts";
import { formatGithub } from "../../scripts/lib/report/github.ts";
import { formatPretty } from "../../scripts/lib/report/pretty.ts";
import { makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { answer, FakeClock, fetchOnly, redirect, startServer, type TestServer } from "./support.ts";

const ACTIVITY = `{
  "kind": "activity",
  "type": "hotline",
  "level": "national",
  "lead": [{ "name": "Example Authority", "url": "https://example.org/authority" }],
  "contact": { "organisation": "Example Authority", "url": "https://example.org/contact" },
  "links": [
    { "url": "https://example.org/gone", "type": "official" },
    { "url": "https://example.org/moved", "type": "news" },
    { "url": "http://example.org/insecure", "type": "news" }
  ],
  "originalLanguage": "en"
}
`;

const NARRATIVE = `---
title: Example hotline
summary: A synthetic entry for the link checker's tests.
---

## Context

The [annual report](https://example.org/report) and <https://example.org/gone> say so.
`;

const PROFILE = `{
  "region": "africa",
  "reviewers": [],
  "links": [{ "url": "https://example.org/authority", "type": "official" }]
}
`;

let repo: TempRepo | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  repo?.cleanup();
  await server?.close();
  repo = undefined;
  server = undefined;
});

/** A fetch that sends https://example.org/... to the local server instead: the data keeps real-looking addresses. */
function throughLocal(target: TestServer): Fetch {
  const local = fetchOnly(target.origin);
  return (input, init) => {
    const url = new URL(input);
    if (url.origin !== "https://example.org") throw new Error(`unexpected address ${input}`);
    return local(`${target.origin}${url.pathname}${url.search}`, init);
  };
}

async function runFixture() {
  repo = makeRepo({
    "countries/ken/country.json": PROFILE,
    "countries/ken/activities/example-hotline/activity.json": ACTIVITY,
    "countries/ken/activities/example-hotline/en.md": NARRATIVE,
  });
  const clock = new FakeClock();
  server = await startServer(clock, {
    "/authority": answer(200),
    "/contact": answer(200),
    "/gone": answer(410),
    "/moved": redirect(301, "https://example.org/new-home"),
    "/new-home": answer(200),
    "/report": answer(200),
  });
  const run = await runLinkCheck({ root: repo.root, options: { gapMs: 1000, retries: 0 }, environment: { clock, fetch: throughLocal(server) } });
  return { run, server };
}

describe("a whole run over a repository", () => {
  test("finds every https address in profiles, entries and narratives, each at its exact position", async () => {
    const { run } = await runFixture();
    expect(run.uses.map(({ file, line, column, field, url }) => `${file.split("/").pop()}:${line}:${column} ${field} ${url}`)).toEqual([
      "activity.json:5:50 lead[0].url https://example.org/authority",
      "activity.json:6:60 contact.url https://example.org/contact",
      "activity.json:8:14 links[0].url https://example.org/gone",
      "activity.json:9:14 links[1].url https://example.org/moved",
      "en.md:8:21 text https://example.org/report",
      "en.md:8:54 text https://example.org/gone",
      "country.json:4:22 links[0].url https://example.org/authority",
    ]);
  });

  test("checks each address once and reports each place it is written", async () => {
    const { run, server } = await runFixture();
    expect(server.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "GET /gone",
      "HEAD /authority",
      "HEAD /contact",
      "HEAD /gone",
      "HEAD /moved",
      "HEAD /new-home",
      "HEAD /report",
    ]);
    expect(run.diagnostics.map((d) => `${d.ruleId} ${d.file.split("/").pop()}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "link-broken activity.json:8:14 links[0].url: https://example.org/gone has been removed for good (410 Gone).",
      "link-redirected activity.json:9:14 links[1].url: https://example.org/moved has moved permanently to https://example.org/new-home.",
      "link-broken en.md:8:54 Link in the text: https://example.org/gone has been removed for good (410 Gone).",
    ]);
    expect(run.counts).toEqual({ links: 5, sites: 1, ok: 3, redirected: 1, slow: 0, broken: 1, unreachable: 0, unchecked: 0 });
  });

  test("the JSON report is the validator's, plus the counts and one record per address with a finding", async () => {
    const { run } = await runFixture();
    const report = toLinkJsonReport(run);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary).toEqual({ files: 3, entries: 1, errors: 2, warnings: 1 });
    expect(report.diagnostics).toEqual(run.diagnostics);
    expect(report.links.broken).toBe(1);
    expect(report.findings).toEqual([
      {
        url: "https://example.org/gone",
        ruleId: "link-broken",
        severity: "error",
        message: "https://example.org/gone has been removed for good (410 Gone).",
        hint: expect.any(String),
        chain: [
          { url: "https://example.org/gone", method: "HEAD", status: 410 },
          { url: "https://example.org/gone", method: "GET", status: 410 },
        ],
        uses: [
          { file: "countries/ken/activities/example-hotline/activity.json", line: 8, column: 14, field: "links[0].url" },
          { file: "countries/ken/activities/example-hotline/en.md", line: 8, column: 54, field: "text" },
        ],
      },
      {
        url: "https://example.org/moved",
        ruleId: "link-redirected",
        severity: "warning",
        message: "https://example.org/moved has moved permanently to https://example.org/new-home.",
        hint: "Replace the address with the new one. Redirects: https://example.org/moved (301) → https://example.org/new-home (200).",
        redirect: "permanent",
        newUrl: "https://example.org/new-home",
        chain: [
          { url: "https://example.org/moved", method: "HEAD", status: 301 },
          { url: "https://example.org/new-home", method: "HEAD", status: 200 },
        ],
        uses: [{ file: "countries/ken/activities/example-hotline/activity.json", line: 9, column: 14, field: "links[1].url" }],
      },
    ]);
  });

  test("the validator's pretty and github formatters print the findings", async () => {
    const { run } = await runFixture();
    const summary = { files: run.files, entries: run.entries };
    expect(formatPretty(run.diagnostics, summary)).toContain(
      "  8:14     error    links[0].url: https://example.org/gone has been removed for good (410 Gone).  link-broken",
    );
    expect(formatGithub(run.diagnostics, summary)).toContain(
      "::error file=countries/ken/activities/example-hotline/activity.json,line=8,col=14,title=link-broken::links[0].url: https://example.org/gone has been removed for good (410 Gone).%0A",
    );
  });

  test("paths narrow the run to what they name", async () => {
    repo = makeRepo({ "countries/ken/country.json": PROFILE, "countries/ken/activities/example-hotline/activity.json": ACTIVITY });
    const clock = new FakeClock();
    server = await startServer(clock, { "/authority": answer(200) });
    const run = await runLinkCheck({ root: repo.root, targets: ["countries/ken/country.json"], environment: { clock, fetch: throughLocal(server) } });
    expect(run.uses.map((use) => use.field)).toEqual(["links[0].url"]);
    expect(run.diagnostics).toEqual([]);
  });
});

describe("the command line", () => {
  /** tsx's loader by absolute URL: the temporary repositories have no node_modules of their own. */
  const TSX = pathToFileURL(join(PROJECT_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  const cli = (args: string[], cwd: string) =>
    spawnSync(process.execPath, ["--import", TSX, join(PROJECT_ROOT, "scripts/cli/links.ts"), ...args], { cwd, encoding: "utf8" });

  test("--help prints the usage and the rule ids", () => {
    const help = execFileSync(process.execPath, ["--import", TSX, join(PROJECT_ROOT, "scripts/cli/links.ts"), "--help"], { encoding: "utf8" });
    expect(help).toMatch(/^Usage: npm run links -- \[paths\.\.\.\] \[options\]/);
    for (const rule of ["link-broken", "link-unreachable", "link-redirected", "link-slow", "link-unchecked"]) expect(help).toContain(rule);
  });

  test("a repository without addresses: nothing to ask anyone, exit 0", () => {
    repo = makeRepo({ "countries/ken/country.json": '{\n  "region": "africa",\n  "reviewers": []\n}\n' });
    const result = cli(["--format", "json"], repo.root);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: 1, links: { links: 0 }, findings: [], diagnostics: [] });
  });

  test.for([
    [["--budget", "soon"], 'links: --budget "soon" is not a duration: write for example 90s, 10m or 1h'],
    [["--format", "xml"], 'links: unknown --format "xml": use pretty, github or json'],
    [["--concurrency", "0"], 'links: --concurrency "0" must be a whole number from 1 to 64'],
  ])("%j is refused with one line and exit code 2", ([args, message]) => {
    repo = makeRepo({});
    const result = cli(args as string[], repo.root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });
});
