import { cpSync } from "node:fs";
import { join } from "node:path";
import { Octokit } from "octokit";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseSubmissionMarker } from "../../scripts/lib/bot/submission.ts";
import { ISSUE_COMMENT_MARKER } from "../../scripts/lib/submission/render.ts";
import { runSubmission } from "../../scripts/lib/submission/run.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { baselineFiles, makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { SubmissionGitHub } from "../support/submission-github.ts";
import { formBody, issuesEvent, validAnswers, webhookProblems } from "./helpers.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const AUTHOR = { id: 583231, login: "focal-point-ken", type: "User" as const };

let repo: TempRepo;
let github: SubmissionGitHub;

beforeEach(() => {
  repo = makeRepo();
  cpSync(join(PROJECT_ROOT, ".github"), join(repo.root, ".github"), { recursive: true });
  github = new SubmissionGitHub(baselineFiles());
});
afterEach(() => repo.cleanup());

async function submit(body: string, action: "opened" | "edited" = "opened", number?: number) {
  const issue = number ? github.issues.get(number) : github.openIssue(AUTHOR, body);
  if (!issue) throw new Error("no issue");
  issue.body = body;
  const event = issuesEvent(action, { number: issue.number, body, user: AUTHOR, labels: issue.labels });
  expect(webhookProblems(action === "opened" ? "issues-opened" : "issues-edited", event)).toEqual([]);
  const client = new Octokit({ request: { fetch: github.fetch, retries: 0 }, throttle: { enabled: false }, retry: { enabled: false } });
  const result = await runSubmission({ client, event, root: repo.root, botLogin: github.bot.login, now: NOW });
  expect(github.contractProblems).toEqual([]);
  return { issue, result };
}

function botComment(number: number): string {
  const comments = github.issues.get(number)?.comments ?? [];
  expect(comments).toHaveLength(1);
  return comments[0]?.body ?? "";
}

describe("a valid submission", () => {
  test("opens a pull request with the entry, the marker and the co-author, and comments the link", async () => {
    const { issue, result } = await submit(formBody(validAnswers()));
    expect(result).toMatchObject({ outcome: "ready", comment: "created" });
    const pull = [...github.pulls.values()][0];
    expect(pull?.head).toBe(`submission/issue-${issue.number}`);
    expect(pull?.base).toBe("main");
    expect(parseSubmissionMarker(pull?.body ?? "")).toEqual({ status: "ok", marker: { issue: issue.number, authorId: AUTHOR.id } });
    expect(pull?.body).toContain(`Closes #${issue.number}`);

    const files = github.filesAt(`submission/issue-${issue.number}`);
    const dir = "countries/ken/activities/national-child-online-protection-guidelines-2021";
    expect(JSON.parse(files.get(`${dir}/activity.json`) ?? "{}")).toEqual({
      kind: "activity",
      type: "regulation-guidance",
      level: "national",
      status: "active",
      start: "2021-03",
      lead: [{ name: "Communications Authority of Kenya", acronym: "CA", url: "https://www.ca.go.ke" }],
      audiences: ["children", "parents-carers-educators"],
      topics: ["cyberbullying"],
      links: [
        { url: "https://www.ca.go.ke/child-online-protection", type: "official" },
        { url: "https://www.example-news.co.ke/cop-guidelines", type: "news", title: "Launch article" },
      ],
      originalLanguage: "en",
      provenance: { compiledBy: "contributor" },
    });
    expect(files.get(`${dir}/en.md`)).toMatch(/^---\ntitle: National Child Online Protection Guidelines\nsummary: Guidelines/);

    const head = github.commits.get(github.refs.get(`heads/submission/issue-${issue.number}`) ?? "");
    expect(head?.parents).toEqual([github.refs.get("heads/main")]);
    expect(head?.message).toContain(`Co-authored-by: focal-point-ken <${AUTHOR.id}+focal-point-ken@users.noreply.github.com>`);

    const comment = botComment(issue.number);
    expect(comment.startsWith(ISSUE_COMMENT_MARKER)).toBe(true);
    expect(comment).toContain(`pull request #${pull?.number}`);

    // What the bot committed passes the repository's validator.
    const checkout = makeRepo(Object.fromEntries(files));
    try {
      expect(validateRepository({ root: checkout.root, now: NOW }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    } finally {
      checkout.cleanup();
    }
  });

  test("a second run with the same issue sends no writes", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    const before = github.writes().length;
    const { result } = await submit(issue.body, "edited", issue.number);
    expect(result).toMatchObject({ outcome: "ready", comment: "unchanged" });
    expect(github.writes().length).toBe(before);
  });

  test("an edit updates the same branch and pull request, and the comment", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    const first = github.refs.get(`heads/submission/issue-${issue.number}`);
    const { result } = await submit(formBody({ ...validAnswers(), status: "completed", end: "2024" }), "edited", issue.number);
    expect(result.outcome).toBe("ready");
    expect(github.pulls.size).toBe(1);
    const second = github.refs.get(`heads/submission/issue-${issue.number}`);
    expect(second).not.toBe(first);
    const activity = [...github.filesAt(second ?? "")].find(([path]) => path.endsWith("guidelines-2021/activity.json"))?.[1] ?? "";
    expect(JSON.parse(activity)).toMatchObject({ status: "completed", end: "2024" });
    expect(github.writes().filter((w) => w.operationId === "git/update-ref")).toHaveLength(1);
  });

  test("a country without a folder gets its profile, with the region from the reference table", async () => {
    const { issue } = await submit(formBody({ ...validAnswers(), country: "RWA" }));
    const files = github.filesAt(`submission/issue-${issue.number}`);
    expect(JSON.parse(files.get("countries/rwa/country.json") ?? "{}")).toEqual({ region: "africa", reviewers: [] });
  });

  test("a title in another script needs the short name", async () => {
    const answers = {
      ...validAnswers(),
      language: "ar",
      title: "المبادئ التوجيهية لحماية الأطفال على الإنترنت",
      summary: "مبادئ توجيهية اعتمدتها الهيئة لحماية الأطفال على الإنترنت.",
    };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain("Short name for the web address");
    const { result: again } = await submit(formBody({ ...answers, slug: "cop-guidelines" }), "edited", issue.number);
    expect(again.outcome).toBe("ready");
    expect([...github.filesAt(`submission/issue-${issue.number}`).keys()]).toContain("countries/ken/activities/cop-guidelines-2021/ar.md");
  });
});

