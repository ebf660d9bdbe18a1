import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { firstError, validateArtifact } from "../schemas.ts";
import type { Finding, ValidationSummary } from "../types.ts";
import { summarizeFindings } from "../validation-summary.ts";

/** The artifact must be exactly this one file. */
export const ARTIFACT_FILE = "result.json";
/** Bigger than any real result (2000 findings of 1000 characters fit), small enough to read safely. */
export const MAX_ARTIFACT_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 16;

/** The workflow run that produced the artifact, from the workflow_run event. */
export interface ProducingRun {
  id: number;
  headSha: string;
  event: string;
  path: string;
}

export type ArtifactResult =
  | { ok: true; summary: ValidationSummary }
  /** `stale`: the pull request moved on since the run; nothing is wrong, the artifact is just old. */
  | { ok: false; reason: string; stale: boolean };

/** An entry of the downloaded artifact, as the file system (or an archive listing) reports it. */
export interface ArtifactEntry {
  name: string;
  size: number;
  type: "file" | "dir" | "symlink" | "other";
}

/**
 * Checks the names, kinds and sizes of what an artifact contains, before anything is read:
 * no absolute names, no "..", no backslashes or control characters (zip-slip), no links or
 * folders, no more than a few entries, and a total size under the cap.
 */
export function checkArtifactEntries(entries: readonly ArtifactEntry[]): string | null {
  if (entries.length > MAX_ENTRIES) return `it has ${entries.length} entries`;
  let total = 0;
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "it has an entry with an absolute name";
    if (name.split(/[/\\]/).includes("..")) return "it has an entry whose name climbs out of its folder (..)";
    if (/[\\\p{Cc}]/u.test(name) || name.length > 200) return "it has an entry with a forbidden character in its name";
    if (entry.type !== "file") return `it has an entry that is not a regular file (${entry.type})`;
    if (entry.size < 0 || entry.size > MAX_ARTIFACT_BYTES) return "it has an entry over the size cap";
    total += entry.size;
  }
  if (total > MAX_ARTIFACT_BYTES) return "it is over the size cap";
  const names = entries.map((e) => e.name);
  if (names.length !== 1 || names[0] !== ARTIFACT_FILE) return `it must hold exactly ${ARTIFACT_FILE}`;
  return null;
}

/** What a downloaded artifact folder holds, without following links; null when it cannot be read. */
export async function listArtifactEntries(dir: string): Promise<ArtifactEntry[] | null> {
  try {
    const entries: ArtifactEntry[] = [];
    for (const name of (await readdir(dir)).slice(0, MAX_ENTRIES + 1)) {
      const info = await lstat(join(dir, name));
      entries.push({ name, size: info.size, type: info.isSymbolicLink() ? "symlink" : info.isFile() ? "file" : info.isDirectory() ? "dir" : "other" });
    }
    return entries;
  } catch {
    return null;
  }
}

/**
 * The parsed result.json of a downloaded artifact folder, read only after its entries pass
 * checkArtifactEntries and only up to the size cap; or why it was refused. Not yet checked
 * against a schema: the caller does that for its kind of artifact.
 */
export async function readArtifactJson(dir: string): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  const entries = await listArtifactEntries(dir);
  if (entries === null) return { ok: false, reason: "it was not downloaded" };
  const problem = checkArtifactEntries(entries);
  if (problem) return { ok: false, reason: problem };
  try {
    const text = await readFile(join(dir, ARTIFACT_FILE), "utf8");
    // The listing was checked, but the file could have grown since: check what was read too.
    if (Buffer.byteLength(text) > MAX_ARTIFACT_BYTES) return { ok: false, reason: "it is over the size cap" };
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: `${ARTIFACT_FILE} is not valid JSON` };
  }
}

/**
 * Accepts the validation artifact of a run only when every check holds (checklist item 6):
 * the run is a pull_request run of the expected workflow file; the folder holds exactly
 * result.json, a regular file under the size cap; the JSON matches the strict schema; and its
 * head commit and number are those of the run and of the pull request now. Never executes or
 * interprets anything in it: the findings are text for the comment.
 */
export async function consumeValidationArtifact(input: {
  dir: string;
  run: ProducingRun;
  pullRequest: { number: number; headSha: string };
  expectedWorkflowPath: string;
}): Promise<ArtifactResult> {
  const { run, pullRequest } = input;
  const refuse = (reason: string, stale = false): ArtifactResult => ({ ok: false, reason: `The validation artifact was refused: ${reason}.`, stale });
  if (run.event !== "pull_request") return refuse(`the run was started by ${run.event}, not pull_request`);
  if (run.path !== input.expectedWorkflowPath) return refuse("the run is not of the expected validation workflow");

  const read = await readArtifactJson(input.dir);
  if (!read.ok) return refuse(read.reason);
  const value = read.value;
  if (!validateArtifact(value)) return refuse(`${ARTIFACT_FILE} does not match the schema (${firstError(validateArtifact)})`);
  const artifact = value as { headSha: string; prNumber: number; findings: Finding[] };

  if (artifact.headSha !== run.headSha) return refuse("its head commit is not the run's");
  if (artifact.prNumber !== pullRequest.number) return refuse("it is for another pull request");
  if (artifact.headSha !== pullRequest.headSha) return refuse("the pull request has new commits since this run", true);
  return { ok: true, summary: summarizeFindings(run.id, artifact.headSha, artifact.findings) };
}
