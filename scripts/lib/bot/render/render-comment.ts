import type { EntryChange } from "../changes/describe.ts";
import type { Decision, EntryDecision, LanguageDecision, UnitDecision } from "../policy/decide.ts";
import { STATUS_MARKER } from "../sticky.ts";
import type { BotConfig, PreviewFact, PrFacts, Reviewer } from "../types.ts";
import { escapeInline, escapeLogin, hasBidiControls } from "./escape.ts";
import { encodeCarriedState } from "./state.ts";

/** What the comment is made from. */
export interface CommentView {
  decision: Decision;
  facts: PrFacts;
  config: BotConfig;
  merge: { enabled: boolean; blockers: string[] };
}

/** GitHub refuses comments over 65,536 characters; stay well under it. */
export const MAX_COMMENT = 60_000;
/** Entries listed per country or organisation before "and N more". */
const MAX_ENTRIES_SHOWN = 40;

const VERDICT_LINE: Record<Decision["verdict"], string> = {
  approved: "✅ **Approved.** Every country and organisation changed has a valid approval on the latest commit.",
  waiting: "⏳ **Waiting for approval.** Each country and organisation changed needs an approval from one of its designated reviewers, on the latest commit.",
  blocked: "⛔ **Changes requested.** A designated reviewer asked for changes; their review must be addressed and renewed.",
  "needs-human": "🙋 **A maintainer must look at this pull request.** The bot cannot decide it alone (see below), so it does not approve or merge it.",
};

const STATE_ICON: Record<UnitDecision["state"], string> = { approved: "✅", waiting: "⏳", blocked: "⛔" };

const CHECKLIST = [
  "The facts match the public sources linked in the entry, and the links work.",
  "The kind is right: a good practice links to evidence of its results (an evaluation, an audit, published results).",
  "Title and summary are plain, accurate and neutral in every language; each translation says which version of the original it translates and how.",
  "No personal data: a contact is an organisation's public channel, never a person's e-mail or phone.",
  "The wording follows the Luxembourg Terminology Guidelines (for example “child sexual abuse material”, not “child pornography”).",
  "Approve with GitHub's “Approve” review on the latest commit: an approval on an older commit does not count.",
];

/**
 * The one living comment. Every value that comes from the pull request (paths, titles, logins,
 * findings, reasons) goes through escapeInline; links are built only from the repository name
 * and numeric ids. Deterministic: no clock, no random order, so an unchanged pull request gives
 * the same body and the bot sends no update.
 */
export function renderComment(view: CommentView): string {
  const full = render(view, false);
  if (full.length <= MAX_COMMENT) return full;
  const compact = render(view, true);
  if (compact.length <= MAX_COMMENT) return compact;
  const state = view.decision.validation.summary ? `\n${encodeCarriedState(view.decision.validation.summary)}` : "";
  const cut = compact.slice(0, MAX_COMMENT - state.length - 200);
  return `${cut.slice(0, cut.lastIndexOf("\n"))}\n\n_The rest of this summary was cut: it was too long for one comment._\n${state}`;
}

function render({ decision, facts, config, merge }: CommentView, compact: boolean): string {
  const lines: string[] = [STATUS_MARKER, "## COP Atlas review", ""];
  const head = escapeInline(facts.pr.headSha.slice(0, 7));
  lines.push(VERDICT_LINE[decision.verdict], "", `Reviewed commit: ${head}.`, "");

  if (decision.needsHuman.length > 0) {
    lines.push("### 🙋 Why a maintainer is needed", "");
    for (const reason of decision.needsHuman.slice(0, 30)) lines.push(`- ${escapeInline(reason, 500)}`);
    if (decision.needsHuman.length > 30) lines.push(`- and ${decision.needsHuman.length - 30} more`);
    lines.push("");
  }

  if (decision.units.length > 0) {
    lines.push("| | Country or organisation | Region | Approval |", "| --- | --- | --- | --- |");
    for (const unit of decision.units) {
      lines.push(
        `| ${STATE_ICON[unit.state]} | ${escapeInline(unit.unit.key)} | ${unit.regions.map((r) => escapeInline(r)).join(", ") || "–"} | ${approvalCell(unit)} |`,
      );
    }
    lines.push("");
    // Only runs on GitHub look for a preview (the local dry run has none to look for).
    if (facts.preview !== undefined) lines.push(previewLine(facts.preview, facts.repo), "");
    for (const unit of decision.units) lines.push(...renderUnit(unit, compact), "");
  }

  if (decision.governance) {
    const g = decision.governance;
    lines.push(`### ${STATE_ICON[g.state]} Governance change`, "");
    lines.push("This pull request needs an approval from a member of the secretariat, because it:");
    for (const why of g.why) lines.push(`- ${escapeInline(why, 1500)}`);
    lines.push("", `Secretariat: ${tallyText(g.tally, "no approval yet")}.`, "");
    lines.push("The bot never merges a governance change.", "");
  }

  if (decision.approvals.length > 0) {
    lines.push("### Approvals", "");
    for (const approval of decision.approvals)
      lines.push(`- ${approval.counts ? "✅" : "➖"} ${escapeLogin(approval.login)}: ${escapeInline(approval.why, 300)}`);
    lines.push("");
  }

  lines.push(...renderValidation(decision, compact), "");

  lines.push("### Merge", "");
  if (!merge.enabled) lines.push("Automatic merging is off: a maintainer merges once the approval status is green.");
  else if (merge.blockers.length === 0) lines.push(`The bot squash-merges this pull request at ${head}.`);
  else lines.push(`The bot will not merge yet: ${merge.blockers.join("; ")}.`);
  lines.push("");

  lines.push("### Reviewer's checklist", "", ...CHECKLIST.map((item) => `- ${item}`), "");
  lines.push(`_Written by the review bot (${escapeLogin(config.botLogin)}) and rewritten on every change: edits to it are lost._`);
  if (decision.validation.summary) lines.push(encodeCarriedState(decision.validation.summary));
  return `${lines.join("\n")}\n`;
}

