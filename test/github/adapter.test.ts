/**
 * The one GitHub adapter both bots share: the pager reads lists to the end (page numbers and
 * cursors alike) and says when it did not, and the edit history of an issue is read completely.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { readIssueEdits } from "../../scripts/lib/github/issue-edits.ts";
import { readAll } from "../../scripts/lib/github/pager.ts";
import { createFakeGitHub, type FakeGitHub, type FakeUser, preloadGitHubDescriptions } from "../support/fake-github/index.ts";

beforeAll(preloadGitHubDescriptions);

const BOT: FakeUser = { id: 9_000_001, login: "cop-atlas-bot[bot]", type: "Bot" };
const repo = { owner: "cop-atlas", repo: "atlas" };

function fake(): { github: FakeGitHub; author: FakeUser } {
  const github = createFakeGitHub({ ...repo, actor: BOT });
  const author = github.user("fiona", 401);
  github.branch("main", github.commit({ "README.md": "x" }));
  return { github, author };
}

describe("readAll", () => {
  test("reads every page: 1,150 comments are 12 pages, past the 10 the submission bot used to stop at", async () => {
    const { github, author } = fake();
    const issue = github.openIssue({ user: author, body: "body" });
    for (let i = 0; i < 1150; i++) github.comment(issue.number, author, `comment ${i}`);
    const list = await readAll<{ body: string }>(github.octokit(), "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repo,
      issue_number: issue.number,
    });
    expect(list.complete).toBe(true);
    expect(list.items).toHaveLength(1150);
    expect(list.items.at(-1)?.body).toBe("comment 1149");
    expect(github.requests.filter((r) => r.operationId === "issues/list-comments")).toHaveLength(12);
    expect(github.violations).toEqual([]);
  });

  test("follows cursors as well as page numbers (the activity API)", async () => {
    const { github, author } = fake();
    let sha = github.state.refs.get("heads/main") ?? "";
    for (let i = 0; i < 230; i++) {
      sha = github.commit({ "README.md": `x${i}` }, { parents: [sha], author });
      github.branch("feature", sha, author);
    }
    const list = await readAll<{ activity_type: string }>(github.octokit(), "GET /repos/{owner}/{repo}/activity", { ...repo, ref: "refs/heads/feature" });
    expect(list).toMatchObject({ complete: true });
    expect(list.items).toHaveLength(230);
    expect(github.requests.filter((r) => r.operationId === "repos/list-activities").map((r) => Object.keys(r.query).sort().join(","))).toEqual([
      "per_page,ref",
      "after,per_page,ref",
      "after,per_page,ref",
    ]);
    expect(github.violations).toEqual([]);
  });

  test("a list longer than asked for is cut and marked incomplete", async () => {
    const { github, author } = fake();
    const issue = github.openIssue({ user: author, body: "body" });
    for (let i = 0; i < 250; i++) github.comment(issue.number, author, `comment ${i}`);
    const client = github.octokit();
    const route = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
    expect(await readAll(client, route, { ...repo, issue_number: issue.number }, { maxItems: 150 })).toMatchObject({ complete: false, items: { length: 150 } });
    expect(await readAll(client, route, { ...repo, issue_number: issue.number }, { maxItems: 250 })).toMatchObject({ complete: true, items: { length: 250 } });
  });

  test("a 409 Conflict, which octokit's pager turns into an empty page, is an error, not an empty list", async () => {
    const { github, author } = fake();
    const issue = github.openIssue({ user: author, body: "body" });
    github.comment(issue.number, author, "one");
    // Every try of the retrying client gets the 409.
    github.failNext("issues/list-comments", 409, 4);
    await expect(
      readAll(github.octokit(), "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issue.number }),
    ).rejects.toThrow(/409 Conflict/);
  });
});

describe("readIssueEdits", () => {
  test("reads the whole edit history across pages: every editor, and who saved the body last", async () => {
    const { github, author } = fake();
    const bob = github.user("bob", 102);
    const issue = github.openIssue({ user: author, body: "v0" });
    for (let i = 1; i <= 230; i++) github.editIssue(issue.number, i === 117 ? bob : author, `v${i}`);
    const edits = await readIssueEdits(github.octokit(), repo, issue.number);
    expect(edits).toEqual({
      editors: [
        { id: 102, login: "bob", type: "User" },
        { id: 401, login: "fiona", type: "User" },
      ],
      lastEditor: { id: 401, login: "fiona", type: "User" },
      complete: true,
    });
    expect(github.requests.filter((r) => r.route === "/graphql")).toHaveLength(3);
    expect(github.violations).toEqual([]);
  });

  test("an issue never edited has no editors", async () => {
    const { github, author } = fake();
    const issue = github.openIssue({ user: author, body: "v0" });
    expect(await readIssueEdits(github.octokit(), repo, issue.number)).toEqual({ editors: [], lastEditor: null, complete: true });
  });

  test("a missing issue is an error", async () => {
    const { github } = fake();
    await expect(readIssueEdits(github.octokit(), repo, 999)).rejects.toThrow(/Could not resolve to an Issue/);
  });
});
