import { escapeInline, escapeLogin, hasBidiControls } from "../bot/render/escape.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { FormField } from "../forms/activity-form.ts";
import type { EntryFile } from "../scaffold/entry.ts";
import type { FormProblem } from "./read-form.ts";

/** The hidden marker of the bot's one comment on a submission issue. */
export const ISSUE_COMMENT_MARKER = "<!-- cop-submission-bot:status -->";
/** GitHub refuses comments over 65,536 characters; stay well under it. */
const MAX_COMMENT = 60_000;
const MAX_PROBLEMS = 40;

/** The form question a validator diagnostic is about, found from the line it points at in the generated file. */
export function fieldOfDiagnostic(diagnostic: Diagnostic, files: readonly EntryFile[], fields: readonly FormField[]): string | undefined {
  const file = files.find((candidate) => candidate.path === diagnostic.file);
  if (!file) return undefined;
  const lines = file.text.split("\n");
  const labelOf = (property: string, part?: string) =>
    fields.find((field) => field.target.property === property && (part === undefined || (field.target.file === "activity" && field.target.part === part)))
      ?.label;
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

function bullet(problem: FormProblem): string {
  const where = problem.field ? `**${escapeInline(problem.field, 80)}**: ` : "";
  const hint = problem.hint ? ` ${escapeInline(problem.hint, 400)}` : "";
  return `- ${where}${escapeInline(problem.message, 400)}${hint}`;
}

function list(problems: readonly FormProblem[]): string[] {
  const shown = problems.slice(0, MAX_PROBLEMS).map(bullet);
  if (problems.length > MAX_PROBLEMS) shown.push(`- … and ${problems.length - MAX_PROBLEMS} more.`);
  return shown;
}

function finish(lines: string[]): string {
  const text = [ISSUE_COMMENT_MARKER, ...lines].join("\n");
  return text.length > MAX_COMMENT ? `${text.slice(0, MAX_COMMENT)}\n\n… (cut: the comment was too long)\n` : `${text}\n`;
}

const HOW_TO_EDIT =
  "To fix it, **edit this issue**: open the ··· menu at the top right of the issue, choose *Edit*, change the answers and save. I check again after every edit.";

/** What the bot says about a submission, by outcome. Every value from the issue is escaped. */
export type IssueMessage =
  | { kind: "problems"; problems: FormProblem[]; bidi: boolean; personalData?: boolean }
  | { kind: "edit-ignored"; editor: string; author: string }
  | { kind: "exists"; permalink: string }
  | { kind: "rate-limited"; limit: number }
  | { kind: "pull-closed"; pull: number; merged: boolean }
  | { kind: "hand-edited"; pull: number | null }
  | { kind: "ready"; permalink: string; pull: number; warnings: FormProblem[]; bidi: boolean };

export function renderIssueComment(message: IssueMessage): string {
  switch (message.kind) {
    case "problems":
      return finish([
        "**Thank you. The entry is not ready yet:** please look at the following.",
        "",
        ...(message.personalData
          ? [
              "**Personal contact details cannot be published.** Entries appear on the open web and stay in the repository's history for good, so I have saved nothing: an entry may not hold a person's e-mail address or phone number. Remove them from the answers named below.",
              "",
              "This issue is public too, and GitHub keeps its earlier versions: after your edit, you (or a maintainer) can delete the old version from the issue's edit history (the *edited* menu at the top of the issue).",
              "",
            ]
          : []),
        ...list(message.problems),
        "",
        ...(message.bidi ? ["Some answers hold invisible text-direction characters (shown as ⟦U+…⟧ above); please retype those answers.", ""] : []),
        HOW_TO_EDIT,
      ]);
    case "edit-ignored":
      return finish([
        `**This issue was edited by ${escapeLogin(message.editor)}, who did not open it, so I have not applied the edit.** The entry stays as ${escapeLogin(message.author)} last wrote it, and nothing changed in its pull request.`,
        "",
        `Only the person who opened a submission shapes its entry, so that reviewers know whose words they approve. If the edit is right, ${escapeLogin(message.author)} can save the issue once more (any small change) and I will apply it; suggestions are welcome as comments. Whoever edits a submission cannot approve it.`,
      ]);
    case "exists":
      return finish([
        `**An entry already exists at \`${safePermalink(message.permalink)}\`.** A new-activity form never replaces an existing entry.`,
        "",
        "If this is a different activity, give it another short name (the question *Short name for the web address*) by editing this issue. If you want to correct the existing entry, open a *Correction or update* issue instead.",
      ]);
    case "rate-limited":
      return finish([
        `**You already have ${message.limit} submissions waiting for review.** To keep reviews manageable, I make pull requests for at most ${message.limit} open submissions per person.`,
        "",
        "This issue stays open: when one of your other submissions is merged or closed, edit this issue (any small change) and I will check it again.",
      ]);
    case "pull-closed":
      return finish([
        message.merged
          ? `The pull request #${message.pull} made from this issue has been merged, so edits to this issue no longer change it. To change the entry, open a *Correction or update* issue.`
          : `The pull request #${message.pull} made from this issue was closed without merging, so I no longer update it. Ask the reviewers there, or open a new issue.`,
      ]);
    case "hand-edited":
      return finish([
        `The branch of ${message.pull ? `pull request #${message.pull}` : "this submission"} has been changed by hand, so I no longer apply edits of this issue to it (that would undo the changes). Please suggest further changes in the pull request.`,
      ]);
    case "ready":
      return finish([
        `**Thank you. Your entry passed the checks**, and pull request #${message.pull} now holds it as \`${safePermalink(message.permalink)}\`.`,
        "",
        "Your country's designated reviewers will look at it. You can follow the review there. If you need to change something, edit this issue: I update the pull request.",
        ...(message.warnings.length > 0 ? ["", "Things to check (they do not block the review):", "", ...list(message.warnings)] : []),
        ...(message.bidi ? ["", "Some answers hold invisible text-direction characters; reviewers will check them."] : []),
      ]);
  }
}

/** A permalink is built from validated values only (a-z, 0-9, hyphens, one slash); anything else is escaped. */
function safePermalink(permalink: string): string {
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(permalink) ? permalink : escapeInline(permalink, 120);
}

/** The pull request's title: only validated values. */
export function renderPullTitle(permalink: string, issue: number): string {
  return `New entry ${permalink} (from issue #${issue})`;
}

/** The pull request's body: what it is, the entry's title (escaped), and the reviewer's checklist. */
export function renderPullBody(options: { issue: number; authorLogin: string; permalink: string; title: string; language: string; checklist: string }): string {
  return [
    `This pull request was made by the submission bot from issue #${options.issue}, submitted by ${escapeInline(options.authorLogin.replace(/^@+/, ""), 60)}, who is credited as co-author of the commit.`,
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
export function renderCommitMessage(options: { permalink: string; issue: number; digest: string; coAuthor: string | null }): string {
  return [
    `Add ${options.permalink}`,
    "",
    `Submitted through the new-activity form, issue #${options.issue}.`,
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
