import { parseIssue } from "@github/issue-parser";
import { parseDocument } from "yaml";
import { formatFileText } from "../format/file.ts";
import type { FormatSchemas } from "../format/schema-shapes.ts";
import { readLink } from "../forms/answers.ts";
import { CORRECTION_FIELDS, KEEP_AS_IT_IS } from "../forms/correction-form.ts";
import { parseOption } from "../forms/options.ts";
import { splitNarrative } from "../load/frontmatter.ts";
import { dateProblem } from "../rules/dates.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import type { Vocabularies } from "../vocab.ts";
import { type FormProblem, MAX_BODY } from "./read-form.ts";

/** What a correction issue asks to change in one existing entry. */
export interface CorrectionRequest {
  /** The entry's permalink: owner/slug (ken/be-the-cop-campaign-2015). */
  permalink: string;
  /** The language of the text whose title, summary or official titles change; the original by default. */
  language?: string;
  title?: string;
  summary?: string;
  officialTitles?: string[];
  status?: string;
  start?: string;
  end?: string;
  addLinks?: Array<Record<string, string>>;
  removeLinks?: string[];
}

export interface CorrectionReading {
  request?: CorrectionRequest;
  problems: FormProblem[];
}

const SEGMENT = "[a-z0-9]+(?:-[a-z0-9]+)*";
const PERMALINK = new RegExp(`^(${SEGMENT})/(${SEGMENT})$`);
const ENTRY_DIR = new RegExp(`(?:^|/)(?:countries|organizations)/(${SEGMENT})/activities/(${SEGMENT})(?:/|$)`);