/**
 * Where reviewers see the change as the site will show it. GitHub Pages serves one site per
 * repository, so a pull request's site is built by the Site preview workflow as a downloadable
 * artifact; the link goes to that run, which holds the artifact once it has finished (the bot
 * is not started again by that run: a second bot run on the same commit could cancel the pending
 * one that carries the validation findings). The link is built from the repository and a numeric id only.
 */
function previewLine(preview: PreviewFact | null, repo: PrFacts["repo"]): string {
  if (!preview) return "**Site preview:** none for this commit yet (the Site preview workflow has not run on it).";
  const url = `${repo.serverUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/actions/runs/${preview.runId}`;
  if (preview.state === "building")
    return `**Site preview:** [being built](${url}); when the run has finished, download the \`site-preview\` artifact there, unzip it and open \`index.html\`.`;
  if (preview.state === "failed") return `**Site preview:** [the build failed](${url}); the validation explains why.`;
  return `**Site preview:** [download the site of this commit](${url}) (the \`site-preview\` artifact), unzip it and open \`index.html\`; an entry's page is at \`<language>/countries/<code>/activities/<name>/index.html\`.`;
}

function approvalCell(unit: UnitDecision): string {
  if (unit.bySecretariat) return `no designated reviewers: the secretariat approves; ${tallyText(unit.tally, "no approval yet")}`;
  const waiting = unit.designated.filter((r) => !unit.tally.approvedBy.some((a) => a.id === r.id));
  const fallback = waiting.length > 0 ? `waiting for one of ${names(waiting)}` : "no approval yet";
  return tallyText(unit.tally, fallback);
}

function tallyText(tally: UnitDecision["tally"], fallback: string): string {
  const parts: string[] = [];
  if (tally.approvedBy.length > 0) parts.push(`approved by ${names(tally.approvedBy)}`);
  if (tally.changesRequestedBy.length > 0) parts.push(`changes requested by ${names(tally.changesRequestedBy)}`);
  if (tally.stale.length > 0) parts.push(`${names(tally.stale)} approved an older commit (asked again)`);
  for (const { reviewer, why } of tally.notCounted) parts.push(`${escapeLogin(reviewer.login)} does not count (${why})`);
  return parts.length > 0 ? parts.join("; ") : fallback;
}

function names(reviewers: readonly Reviewer[]): string {
  return reviewers.map((r) => escapeLogin(r.login)).join(", ");
}

function renderUnit(unit: UnitDecision, compact: boolean): string[] {
  const lines = [`### ${escapeInline(unit.unit.key)}`, ""];
  if (unit.profileChange) lines.push(`- Profile ${escapeInline(unit.unit.profilePath)}: ${unit.profileChange}`);
  for (const entry of unit.entries.slice(0, MAX_ENTRIES_SHOWN)) lines.push(...renderEntry(entry, compact));
  if (unit.entries.length > MAX_ENTRIES_SHOWN) lines.push(`- and ${unit.entries.length - MAX_ENTRIES_SHOWN} more entries`);
  return lines;
}

function renderEntry(entry: EntryDecision, compact: boolean): string[] {
  const title = entry.title === null ? "_(no readable title)_" : `“${escapeInline(entry.title, 160)}”${bidiFlag(entry.title)}`;
  const lines = [`- **${entry.change}** ${escapeInline(entry.slug, 100)}: ${entry.read ? title : "_(not read)_"}`];
  if (compact) return lines;
  if (entry.described && entry.change === "modified") lines.push(...renderDescribed(entry.described));
  for (const language of entry.languages) lines.push(`  - ${renderLanguage(language)}`);
  return lines;
}

/** Fields shown per entry at most; a pull request that rewrites an entry is summarised, not listed in full. */
const MAX_FIELDS_SHOWN = 30;

