import type { GitHubClient } from "./client.ts";

/** An account as GitHub reports it: the numeric id is what counts (logins can be renamed). */
export interface GitHubAccount {
  id: number;
  login: string;
  /** "User", "Bot"… */
  type: string;
}

/** Who changed an issue's body after it was opened, from GitHub's edit history. */
export interface IssueEdits {
  /** Every account that saved a revision of the body (the author included when they edited), by id, oldest id first. */
  editors: GitHubAccount[];
  /** Who saved the body as it is now; null when it was never edited (or the editor's account is gone). */
  lastEditor: GitHubAccount | null;
  /** False when the history was longer than the bot reads: the review bot then fails closed. */
  complete: boolean;
}

/** Revisions read at most (20 pages of 100). */
const MAX_PAGES = 20;

// The REST API has no edit history of an issue's body (neither the events nor the timeline
// list body edits), so this one read goes through GraphQL: `userContentEdits` is GitHub's record
// of every saved revision with its editor. The bot depends neither on the order of the revisions
// nor on whether the original is among them, neither of which GitHub documents.
const QUERY = `query IssueEdits($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) {
      editor { __typename login ... on User { databaseId } ... on Bot { databaseId } }
      userContentEdits(first: 100, after: $cursor) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { editedAt editor { __typename login ... on User { databaseId } ... on Bot { databaseId } } }
      }
    }
  }
}`;

interface ActorData {
  __typename: string;
  login: string;
  databaseId?: number | null;
}
interface QueryData {
  repository: {
    issue: {
      editor: ActorData | null;
      userContentEdits: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: ({ editedAt: string; editor: ActorData | null } | null)[] | null;
      } | null;
    } | null;
  } | null;
}

/**
 * The edit history of an issue's body. Throws on an API error or when the issue does not exist:
 * the caller decides what an unknown history means (the review bot fails closed).
 */
export async function readIssueEdits(client: GitHubClient, repo: { owner: string; repo: string }, number: number): Promise<IssueEdits> {
  const editors = new Map<number, GitHubAccount>();
  let lastEditor: GitHubAccount | null = null;
  let cursor: string | null = null;
  let seen = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: QueryData = await client.graphql<QueryData>(QUERY, { owner: repo.owner, name: repo.repo, number, cursor });
    const issue = data.repository?.issue;
    if (!issue) throw new Error(`issue #${number} was not found`);
    if (page === 0) lastEditor = toAccount(issue.editor);
    const edits = issue.userContentEdits;
    if (!edits) return { editors: sorted(editors), lastEditor, complete: false };
    for (const node of edits.nodes ?? []) {
      seen++;
      const account = toAccount(node?.editor ?? null);
      if (account) editors.set(account.id, account);
    }
    if (!edits.pageInfo.hasNextPage || !edits.pageInfo.endCursor) {
      return { editors: sorted(editors), lastEditor, complete: seen >= edits.totalCount };
    }
    cursor = edits.pageInfo.endCursor;
  }
  return { editors: sorted(editors), lastEditor, complete: false };
}

function toAccount(actor: ActorData | null): GitHubAccount | null {
  // A deleted account ("ghost") or an actor without a numeric id cannot be anyone's reviewer.
  if (!actor || typeof actor.databaseId !== "number") return null;
  return { id: actor.databaseId, login: actor.login, type: actor.__typename === "Bot" ? "Bot" : "User" };
}

function sorted(editors: Map<number, GitHubAccount>): GitHubAccount[] {
  return [...editors.values()].sort((a, b) => a.id - b.id);
}