/** The permalink an answer names: owner/slug itself, or the address of the entry's page or folder. */
export function permalinkOf(answer: string): string | undefined {
  const text = answer.trim().toLowerCase();
  const direct = PERMALINK.exec(text.replace(/^\/+|\/+$/g, ""));
  if (direct) return `${direct[1]}/${direct[2]}`;
  const path = text.replace(/[?#].*$/, "");
  const inPath = ENTRY_DIR.exec(path);
  return inPath ? `${inPath[1]}/${inPath[2]}` : undefined;
}

/** True when the request changes something the bot can write; otherwise the issue is for people only. */
export function hasEdits(request: CorrectionRequest): boolean {
  const { permalink: _permalink, language: _language, ...edits } = request;
  return Object.values(edits).some((value) => value !== undefined);
}

/**
 * Reads a correction issue: which entry, and the new values of what changes. Every value is
 * checked here so that the comment can name the question; the validator checks the result.
 */
export function readCorrectionForm(body: string, template: string, vocabularies: Vocabularies): CorrectionReading {
  if (body.length > MAX_BODY) return { problems: [{ message: `The issue is too long (${body.length} characters, at most ${MAX_BODY}).` }] };
  const problems: FormProblem[] = [];
  const answers = parseIssue(body.replace(/\r\n?/g, "\n").normalize("NFC"), template) as Record<string, unknown>;
  const f = CORRECTION_FIELDS;
  const labels: Record<string, string> = {
    [f.entry]: "Which entry",
    [f.language]: "Language of the text concerned",
    [f.title]: "New title",
    [f.summary]: "New summary",
    [f.officialTitles]: "Official titles to add",
    [f.status]: "New status",
    [f.start]: "New start date",
    [f.end]: "New end date",
    [f.addLinks]: "Sources to add",
    [f.removeLinks]: "Sources to remove",
  };
  const text = (id: string): string | undefined => {
    const answer = answers[id];
    const value = Array.isArray(answer) ? answer.join(", ") : typeof answer === "string" ? answer : undefined;
    return value?.trim() === "" ? undefined : value?.trim();
  };
  const oneLine = (value: string | undefined) => value?.replace(/\s+/g, " ").trim();
  const lines = (id: string) =>
    (text(id) ?? "")
      .split("\n")
      .map((line) => line.trim().replace(/^[-*]\s+/, ""))
      .filter(Boolean);
  const problem = (id: string, message: string, hint?: string) => problems.push({ field: labels[id] ?? id, message, ...(hint ? { hint } : {}) });

  const entry = text(f.entry);
  const permalink = entry === undefined ? undefined : permalinkOf(entry);
  if (entry === undefined) problem(f.entry, "This question is required and has no answer.");
  else if (permalink === undefined)
    problem(f.entry, `"${entry}" does not name an entry.`, "Write its permalink, such as ken/be-the-cop-campaign-2015, or paste the address of its page.");

  const request: CorrectionRequest = { permalink: permalink ?? "" };
  const language = text(f.language);
  if (language !== undefined) {
    const id = parseOption(language, vocabularies.get("languages"));
    if (id === undefined) problem(f.language, `"${language}" is not one of the choices.`);
    else request.language = id;
  }
  const title = oneLine(text(f.title));
  if (title !== undefined) {
    if (title.length < 3 || title.length > 200) problem(f.title, "The title needs 3 to 200 characters.");
    request.title = title;
  }
  const summary = oneLine(text(f.summary));
  if (summary !== undefined) {
    if (summary.length < 10 || summary.length > 600) problem(f.summary, "The summary needs 10 to 600 characters: one or two sentences.");
    request.summary = summary;
  }
  const officialTitles = [...new Set(lines(f.officialTitles).map((line) => oneLine(line) ?? ""))].filter(Boolean);
  if (officialTitles.length > 0) request.officialTitles = officialTitles;
  const status = text(f.status);
  if (status !== undefined && status !== KEEP_AS_IT_IS) {
    const id = parseOption(status, vocabularies.get("statuses"));
    if (id === undefined) problem(f.status, `"${status}" is not one of the choices.`);
    else request.status = id;
  }
  for (const [id, key] of [
    [f.start, "start"],
    [f.end, "end"],
  ] as const) {
    const value = text(id);
    if (value === undefined) continue;
    const why = dateProblem(value);
    if (why) problem(id, `"${value}" ${why}`, "Write a year (2019), a month (2019-06) or a day (2019-06-30).");
    request[key] = value;
  }
  const added: Array<Record<string, string>> = [];
  for (const [index, line] of lines(f.addLinks).entries()) {
    const read = readLink(line, vocabularies);
    if ("problem" in read)
      problem(f.addLinks, `Line ${index + 1}: ${read.problem}`, "Write each source on its own line as: official https://... (or document, news, evaluation).");
    else added.push(read.link);
  }
  if (added.length > 0) request.addLinks = added;
  const removed = lines(f.removeLinks).map((line) => /\S+:\/\/[^\s<>|]+/.exec(line)?.[0]?.replace(/[.,;)]+$/, "") ?? line);
  if (removed.length > 0) request.removeLinks = removed;
  return problems.length > 0 || permalink === undefined ? { problems } : { request, problems };
}

/** The files of an existing entry, as read from the default branch. */
export interface CurrentEntry {
  /** countries/<iso3>/activities/<slug> or organizations/<id>/activities/<slug>. */
  dir: string;
  activity: string;
  /** <lang>.md texts by language. */
  narratives: Record<string, string>;
}

export interface CorrectionResult {
  /** Only the files whose text changes. */
  files: EntryFile[];
  problems: FormProblem[];
}

/**
 * Applies a correction to an entry and returns the files that change, each in the repository's
 * canonical format. Everything the correction does not name stays as it is, unknown keys included.
 */
export function applyCorrection(entry: CurrentEntry, request: CorrectionRequest, schemas: FormatSchemas): CorrectionResult {
  const problems: FormProblem[] = [];
  const files: EntryFile[] = [];
  const activity = JSON.parse(entry.activity) as Record<string, unknown>;
  const activityBefore = JSON.stringify(activity);
  for (const key of ["status", "start", "end"] as const) if (request[key] !== undefined) activity[key] = request[key];
  let links = Array.isArray(activity.links) ? (activity.links as Array<Record<string, unknown>>) : [];
  for (const url of request.removeLinks ?? []) {
    const kept = links.filter((link) => link.url !== url);
    if (kept.length === links.length)
      problems.push({
        field: "Sources to remove",
        message: `${url} is not among the entry's sources.`,
        hint: "Copy the address exactly as the entry's page shows it.",
      });
    links = kept;
  }
  for (const link of request.addLinks ?? []) {
    if (!links.some((existing) => existing.url === link.url)) links.push(link);
  }
  activity.links = links;
  const activityPath = `${entry.dir}/activity.json`;
  if (JSON.stringify(activity) !== activityBefore) push(activityPath, `${JSON.stringify(activity, null, 2)}\n`);

  if (request.title !== undefined || request.summary !== undefined || request.officialTitles !== undefined) {
    const language = request.language ?? (typeof activity.originalLanguage === "string" ? activity.originalLanguage : "en");
    const current = entry.narratives[language];
    if (current === undefined) {
      problems.push({
        field: "Language of the text concerned",
        message: `The entry has no text in this language (${language}).`,
        hint: "Choose a language the entry is written in; a new translation is added through a pull request (see CONTRIBUTING.md).",
      });
    } else {
      const split = splitNarrative(current);
      const document = parseDocument(split.yaml ?? "");
      const frontmatterBefore = JSON.stringify(document.toJSON());
      if (request.title !== undefined) document.set("title", request.title);
      if (request.summary !== undefined) document.set("summary", request.summary);
      if (request.officialTitles !== undefined) {
        const existing = document.get("officialTitles");
        const known = Array.isArray((existing as { toJSON?: () => unknown } | undefined)?.toJSON?.())
          ? ((existing as { toJSON: () => unknown[] }).toJSON() as unknown[]).filter((value): value is string => typeof value === "string")
          : [];
        document.set("officialTitles", [...new Set([...known, ...request.officialTitles])]);
      }
      if (JSON.stringify(document.toJSON()) !== frontmatterBefore)
        push(`${entry.dir}/${language}.md`, `---\n${document.toString({ lineWidth: 0 })}---\n${split.body}`);
    }
  }
  return { files, problems };

  /** A file whose values changed, in the canonical format (`npm run format`) so the diff is only what changed. */
  function push(path: string, text: string) {
    files.push({ path, text: formatFileText(path, text, schemas).text ?? text });
  }
}
