import { escapeInline, escapeLogin, hasBidiControls } from "../bot/render/escape.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { FormField } from "../forms/activity-form.ts";
import { type Translate, translator } from "../i18n/messages.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import type { UnLanguage } from "../vocab.ts";
import type { SubmissionMode } from "./decide.ts";
import type { LabelOf } from "./plain-words.ts";
import type { FormProblem } from "./read-form.ts";

/** The hidden marker of the bot's one comment on a submission issue. */
export const ISSUE_COMMENT_MARKER = "<!-- cop-submission-bot:status -->";
/** GitHub refuses comments over 65,536 characters; stay well under it. */
const MAX_COMMENT = 60_000;
const MAX_PROBLEMS = 40;

/** The labels of a form's questions by the entry property each fills in (and the public contact's part). */
export function labelsOfFields(fields: readonly FormField[]): LabelOf {
  return (property, part) =>
    fields.find((field) => field.target.property === property && (part === undefined || (field.target.file === "activity" && field.target.part === part)))
      ?.label;
}

/** The form question a validator diagnostic is about, found from the line it points at in the generated file. */
export function fieldOfDiagnostic(diagnostic: Diagnostic, files: readonly EntryFile[], labelOf: LabelOf): string | undefined {
  const file = files.find((candidate) => candidate.path === diagnostic.file);
  if (!file) return undefined;
  const lines = file.text.split("\n");
  if (file.path.endsWith("/activity.json")) {
    for (let index = Math.min(diagnostic.line, lines.length) - 1; index >= 0; index--) {
      const property = /^ {2}"([A-Za-z]+)":/.exec(lines[index] ?? "")?.[1];
      if (!property) continue;
      const part = property === "contact" ? /^ {4}"(organisation|url|email|phone)":/.exec(lines[diagnostic.line - 1] ?? "")?.[1] : undefined;
      return labelOf(property, part) ?? labelOf(property);
    }
    return undefined;
  }
  if (file.path.endsWith(".md")) {
    const closing = lines.indexOf("---", 1) + 1;
    if (diagnostic.line > closing) return labelOf("body");
    for (let index = diagnostic.line - 1; index >= 1; index--) {
      const key = /^(title|summary):/.exec(lines[index] ?? "")?.[1];
      if (key) return labelOf(key);
    }
    return labelOf("summary");
  }
  return undefined;
}

/**
 * The catalogs isolate a value in another script (FSI … PDI) for terminals; the comment's escaper
 * would show them as ⟦U+2068⟧ marks. Removing isolates cannot make text reorder (it only takes a
 * control away), and GitHub lays out each list item by its own first strong letter.
 */
function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, "");
}

function bullet(problem: FormProblem): string {
  const where = problem.field ? `**${escapeInline(problem.field, 80)}**: ` : "";
  const hint = problem.hint ? ` ${escapeInline(withoutIsolates(problem.hint), 400)}` : "";
  return `- ${where}${escapeInline(withoutIsolates(problem.message), 400)}${hint}`;
}

function list(problems: readonly FormProblem[], t: Translate): string[] {
  const shown = problems.slice(0, MAX_PROBLEMS).map(bullet);
  if (problems.length > MAX_PROBLEMS) shown.push(t("submission.more", { count: problems.length - MAX_PROBLEMS }));
  return shown;
}

function finish(lines: string[], t: Translate): string {
  const text = [ISSUE_COMMENT_MARKER, ...lines].join("\n");
  return text.length > MAX_COMMENT ? `${text.slice(0, MAX_COMMENT)}\n\n${t("submission.cut")}\n` : `${text}\n`;
}

/** What the bot says about a submission, by outcome. Every value from the issue is escaped. */
export type IssueMessage =
  | { kind: "problems"; problems: FormProblem[]; bidi: boolean; personalData?: boolean }
  | { kind: "edit-ignored"; editor: string; author: string }
  | { kind: "exists"; permalink: string }
  | { kind: "no-entry"; permalink: string }
  | { kind: "in-words"; permalink: string }
  | { kind: "rate-limited"; limit: number }
  | { kind: "pull-closed"; pull: number; merged: boolean }
  | { kind: "hand-edited"; pull: number | null }
  | { kind: "ready"; permalink: string; pull: number; warnings: FormProblem[]; bidi: boolean; mode?: SubmissionMode };

/**
 * The bot's comment on a submission, in `lang` (the language the form was filled in): its own
 * sentences come from the message catalogs; the problems are listed as they were worded.
 */
