/**
 * GitHub's GraphQL endpoint for the fake, for what REST does not offer (an issue's edit history).
 * Every query is validated against GitHub's published schema (@octokit/graphql-schema) and then
 * executed against that very schema with resolvers over the fake's state, so a response can only
 * hold what the schema allows: a field the fake does not provide comes back as an error, never as
 * an invented shape. The 1.2 MB schema is parsed once per process, on first use.
 */
import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema, graphql, parse, validate } from "graphql";
import type { FakeIssue, FakeState, FakeUser } from "./store.ts";

let schema: GraphQLSchema | null = null;

/**
 * The package's schema.graphql read as a file: importing the package also parses its 5 MB
 * introspection JSON and builds a second schema from it (its `validate`), a second of CPU that
 * each test process paid for nothing.
 */
function loadSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(new URL("./schema.graphql", import.meta.resolve("@octokit/graphql-schema")), "utf8"), { assumeValidSDL: true });
  return schema;
}

/** The GraphQL errors of a query against GitHub's schema (unknown fields, wrong arguments...), empty when it is valid. */
export function graphqlProblems(query: string): string[] {
  try {
    return validate(loadSchema(), parse(query)).map((error) => `graphql: ${error.message}`);
  } catch (error) {
    return [`graphql: ${(error as Error).message}`];
  }
}

/** Runs a valid query over the fake's state. Errors (a field the fake does not resolve) are returned, as GitHub would. */
export async function executeGraphql(state: FakeState, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[] }> {
  const result = await graphql({ schema: loadSchema(), source: query, rootValue: rootOf(state), variableValues: variables });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path })) } : {}),
  };
}

function actorOf(user: FakeUser | null): Record<string, unknown> | null {
  if (!user) return null;
  const typename = user.type === "Bot" ? "Bot" : user.type === "Organization" ? "Organization" : "User";
  return {
    __typename: typename,
    login: user.login,
    databaseId: user.id,
    id: Buffer.from(`04:${typename}${user.id}`).toString("base64"),
    url: `https://github.com/${user.login}`,
    resourcePath: `/${user.login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

/** A connection (first/after cursor pagination, as GitHub's), over a list that is already in order. */
function connection<T>(items: readonly T[], args: { first?: number | null; after?: string | null }, toNode: (item: T) => unknown) {
  const start = args.after
    ? Number(
        Buffer.from(args.after, "base64")
          .toString("utf8")
          .replace(/^cursor:/, ""),
      ) + 1
    : 0;
  const size = Math.min(args.first ?? 100, 100);
  const slice = items.slice(start, start + size);
  const cursor = (index: number) => Buffer.from(`cursor:${index}`).toString("base64");
  return {
    totalCount: items.length,
    nodes: slice.map(toNode),
    edges: slice.map((item, i) => ({ cursor: cursor(start + i), node: toNode(item) })),
    pageInfo: {
      hasNextPage: start + size < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursor(start) : null,
      endCursor: slice.length > 0 ? cursor(start + slice.length - 1) : null,
    },
  };
}

function issueOf(state: FakeState, issue: FakeIssue): Record<string, unknown> {
  const last = issue.edits.at(-1);
  return {
    __typename: "Issue",
    number: issue.number,
    title: issue.title,
    body: issue.body,
    databaseId: issue.number * 10,
    author: actorOf(issue.user),
    editor: last ? actorOf(last.editor) : null,
    lastEditedAt: last ? last.editedAt : null,
    createdAt: issue.createdAt,
    includesCreatedEdit: issue.edits.length > 0,
    // GitHub does not document the order of the revisions, nor whether the original is among them:
    // the fake lists newest first and includes the original once the body was edited, and the bot
    // under test must depend on neither.
    userContentEdits: (args: { first?: number; after?: string }) => {
      const revisions = issue.edits.length > 0 ? [{ editor: issue.user, editedAt: issue.createdAt }, ...issue.edits] : [];
      return connection([...revisions].reverse(), args, (edit) => ({
        __typename: "UserContentEdit",
        id: Buffer.from(`UCE:${issue.number}:${edit.editedAt}`).toString("base64"),
        editedAt: edit.editedAt,
        createdAt: edit.editedAt,
        updatedAt: edit.editedAt,
        editor: actorOf(edit.editor),
        deletedAt: null,
        deletedBy: null,
        diff: null,
      }));
    },
    url: `https://github.com/${state.owner}/${state.repo}/issues/${issue.number}`,
  };
}

function rootOf(state: FakeState): Record<string, unknown> {
  return {
    repository: (args: { owner: string; name: string }) => {
      if (args.owner.toLowerCase() !== state.owner.toLowerCase() || args.name.toLowerCase() !== state.repo.toLowerCase()) return null;
      return {
        __typename: "Repository",
        name: state.repo,
        issue: ({ number }: { number: number }) => {
          const issue = state.issues.get(number);
          // GitHub's answer for a missing issue (or a pull request's number): null, with this error.
          if (!issue) throw new Error(`Could not resolve to an Issue with the number of ${number}.`);
          return issueOf(state, issue);
        },
      };
    },
  };
}
