import { describe, expect, test } from "vitest";
import { createGitHubClient } from "../../scripts/lib/github/client.ts";
import { MAX_REPORT_BYTES, readLinkReport } from "../../scripts/lib/links/issue/read-report.ts";
import { desiredLinkIssue, type IssueContext, LINK_ISSUE_LABEL, LINK_ISSUE_MARKER, LINK_ISSUE_TITLE } from "../../scripts/lib/links/issue/render.ts";
import { syncLinkIssue } from "../../scripts/lib/links/issue/sync.ts";
import type { LinkFinding, LinkJsonReport } from "../../scripts/lib/links/report.ts";
import { createFakeGitHub, type FakeGitHub } from "../support/fake-github/index.ts";

const BOT = { id: 41898282, login: "github-actions[bot]", type: "Bot" as const };
const CONTEXT: IssueContext = { serverUrl: "https://github.com", owner: "cop-atlas", repo: "atlas", branch: "main" };
const ACTIVITY = "countries/ken/activities/example-hotline/activity.json";

function finding(url: string, ruleId: LinkFinding["ruleId"], message: string, more: Partial<LinkFinding> = {}): LinkFinding {
  return {
    url,
    ruleId,
    severity: ruleId === "link-broken" ? "error" : "warning",
    message,
    chain: [],
    uses: [{ file: ACTIVITY, line: 8, column: 14, field: "links[0].url" }],
    ...more,
  };
}

const BROKEN = finding("https://example.org/gone", "link-broken", "https://example.org/gone has been removed for good (410 Gone).");
const MOVED = finding("https://example.org/old", "link-redirected", "https://example.org/old has moved permanently to https://example.org/new.", {
  redirect: "permanent",
  newUrl: "https://example.org/new",
});
const TEMPORARY = finding("https://example.org/today", "link-redirected", "https://example.org/today redirects for now to https://example.org/en/today.", {
  redirect: "temporary",
  newUrl: "https://example.org/en/today",
});
const UNCHECKED = finding("https://example.org/later", "link-unchecked", "https://example.org/later was not checked: the time budget of 10 min ran out first.");

/** A report as `npm run links -- --json-out` writes it, with these findings. */
function report(findings: LinkFinding[]): LinkJsonReport {
  const count = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).length;
  return {
    schemaVersion: 1,
    summary: { files: 3, entries: 1, errors: count("link-broken"), warnings: findings.length - count("link-broken") },
    diagnostics: findings.flatMap((f) =>
      f.uses.map((use) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        file: use.file,
        line: use.line,
        column: use.column,
        message: `${use.field}: ${f.message}`,
      })),
    ),
    links: {
      links: 10,
      sites: 3,
      ok: 10 - findings.length,
      redirected: count("link-redirected"),
      slow: count("link-slow"),
      broken: count("link-broken"),
      unreachable: count("link-unreachable"),
      unchecked: count("link-unchecked"),
    },
    findings,
  };
}

function fake(): FakeGitHub {
  return createFakeGitHub({ owner: "cop-atlas", repo: "atlas", actor: BOT });
}

async function sync(github: FakeGitHub, findings: LinkFinding[]) {
  return syncLinkIssue(github.octokit(), { report: report(findings), context: CONTEXT, botLogin: BOT.login });
}

const issues = (github: FakeGitHub) => [...github.state.issues.values()];

