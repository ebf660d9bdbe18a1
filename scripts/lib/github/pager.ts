import type { GitHubClient } from "./client.ts";

/** A list read from GitHub, and whether it is the whole list. */
export interface ListRead<T> {
  items: T[];
  /** False when the list was cut at `maxItems`: the policy fails closed on an incomplete list. */
  complete: boolean;
}

/** Items read per list at most (100 pages of 100): more than any pull request of data needs. */
export const MAX_LIST_ITEMS = 10_000;

/**
 * Every item of a list endpoint, following GitHub's `Link` headers to the end (page numbers or
 * cursors alike: octokit's pager follows whatever `rel="next"` says, and unwraps lists that come
 * inside an object, such as workflow runs). It stops only at `maxItems`, and then says so. An API
 * error on any page is thrown, 409 included: a list is never returned half-read as if it were whole.
 */
export async function readAll<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  options: { maxItems?: number } = {},
): Promise<ListRead<T>> {
  const maxItems = options.maxItems ?? MAX_LIST_ITEMS;
  const items: T[] = [];
  const pages = client.paginate.iterator(route as "GET /repos/{owner}/{repo}/pulls", { ...params, per_page: 100 } as never);
  for await (const response of pages) {
    // octokit's pager turns a 409 Conflict into an empty last page without headers; a list cut
    // short must not pass for a whole one.
    if (Object.keys(response.headers).length === 0) throw new Error(`${route} answered 409 Conflict`);
    const batch = response.data as unknown;
    if (!Array.isArray(batch)) throw new Error(`${route} did not return a list`);
    items.push(...(batch as T[]));
    if (items.length >= maxItems) {
      const more = /rel="next"/.test(String(response.headers.link ?? ""));
      return { items: items.slice(0, maxItems), complete: !more && items.length === maxItems };
    }
  }
  return { items, complete: true };
}