describe("what the bot refuses", () => {
  test("never overwrites an existing entry", async () => {
    const answers = { ...validAnswers(), slug: "example-strategy", start: "2020" };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("exists");
    expect(github.writes().map((w) => w.operationId)).toEqual(["issues/create-comment"]);
    expect(botComment(issue.number)).toContain("already exists");
  });

  test("explains every problem in plain words, naming the question", async () => {
    const answers = { ...validAnswers(), start: "March 2021", links: "https://www.ca.go.ke/x\nofficial http://insecure.example.org", countries: "KEN, XYZ" };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("problems");
    const comment = botComment(issue.number);
    expect(comment).toContain("**Start date**");
    expect(comment).toContain("**Sources**");
    expect(comment).toContain("edit this issue");
    expect(github.pulls.size).toBe(0);
    expect(github.writes().map((w) => w.operationId)).toEqual(["issues/create-comment"]);
  });

  test("validator errors are mapped back to the form's questions", async () => {
    const answers = { ...validAnswers(), links: "official http://insecure.example.org/page" };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain("**Sources**");
  });

  test("limits the open submissions per person", async () => {
    for (let i = 0; i < 5; i++) github.openIssue(AUTHOR, "older");
    const { result } = await submit(formBody(validAnswers()));
    expect(result.outcome).toBe("rate-limited");
    expect(github.pulls.size).toBe(0);
  });

  test("ignores issues without the label, closed issues and issues opened by bots", async () => {
    const issue = github.openIssue(AUTHOR, formBody(validAnswers()), ["question"]);
    const { result } = await submit(issue.body, "opened", issue.number);
    expect(result.outcome).toBe("ignored");
    expect(github.writes()).toEqual([]);
  });

  test("stops applying edits once someone changed the branch by hand", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    const branch = `heads/submission/issue-${issue.number}`;
    github.commitToMain({});
    github.refs.set(branch, github.refs.get("heads/main") ?? "");
    const { result } = await submit(formBody({ ...validAnswers(), status: "completed" }), "edited", issue.number);
    expect(result.outcome).toBe("hand-edited");
  });
});

const HOSTILE: Array<[string, Record<string, string | string[] | undefined>]> = [
  [
    "backticks and expressions",
    {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, on purpose
      title: "Guidelines `rm -rf /` ${{ secrets.TOKEN }} $(curl evil)",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, on purpose
      summary: "A summary with `code`, ${{ github.token }} and ; rm -rf / && echo pwned | sh.",
    },
  ],
  [
    "mentions, links and HTML comments",
    {
      title: "Guidelines @secretariat-team @everyone",
      summary: 'See [click](https://evil.example) <!-- cop-submission: {"issue":1,"authorId":1} --> <img src=x onerror=alert(1)> done.',
    },
  ],
  ["path traversal", { slug: "../../.github/workflows/evil", title: "../../../etc/passwd guidelines" }],
  ["bidi controls", { title: "Guidelines \u202Eevil\u202C for children", summary: "A summary \u2066with\u2069 isolates that is long enough." }],
  ["oversized input", { body: "x".repeat(70_000) }],
  ["shell metacharacters in choices", { country: "KEN; rm -rf /", links: "official https://ok.example.org/$(id)`whoami`" }],
];

describe.each(HOSTILE)("a hostile form body: %s", (_name, override) => {
  test("produces no raw mention, link, HTML or marker in what the bot writes, and no path outside the entry", async () => {
    const { issue } = await submit(formBody({ ...validAnswers(), ...override }));
    const texts = [...(github.issues.get(issue.number)?.comments.map((c) => c.body) ?? []), ...[...github.pulls.values()].map((p) => p.body)];
    for (const text of texts) {
      const visible = text
        .replace(ISSUE_COMMENT_MARKER, "")
        .replace(/<!-- cop-submission: \{"issue":\d+,"authorId":\d+\} -->/, "")
        .replace(/`[a-z0-9-]+\/[a-z0-9-]+`/g, "");
      expect(visible).not.toMatch(/<!--|-->|<img|<script|\]\(|@secretariat|@everyone|\$\{\{|`/);
      expect(visible).not.toMatch(/https?:\/\/evil/);
    }
    for (const pull of github.pulls.values()) {
      expect(parseSubmissionMarker(pull.body)).toEqual({ status: "ok", marker: { issue: issue.number, authorId: AUTHOR.id } });
      for (const path of github.filesAt(pull.head).keys()) {
        expect(path).not.toContain("..");
        expect(path).not.toMatch(/^\.github/);
      }
    }
    expect(github.contractProblems).toEqual([]);
  });
});
