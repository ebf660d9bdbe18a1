import type { ContentReader, DirRead, FileRead } from "./content.ts";
import { MAX_FILE_BYTES } from "./content.ts";

/** The part of Octokit the bot uses for reads: `request`, with the response's status, headers and data. */
export interface GitHubClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; headers: Record<string, unknown>; data: unknown }>;
}

/** The HTTP status of a failed request, when there is one. */
export function errorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : null;
}

/** A short description of a failed request, for a "needs a human" reason. */
export function describeError(error: unknown): string {
  const status = errorStatus(error);
  const message = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 200) : String(error).slice(0, 200);
  return status ? `HTTP ${status}: ${message}` : (message ?? "unknown error");
}

/** Pages read at most per list (100 items each). The files API stops at 3000 anyway. */
export const MAX_PAGES = 30;

/**
 * Reads every page of a list endpoint, following the Link header. Stops after `maxPages` and then
 * says the list is incomplete: the policy fails closed on an incomplete list.
 */
export async function paginate<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  pick: (data: unknown) => T[] = (data) => data as T[],
  maxPages = MAX_PAGES,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const response = await client.request(route, { ...params, per_page: 100, page });
    const batch = pick(response.data);
    if (!Array.isArray(batch)) throw new Error(`${route} did not return a list`);
    items.push(...batch);
    const link = response.headers.link;
    if (typeof link !== "string" || !/rel="next"/.test(link)) return { items, complete: true };
  }
  return { items, complete: false };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads repository content at a commit through the contents API. Files are data: decoded, never run. */
export function githubContentReader(client: GitHubClient, owner: string, repo: string): ContentReader {
  const get = (ref: string, path: string) => client.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ref });
  return {
    async readFile(ref, path): Promise<FileRead> {
      try {
        const { data } = await get(ref, path);
        const file = data as { type?: unknown; size?: unknown; encoding?: unknown; content?: unknown };
        if (Array.isArray(data) || file.type !== "file") return { status: "error", message: "not a regular file" };
        if (typeof file.size !== "number" || file.size > MAX_FILE_BYTES) return { status: "error", message: "too large" };
        if (file.encoding !== "base64" || typeof file.content !== "string") return { status: "error", message: "no content" };
        return { status: "ok", text: utf8.decode(Buffer.from(file.content, "base64")) };
      } catch (error) {
        if (errorStatus(error) === 404) return { status: "missing" };
        if (error instanceof TypeError) return { status: "error", message: "not UTF-8 text" };
        return { status: "error", message: describeError(error) };
      }
    },
    async listDir(ref, path): Promise<DirRead> {
      try {
        const { data } = await get(ref, path);
        if (!Array.isArray(data)) return { status: "error", message: "not a folder" };
        return {
          status: "ok",
          entries: data.map((item: { name?: unknown; type?: unknown }) => ({
            name: String(item.name),
            type: item.type === "file" ? "file" : item.type === "dir" ? "dir" : "other",
          })),
        };
      } catch (error) {
        if (errorStatus(error) === 404) return { status: "missing" };
        return { status: "error", message: describeError(error) };
      }
    },
  };
}
