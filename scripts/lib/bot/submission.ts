import { validateSubmission } from "./schemas.ts";

/** What the submission bot records about the issue a pull request was made from. */
export interface SubmissionMarker {
  issue: number;
  authorId: number;
}

export type SubmissionRead = { status: "ok"; marker: SubmissionMarker } | { status: "none" } | { status: "invalid"; why: string };

const MARKER = /<!--\s*cop-submission:\s*(.*?)\s*-->/gs;

/**
 * Finds the `<!-- cop-submission: {"issue": N, "authorId": 123} -->` marker in a pull request
 * body. Only meaningful when the bot itself opened the pull request: the caller checks that.
 * More than one marker, or one that is not exactly the expected JSON, is invalid.
 */
export function parseSubmissionMarker(body: string): SubmissionRead {
  const matches = [...body.matchAll(MARKER)];
  if (matches.length === 0) return { status: "none" };
  if (matches.length > 1) return { status: "invalid", why: "the body has more than one submission marker" };
  const json = matches[0]?.[1] ?? "";
  if (json.length > 200) return { status: "invalid", why: "the submission marker is too long" };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { status: "invalid", why: "the submission marker is not valid JSON" };
  }
  if (!validateSubmission(value)) return { status: "invalid", why: "the submission marker does not have the expected fields" };
  return { status: "ok", marker: value as SubmissionMarker };
}
