import type { ContentReader, FileRead } from "../../github/content.ts";
import type { Vocabularies } from "../../vocab.ts";
import { describeEntryChange, type EntrySnapshot } from "../changes/describe.ts";
import { classifyBotPath, touchedPaths, type Unit } from "../paths.ts";
import { parseProfile } from "../profile.ts";
import type { ChangedFile, EntryRead, NarrativeRead, ProfileRead } from "../types.ts";
import { readNarrative, readNarrativeSnapshot, readOriginalLanguage } from "./narrative.ts";

/** Entries whose titles the bot reads for one pull request; more are counted, not read. */
export const MAX_ENTRIES_READ = 30;
/** Narrative files read per entry. */
const MAX_NARRATIVES = 12;
const NARRATIVE_FILE = /^([a-z]{2,3}(-[A-Za-z0-9]{2,8})?)\.md$/;

export interface ContentFacts {
  profiles: Record<string, { base: ProfileRead; head: ProfileRead | null }>;
  entries: Record<string, EntryRead>;
  entriesNotRead: number;
}

/**
 * Reads what the policy and the comment need from the repository content: each touched unit's
 * profile at the trust commit (and at the head when the PR changes it), and each touched entry's
 * narratives at the head (at the base when the PR removes the entry).
 */
export async function gatherContentFacts(
  reader: ContentReader,
  input: { files: ChangedFile[]; trustSha: string; headSha: string; baseSha: string; describe?: ChangeVocabulary },
): Promise<ContentFacts> {
  const units = new Map<string, { unit: Unit; profileTouched: boolean }>();
  const entries = new Map<string, string>();
  for (const file of input.files) {
    for (const path of touchedPaths(file)) {
      const info = classifyBotPath(path);
      if (info.kind === "governance" || info.kind === "unknown") continue;
      const known = units.get(info.unit.key) ?? { unit: info.unit, profileTouched: false };
      if (info.kind === "profile") known.profileTouched = true;
      units.set(info.unit.key, known);
      if (info.kind !== "profile") entries.set(info.entryKey, info.entryDir);
    }
  }

  const profiles: ContentFacts["profiles"] = {};
  for (const [key, { unit, profileTouched }] of [...units].sort(byKey)) {
    const base = toProfile(await reader.readFile(input.trustSha, unit.profilePath));
    const head = profileTouched ? toProfile(await reader.readFile(input.headSha, unit.profilePath)) : null;
    profiles[key] = { base, head };
  }

  const result: ContentFacts["entries"] = {};
  const sorted = [...entries].sort(byKey);
  for (const [key, dir] of sorted.slice(0, MAX_ENTRIES_READ)) {
    result[key] = await readEntry(reader, dir, input.headSha, input.baseSha);
    if (input.describe) {
      const base = await readSnapshot(reader, input.baseSha, dir);
      const head = await readSnapshot(reader, input.headSha, dir);
      if (base !== "unreadable" && head !== "unreadable" && (base !== null || head !== null)) {
        const entry = result[key];
        if (entry) entry.described = describeEntryChange(base, head, input.describe.vocabularies, input.describe.lists);
      }
    }
  }
  return { profiles, entries: result, entriesNotRead: Math.max(0, sorted.length - MAX_ENTRIES_READ) };
}

/** The vocabularies the change description labels values with, and which property takes which list. */
export interface ChangeVocabulary {
  vocabularies: Vocabularies;
  lists: Record<string, string>;
}

/**
 * An entry's facts and narratives at one commit, for the change description: null when the entry
 * is not there, "unreadable" when something could not be read or parsed (nothing is then described).
 */
async function readSnapshot(reader: ContentReader, sha: string, dir: string): Promise<EntrySnapshot | null | "unreadable"> {
  const listing = await reader.listDir(sha, dir);
  if (listing.status === "missing") return null;
  if (listing.status !== "ok") return "unreadable";
  const facts = await reader.readFile(sha, `${dir}/activity.json`);
  if (facts.status !== "ok") return facts.status === "missing" ? null : "unreadable";
  let activity: unknown;
  try {
    activity = JSON.parse(facts.text);
  } catch {
    return "unreadable";
  }
  if (typeof activity !== "object" || activity === null || Array.isArray(activity)) return "unreadable";
  const narratives: EntrySnapshot["narratives"] = {};
  const names = listing.entries
    .filter((entry) => entry.type === "file" && NARRATIVE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .slice(0, MAX_NARRATIVES);
  for (const name of names) {
    const read = await reader.readFile(sha, `${dir}/${name}`);
    if (read.status !== "ok") return "unreadable";
    const snapshot = readNarrativeSnapshot(name.slice(0, -3), read.text);
    if (snapshot) narratives[name.slice(0, -3)] = snapshot;
  }
  return { activity: activity as Record<string, unknown>, narratives };
}

function toProfile(read: FileRead): ProfileRead {
  if (read.status === "error")
    return { status: "error", message: `could not be read (${read.message})`, problem: { key: "review.profile.unreadable", values: { detail: read.message } } };
  return parseProfile(read.status === "ok" ? read.text : null);
}

async function readEntry(reader: ContentReader, dir: string, headSha: string, baseSha: string): Promise<EntryRead> {
  let ref: EntryRead["ref"] = "head";
  let listing = await reader.listDir(headSha, dir);
  if (listing.status === "missing") {
    ref = "base";
    listing = await reader.listDir(baseSha, dir);
  }
  if (listing.status !== "ok") {
    const why = listing.status === "missing" ? "exists neither at the head nor at the base" : `could not be listed (${listing.message})`;
    return { ref, originalLanguage: null, narratives: [], problems: [`${dir} ${why}`] };
  }
  const sha = ref === "head" ? headSha : baseSha;
  const problems: string[] = [];
  let originalLanguage: string | null = null;
  if (listing.entries.some((entry) => entry.name === "activity.json" && entry.type === "file")) {
    const facts = await reader.readFile(sha, `${dir}/activity.json`);
    if (facts.status === "ok") originalLanguage = readOriginalLanguage(facts.text);
    else if (facts.status === "error") problems.push(`${dir}/activity.json could not be read (${facts.message})`);
  }
  const names = listing.entries
    .filter((entry) => entry.type === "file" && NARRATIVE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  if (names.length > MAX_NARRATIVES) problems.push(`${dir} has more than ${MAX_NARRATIVES} narrative files; only the first are shown`);
  const narratives: NarrativeRead[] = [];
  for (const name of names.slice(0, MAX_NARRATIVES)) {
    const lang = name.slice(0, -3);
    const read = await reader.readFile(sha, `${dir}/${name}`);
    if (read.status === "ok") narratives.push(readNarrative(lang, read.text));
    else
      narratives.push({
        lang,
        title: null,
        version: null,
        translation: null,
        problem: read.status === "missing" ? "is missing" : `could not be read (${read.message})`,
      });
  }
  return { ref, originalLanguage, narratives, problems };
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