export function renderIssueComment(message: IssueMessage, lang: UnLanguage = "en"): string {
  const t = translator(lang);
  switch (message.kind) {
    case "problems":
      return finish(
        [
          t("submission.notReady"),
          "",
          ...(message.personalData ? [t("submission.personalData"), "", t("submission.personalDataHistory"), ""] : []),
          ...list(message.problems, t),
          "",
          ...(message.bidi ? [t("submission.bidiRetype"), ""] : []),
          t("submission.howToEdit"),
        ],
        t,
      );
    case "edit-ignored": {
      const editor = escapeLogin(message.editor);
      const author = escapeLogin(message.author);
      return finish([t("submission.editIgnored", { editor, author }), "", t("submission.editIgnoredWhy", { author })], t);
    }
    case "exists":
      return finish([t("submission.exists", { permalink: `\`${safePermalink(message.permalink)}\`` }), "", t("submission.existsWhat")], t);
    case "no-entry":
      return finish([t("submission.noEntry", { permalink: `\`${safePermalink(message.permalink)}\`` }), "", t("submission.howToEdit")], t);
    case "in-words":
      return finish([t("submission.inWords", { permalink: `\`${safePermalink(message.permalink)}\`` }), "", t("submission.inWordsWhat")], t);
    case "rate-limited":
      return finish([t("submission.rateLimited", { limit: message.limit }), "", t("submission.rateLimitedWhat")], t);
    case "pull-closed":
      return finish([t(message.merged ? "submission.pullMerged" : "submission.pullClosed", { pull: message.pull })], t);
    case "hand-edited":
      return finish([message.pull ? t("submission.handEditedPull", { pull: message.pull }) : t("submission.handEdited")], t);
    case "ready":
      return finish(
        [
          t(message.mode === "correction" ? "submission.readyCorrection" : "submission.ready", {
            pull: message.pull,
            permalink: `\`${safePermalink(message.permalink)}\``,
          }),
          "",
          t("submission.readyNext"),
          ...(message.warnings.length > 0 ? ["", t("submission.readyWarnings"), "", ...list(message.warnings, t)] : []),
          ...(message.bidi ? ["", t("submission.readyBidi")] : []),
        ],
        t,
      );
  }
}

/** A permalink is built from validated values only (a-z, 0-9, hyphens, one slash); anything else is escaped. */
function safePermalink(permalink: string): string {
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(permalink) ? permalink : escapeInline(permalink, 120);
}

/** The pull request's title: only validated values. */
export function renderPullTitle(permalink: string, issue: number, mode: SubmissionMode = "new"): string {
  return mode === "correction" ? `Correct ${permalink} (from issue #${issue})` : `New entry ${permalink} (from issue #${issue})`;
}

/** The pull request's body: what it is, the entry's title (escaped), and the reviewer's checklist. */
export function renderPullBody(options: {
  mode?: SubmissionMode;
  issue: number;
  authorLogin: string;
  permalink: string;
  title: string;
  language: string;
  checklist: string;
}): string {
  return [
    `This pull request was made by the submission bot from ${options.mode === "correction" ? "the correction in " : ""}issue #${options.issue}, submitted by ${escapeInline(options.authorLogin.replace(/^@+/, ""), 60)}, who is credited as co-author of the commit.`,
    "",
    `- Entry: \`${safePermalink(options.permalink)}\``,
    `- Title: ${escapeInline(options.title, 200)}${hasBidiControls(options.title) ? " ⚠️ the title holds text-direction characters" : ""}`,
    `- Language: ${escapeInline(options.language, 40)}`,
    "",
    "Neither the person who opened the issue nor anyone who edited it can approve this pull request: a designated reviewer of the country must. The review bot reads who they are from the issue itself, not from this description.",
    "",
    `Closes #${options.issue}`,
    "",
    options.checklist.trim(),
    "",
  ].join("\n");
}

/** The commit message: only validated values, the content digest, and the co-author trailer. */
export function renderCommitMessage(options: { mode?: SubmissionMode; permalink: string; issue: number; digest: string; coAuthor: string | null }): string {
  const correction = options.mode === "correction";
  return [
    correction ? `Correct ${options.permalink}` : `Add ${options.permalink}`,
    "",
    correction ? `Asked for through the correction form, issue #${options.issue}.` : `Submitted through the new-activity form, issue #${options.issue}.`,
    "",
    `Submission-Digest: ${options.digest}`,
    ...(options.coAuthor ? [`Co-authored-by: ${options.coAuthor}`] : []),
    "",
  ].join("\n");
}

/** True when any text of the list holds bidirectional controls. */
export function anyBidi(texts: readonly string[]): boolean {
  return texts.some(hasBidiControls);
}