describe("the one links issue", () => {
  test("is opened, with its label and marker, when an address is broken", async () => {
    const github = fake();
    const outcome = await sync(github, [BROKEN, MOVED]);
    expect(outcome).toMatchObject({ desired: "open", sent: 1, error: null });
    expect(github.violations).toEqual([]);
    expect(issues(github)).toHaveLength(1);
    const [issue] = issues(github);
    expect(issue).toMatchObject({ title: LINK_ISSUE_TITLE, state: "open", labels: [LINK_ISSUE_LABEL], user: BOT });
    expect(issue?.body.startsWith(LINK_ISSUE_MARKER)).toBe(true);
    expect(issue?.body).toContain("### Broken (1)");
    expect(issue?.body).toContain("| <https://example.org/gone> | has been removed for good &#40;410 Gone&#41;. |");
    expect(issue?.body).toContain("### Moved permanently (1)");
    expect(issue?.body).toContain("| <https://example.org/old> | <https://example.org/new> |");
    expect(issue?.body).toContain(
      `[countries/ken/activities/example&#95;hotline/activity.json line 8](https://github.com/cop-atlas/atlas/blob/main/${ACTIVITY}#L8)`.replace(
        "example&#95;hotline",
        "example-hotline",
      ),
    );
  });

  test("a second run with the same results sends no write", async () => {
    const github = fake();
    await sync(github, [BROKEN, MOVED]);
    github.clearRequests();
    const outcome = await sync(github, [BROKEN, MOVED]);
    expect(outcome).toMatchObject({ planned: [], sent: 0 });
    expect(github.writes()).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  test("is edited, not opened again, when the findings change", async () => {
    const github = fake();
    await sync(github, [BROKEN]);
    github.clearRequests();
    await sync(github, [BROKEN, MOVED]);
    expect(github.writes().map((r) => `${r.method} ${r.route}`)).toEqual(["PATCH /repos/{owner}/{repo}/issues/{issue_number}"]);
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]?.body).toContain("Moved permanently (1)");
    expect(github.violations).toEqual([]);
  });

  test("is closed as completed when everything is fine, and stays closed without another write", async () => {
    const github = fake();
    await sync(github, [BROKEN]);
    const outcome = await sync(github, [TEMPORARY]);
    expect(outcome.desired).toBe("closed");
    expect(issues(github)[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(issues(github)[0]?.body).toContain("Every source address answered");
    github.clearRequests();
    await sync(github, []);
    expect(github.writes()).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  test("opens a new issue when an address breaks after the last one was closed", async () => {
    const github = fake();
    await sync(github, [BROKEN]);
    await sync(github, []);
    await sync(github, [MOVED]);
    expect(issues(github).map((i) => i.state)).toEqual(["closed", "open"]);
  });

  test("addresses left unchecked keep an open issue open, but never open one", async () => {
    const github = fake();
    await sync(github, [UNCHECKED]);
    expect(issues(github)).toEqual([]);
    await sync(github, [BROKEN]);
    await sync(github, [UNCHECKED]);
    expect(issues(github)[0]).toMatchObject({ state: "open" });
    expect(issues(github)[0]?.body).toContain("<summary>Not checked (1)</summary>");
  });

  test("an issue with the marker and the label written by someone else is not ours: left alone", async () => {
    const github = fake();
    const mallory = github.user("mallory", 666);
    const planted = github.openIssue({ user: mallory, title: "hi", body: `${LINK_ISSUE_MARKER}\nplease edit me`, labels: [LINK_ISSUE_LABEL] });
    await sync(github, [BROKEN]);
    expect(github.state.issues.get(planted.number)).toMatchObject({ body: `${LINK_ISSUE_MARKER}\nplease edit me`, state: "open" });
    expect(issues(github).filter((i) => i.user.login === BOT.login)).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  test("pull requests with the label are not issues: never edited", async () => {
    const github = fake();
    const alice = github.user("alice", 101);
    const pull = github.openPull({ user: alice, headSha: github.commit({}) });
    pull.labels.push(LINK_ISSUE_LABEL);
    await sync(github, [BROKEN]);
    expect(github.writes().map((r) => `${r.method} ${r.url}`)).toEqual(["POST https://api.github.com/repos/cop-atlas/atlas/issues"]);
    expect(github.violations).toEqual([]);
  });

  test("of two open links issues the oldest is kept and the other closed as not planned", async () => {
    const github = fake();
    const body = `${LINK_ISSUE_MARKER}\nold body`;
    const first = github.openIssue({ user: BOT, title: LINK_ISSUE_TITLE, body, labels: [LINK_ISSUE_LABEL] });
    const second = github.openIssue({ user: BOT, title: LINK_ISSUE_TITLE, body, labels: [LINK_ISSUE_LABEL] });
    await sync(github, [BROKEN]);
    expect(github.state.issues.get(first.number)).toMatchObject({ state: "open" });
    expect(github.state.issues.get(first.number)?.body).toContain("### Broken (1)");
    expect(github.state.issues.get(second.number)).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(github.violations).toEqual([]);
  });

  test("a new issue that lost its label on the way is reported: the next run could not find it", async () => {
    const github = fake();
    // GitHub drops the labels of a new issue, without an error, when the token may not set them.
    const dropLabels: typeof fetch = (input, init) => {
      if (init?.method === "POST" && typeof init.body === "string") {
        const { labels: _labels, ...body } = JSON.parse(init.body) as Record<string, unknown>;
        return github.fetch(input, { ...init, body: JSON.stringify(body) });
      }
      return github.fetch(input, init);
    };
    const client = createGitHubClient({ token: "fake-token", userAgent: "cop-atlas-test", fetch: dropLabels, waitScale: 0, pacing: false });
    const outcome = await syncLinkIssue(client, { report: report([BROKEN]), context: CONTEXT, botLogin: BOT.login });
    expect(outcome.sent).toBe(1);
    expect(outcome.error).toMatch(/did not get the link-check label/);
    expect(github.violations).toEqual([]);
  });

  test("the issue it created is named in the outcome", async () => {
    const github = fake();
    const outcome = await sync(github, [BROKEN]);
    expect(outcome.issue).toBe(issues(github)[0]?.number);
  });

  test("a failed write is reported, not thrown", async () => {
    const github = fake();
    github.failNext("issues/create", 403);
    const outcome = await sync(github, [BROKEN]);
    expect(outcome.sent).toBe(0);
    expect(outcome.error).toMatch(/^POST \/repos\/\{owner\}\/\{repo\}\/issues: /);
  });

  test("a dry run reads but sends nothing", async () => {
    const github = fake();
    const outcome = await syncLinkIssue(github.octokit(), { report: report([BROKEN]), context: CONTEXT, botLogin: BOT.login, dryRun: true });
    expect(outcome.planned).toHaveLength(1);
    expect(github.writes()).toEqual([]);
  });
});

describe("what the issue body lets through", () => {
  test("hostile addresses and messages make no mention, link, HTML or broken table", () => {
    const hostile = finding(
      "https://example.org/a|b<script>alert(1)</script>",
      "link-broken",
      "@admin see <img src=x onerror=alert(1)> [click](javascript:alert(1)) | `code` <!-- x",
      { uses: [{ file: "countries/ken/activities/a(b)/activity.json", line: 3, column: 4, field: "links[0].url" }] },
    );
    const redirect = finding("https://example.org/r", "link-redirected", "moved", {
      redirect: "permanent",
      newUrl: "https://evil.example/x)](javascript:alert(1))",
    });
    const desired = desiredLinkIssue(report([hostile, redirect]), CONTEXT, false);
    expect(desired.state).toBe("open");
    const body = desired.body;
    expect(body).not.toMatch(/<script|<img|<!-- x|\]\(javascript:|@admin/);
    expect(body).toContain("@\u2060admin");
    for (const row of body.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---") && !line.startsWith("| Address"))) {
      // Three columns: four pipes that are not escaped.
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
    }
    expect(body).toContain("(https://github.com/cop-atlas/atlas/blob/main/countries/ken/activities/a%28b%29/activity.json#L3)");
  });

  test("thousands of findings still fit in one issue body, and the counts stay exact", () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      finding(`https://example.org/page-${index}`, "link-broken", `https://example.org/page-${index} is not found (404 Not Found).`),
    );
    const desired = desiredLinkIssue(report(many), CONTEXT, false);
    expect(desired.body.length).toBeLessThanOrEqual(60_000);
    expect(desired.body).toContain("### Broken (5000)");
    expect(desired.body).toMatch(/…and \d+ more: run `npm run links` for the full list\./);
  });
});

describe("readLinkReport", () => {
  test("accepts the report the checker writes", () => {
    const text = JSON.stringify(report([BROKEN, MOVED]));
    expect(readLinkReport(text)).toEqual(report([BROKEN, MOVED]));
  });

  test.for([
    ["not JSON", "{", /^the link report is not JSON/],
    ["another version", JSON.stringify({ ...report([]), schemaVersion: 2 }), /^the link report does not have the expected shape: \/schemaVersion/],
    ["an unknown field", JSON.stringify({ ...report([]), extra: true }), /expected shape/],
    ["a rule that is not a link rule", JSON.stringify(report([{ ...BROKEN, ruleId: "schema" as never }])), /ruleId/],
    ["an address that is not a web address", JSON.stringify(report([{ ...BROKEN, url: "javascript:alert(1)" }])), /\/findings\/0\/url/],
    ["a position that is not a number", JSON.stringify(report([{ ...BROKEN, uses: [{ file: "a", line: "8" as never, column: 1, field: "x" }] }])), /line/],
  ] as const)("refuses %s", ([, text, message]) => {
    expect(() => readLinkReport(text)).toThrow(message);
  });

  test("refuses a report over the size cap before parsing it", () => {
    expect(() => readLinkReport(" ".repeat(MAX_REPORT_BYTES + 1))).toThrow(/larger than/);
  });
});