/**
 * What changed in an entry, for a reviewer with ten minutes: each changed fact old → new (list
 * items as added or removed), sources added and removed, narratives with a word count, and the
 * translations the change left out of date. Every value from the data is escaped.
 */
function renderDescribed(described: EntryChange): string[] {
  const lines: string[] = [];
  const value = (text: string | null) => (text === null ? "–" : `“${escapeInline(text, 160)}”`);
  const byField = new Map<string, EntryChange["fields"]>();
  for (const change of described.fields) byField.set(change.field, [...(byField.get(change.field) ?? []), change]);
  let shown = 0;
  for (const [field, changes] of byField) {
    if (shown >= MAX_FIELDS_SHOWN) break;
    shown += 1;
    const list = changes.length > 1 || changes.some((c) => c.before === null || c.after === null);
    const text = list
      ? changes
          .map((c) =>
            c.after === null ? `removed ${value(c.before)}` : c.before === null ? `added ${value(c.after)}` : `${value(c.before)} → ${value(c.after)}`,
          )
          .join("; ")
      : `${value(changes[0]?.before ?? null)} → ${value(changes[0]?.after ?? null)}`;
    lines.push(`  - ${escapeInline(field, 80)}: ${text}`);
  }
  if (byField.size > MAX_FIELDS_SHOWN) lines.push(`  - and ${byField.size - MAX_FIELDS_SHOWN} more changed fields`);
  const link = (l: { url: string; type: string }) => `${escapeInline(l.url, 200)} (${escapeInline(l.type, 40)})`;
  if (described.linksAdded.length > 0) lines.push(`  - sources added: ${described.linksAdded.map(link).join(", ")}`);
  if (described.linksRemoved.length > 0) lines.push(`  - sources removed: ${described.linksRemoved.map(link).join(", ")}`);
  for (const n of described.narratives) {
    lines.push(`  - text in ${escapeInline(n.lang, 20)} ${n.status} (${n.parts.join(", ")}): ${n.wordsAdded} word(s) added, ${n.wordsRemoved} removed`);
  }
  if (described.outOfDate.length > 0) {
    lines.push(`  - ⚠️ now out of date: the translation(s) in ${described.outOfDate.map((lang) => escapeInline(lang, 20)).join(", ")}`);
  }
  return lines;
}

function renderLanguage(language: LanguageDecision): string {
  const parts: string[] = [];
  if (language.original) parts.push("original");
  if (language.translation) {
    const t = language.translation;
    const freshness = t.upToDate === null ? "original not found" : t.upToDate ? "up to date" : "⚠️ out of date: the original changed since";
    parts.push(`translation from ${escapeInline(t.from, 20)} (${escapeInline(t.method, 40)}), ${freshness}`);
  }
  if (language.change !== "unchanged") parts.push(language.change);
  if (language.problem) parts.push(`⚠️ ${escapeInline(language.problem, 200)}`);
  const title = language.title && !language.original ? `: “${escapeInline(language.title, 120)}”${bidiFlag(language.title)}` : "";
  return `${escapeInline(language.lang, 20)}: ${parts.join(", ") || "unchanged"}${title}`;
}

function bidiFlag(text: string): string {
  return hasBidiControls(text) ? " ⚠️ contains bidirectional control characters" : "";
}

function renderValidation(decision: Decision, compact: boolean): string[] {
  const v = decision.validation;
  const link = v.runUrl ? ` [Open the run and its annotations](${v.runUrl}).` : "";
  const counts = v.summary ? ` ${v.summary.errors} error(s), ${v.summary.warnings} warning(s).` : "";
  const lines = ["### Validation", ""];
  switch (v.state) {
    case "passed":
      lines.push(`✅ Passed for the latest commit.${counts}${link}`);
      break;
    case "failed":
      lines.push(`❌ Failed for the latest commit.${counts}${link} Fix the problems it names and push again.`);
      break;
    case "running":
      lines.push(v.stuck ? `⚠️ Still running after more than six hours.${link}` : `⏳ Running.${link}`);
      break;
    case "missing":
      lines.push("⏳ No validation run for the latest commit yet.");
      break;
    default:
      lines.push(`⚠️ Ended without a result (${escapeInline(v.run?.conclusion ?? "unknown", 40)}).${link}`);
  }
  const findings = v.summary?.findings ?? [];
  if (!compact && findings.length > 0) {
    const total = (v.summary?.errors ?? 0) + (v.summary?.warnings ?? 0);
    const label = findings.length < total ? `The first ${findings.length} of ${total} findings` : `Findings (${findings.length})`;
    lines.push("", `<details><summary>${label}</summary>`, "");
    for (const f of findings) {
      const where = `${escapeInline(f.file, 200)}:${f.line}:${f.column}`;
      lines.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${where} ${escapeInline(f.message, 300)} (${escapeInline(f.ruleId, 64)})`);
    }
    lines.push("", "</details>");
  }
  return lines;
}
