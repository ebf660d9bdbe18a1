import { parseIssue } from "@github/issue-parser";
import { parseDocument } from "yaml";
import { formatFileText } from "../format/file.ts";
import type { FormatSchemas } from "../format/schema-shapes.ts";
import { readLink } from "../forms/answers.ts";
import { CORRECTION_FIELDS, correctionFormLabels } from "../forms/correction-form.ts";
import { parseOption } from "../forms/options.ts";
import { formatMessage, type MessageKey, type MessageValues } from "../i18n/messages.ts";
import { splitNarrative } from "../load/frontmatter.ts";
import { dateProblemRef } from "../rules/dates.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import { UN_LANGUAGES, type UnLanguage, type Vocabularies } from "../vocab.ts";
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
  /** Which entry and what changes; when `problems` is not empty, some of its values are the ones refused. */
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
 * checked here so that the comment can name the question; the validator checks the result. The
 * problems are written in `lang`, naming the questions as the form in that language shows them.
 */
export function readCorrectionForm(body: string, template: string, vocabularies: Vocabularies, lang: UnLanguage = "en"): CorrectionReading {
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(lang, key, values);
  if (body.length > MAX_BODY)
    return { problems: [{ message: t("form.problem.tooLong", { length: body.length, limit: MAX_BODY }), hint: t("form.problem.tooLongHint") }] };
  const problems: FormProblem[] = [];
  const answers = parseIssue(body.replace(/\r\n?/g, "\n").normalize("NFC"), template) as Record<string, unknown>;
  const f = CORRECTION_FIELDS;
  const labels: Record<string, string> = correctionFormLabels(lang);
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
  if (entry === undefined) problem(f.entry, t("form.problem.required"));
  else if (permalink === undefined) problem(f.entry, t("form.problem.notAnEntry", { answer: entry }), t("form.problem.notAnEntryHint"));

  const request: CorrectionRequest = { permalink: permalink ?? "" };
  const language = text(f.language);
  if (language !== undefined) {
    const id = parseOption(language, vocabularies.get("languages"));
    if (id === undefined) problem(f.language, t("form.problem.notAChoice", { answer: language }), t("form.problem.pickChoice"));
    else request.language = id;
  }
  const title = oneLine(text(f.title));
  if (title !== undefined) {
    if (title.length < 3 || title.length > 200) problem(f.title, t("form.problem.titleLength", { min: 3, max: 200 }));
    request.title = title;
  }
  const summary = oneLine(text(f.summary));
  if (summary !== undefined) {
    if (summary.length < 10 || summary.length > 600) problem(f.summary, t("form.problem.summaryLength", { min: 10, max: 600 }));
    request.summary = summary;
  }
  const officialTitles = [...new Set(lines(f.officialTitles).map((line) => oneLine(line) ?? ""))].filter(Boolean);
  if (officialTitles.length > 0) request.officialTitles = officialTitles;
  const status = text(f.status);
  // "Keep as it is" in any of the six forms: a form edited after a language switch still reads.
  if (status !== undefined && !UN_LANGUAGES.some((language) => status === formatMessage(language, "form.correction.keep"))) {
    const id = parseOption(status, vocabularies.get("statuses"));
    if (id === undefined) problem(f.status, t("form.problem.notAChoice", { answer: status }), t("form.problem.pickChoice"));
    else request.status = id;
  }
  for (const [id, key] of [
    [f.start, "start"],
    [f.end, "end"],
  ] as const) {
    const value = text(id);
    if (value === undefined) continue;
    const why = dateProblemRef(value);
    if (why) problem(id, t("form.problem.date", { value, problem: why }), t("form.problem.dateHint"));
    request[key] = value;
  }
  const added: Array<Record<string, string>> = [];
  for (const [index, line] of lines(f.addLinks).entries()) {
    const read = readLink(line, vocabularies, lang);
    if ("problem" in read)
      problem(f.addLinks, t("form.problem.linkLine", { line: index + 1, problem: { verbatim: read.problem } }), t("form.problem.linkHint"));
    else added.push(read.link);
  }
  if (added.length > 0) request.addLinks = added;
  const removed = lines(f.removeLinks).map((line) => /\S+:\/\/[^\s<>|]+/.exec(line)?.[0]?.replace(/[.,;)]+$/, "") ?? line);
  if (removed.length > 0) request.removeLinks = removed;
  // With problems, the request still says which entry and what else changes, so that the bot can
  // check those against the entry in the same round instead of after the first problems are fixed.
  return permalink === undefined ? { problems } : { request, problems };
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
export function applyCorrection(entry: CurrentEntry, request: CorrectionRequest, schemas: FormatSchemas, lang: UnLanguage = "en"): CorrectionResult {
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(lang, key, values);
  const labels = correctionFormLabels(lang);
  const problems: FormProblem[] = [];
  const files: EntryFile[] = [];
  const activity = JSON.parse(entry.activity) as Record<string, unknown>;
  const activityBefore = JSON.stringify(activity);
  for (const key of ["status", "start", "end"] as const) if (request[key] !== undefined) activity[key] = request[key];
  let links = Array.isArray(activity.links) ? (activity.links as Array<Record<string, unknown>>) : [];
  for (const url of request.removeLinks ?? []) {
    const kept = links.filter((link) => link.url !== url);
    if (kept.length === links.length)
      problems.push({ field: labels[CORRECTION_FIELDS.removeLinks], message: t("form.problem.notASource", { url }), hint: t("form.problem.notASourceHint") });
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
        field: labels[CORRECTION_FIELDS.language],
        message: t("form.problem.noTextInLanguage", { language }),
        hint: t("form.problem.noTextInLanguageHint"),
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
