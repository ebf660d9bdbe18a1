import type { GitHubClient } from "./client.ts";
import { describeError, errorStatus } from "./errors.ts";

/** A file read at a commit: its text, or why there is none. */
export type FileRead = { status: "ok"; text: string } | { status: "missing" } | { status: "error"; message: string };

/** A folder listed at a commit. */
export type DirRead =
  | { status: "ok"; entries: { name: string; type: "file" | "dir" | "other" }[] }
  | { status: "missing" }
  | { status: "error"; message: string };

/**
 * Reads repository content at a commit. Two adapters: the contents API (in Actions, both bots)
 * and `git show` (the local dry run). Content is returned as text and treated as data only.
 */
export interface ContentReader {
  readFile(ref: string, path: string): Promise<FileRead>;
  listDir(ref: string, path: string): Promise<DirRead>;
}

/** Files bigger than this are not read (checklist item 25). */
export const MAX_FILE_BYTES = 256 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads repository content at a commit (or branch) through the contents API. Files are data: decoded, never run. */
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
