import { formatMessage, type MessageKey, type MessageRef, type MessageValue, type MessageValues } from "../../i18n/messages.ts";
import type { UnLanguage } from "../../vocab.ts";
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
  merge: { enabled: boolean; blockers: MessageRef[] };
}

/** GitHub refuses comments over 65,536 characters; stay well under it. */
export const MAX_COMMENT = 60_000;
/** Entries listed per country or organisation before "and N more". */
const MAX_ENTRIES_SHOWN = 40;

const VERDICT: Record<Decision["verdict"], MessageKey> = {
  approved: "review.verdict.approved",
  waiting: "review.verdict.waiting",
  blocked: "review.verdict.blocked",
  "needs-human": "review.verdict.needsHuman",
};

const STATE_ICON: Record<UnitDecision["state"], string> = { approved: "✅", waiting: "⏳", blocked: "⛔" };

const CHECKLIST: MessageKey[] = [
  "review.checklist.sources",
  "review.checklist.kind",
  "review.checklist.wording",
  "review.checklist.personalData",
  "review.checklist.terminology",
  "review.checklist.approve",
];

/** One language's words: every value given to it is already escaped (see escapeValues). */
type Say = (key: MessageKey, values?: MessageValues) => string;

/**
 * The one living comment, in the languages of the countries and organisations it touches
 * (decision.languages: theirs, then English), one complete section per language under the
 * language's name; with one language, one section without that heading. The hidden marker, the
 * carried validation state, logins, paths, labels, rule ids and commit ids are the same in every
 * section. Every value that comes from the pull request (paths, titles, logins, findings,
 * reasons' values) goes through escapeInline; links are built only from the repository name and
 * numeric ids. Deterministic: no clock, no random order, so an unchanged pull request gives the
 * same body and the bot sends no update.
 */
export function renderComment(view: CommentView): string {
  const full = render(view, false);
  if (full.length <= MAX_COMMENT) return full;
  const compact = render(view, true);
  if (compact.length <= MAX_COMMENT) return compact;
  const state = view.decision.validation.summary ? `\n${encodeCarriedState(view.decision.validation.summary, languagesOf(view.decision))}` : "";
  const cut = compact.slice(0, MAX_COMMENT - state.length - 1000);
  const notes = languagesOf(view.decision).map((lang) => formatMessage(lang, "review.cut"));
  return `${cut.slice(0, cut.lastIndexOf("\n"))}\n\n${notes.join("\n\n")}\n${state}`;
}

function languagesOf(decision: Decision): UnLanguage[] {
  return decision.languages.length > 0 ? decision.languages : ["en"];
}

function render(view: CommentView, compact: boolean): string {
  const languages = languagesOf(view.decision);
  const lines: string[] = [STATUS_MARKER];
  for (const lang of languages) {
    const say: Say = (key, values) => formatMessage(lang, key, values);
    lines.push(`## ${say(languages.length > 1 ? "review.languageHeading" : "review.title")}`, "", ...section(view, lang, say, compact), "");
  }
  lines.pop();
  if (view.decision.validation.summary) lines.push(encodeCarriedState(view.decision.validation.summary, languages));
  return `${lines.join("\n")}\n`;
}

/** The whole comment in one language. */
function section({ decision, facts, config, merge }: CommentView, lang: UnLanguage, say: Say, compact: boolean): string[] {
  const lines: string[] = [];
  const head = escapeInline(facts.pr.headSha.slice(0, 7));
  lines.push(say(VERDICT[decision.verdict]), "", say("review.reviewedCommit", { commit: head }), "");

  if (decision.needsHuman.length > 0) {
    lines.push(`### ${say("review.whyHuman")}`, "");
    for (const reason of decision.needsHuman.slice(0, 30)) lines.push(`- ${saidRef(say, reason)}`);
    if (decision.needsHuman.length > 30) lines.push(`- ${say("review.moreReasons", { count: decision.needsHuman.length - 30 })}`);
    lines.push("");
  }

  if (decision.units.length > 0) {
    lines.push(`| | ${say("review.table.unit")} | ${say("review.table.region")} | ${say("review.table.approval")} |`, "| --- | --- | --- | --- |");
    for (const unit of decision.units) {
      lines.push(
        `| ${STATE_ICON[unit.state]} | ${escapeInline(unit.unit.key)} | ${unit.regions.map((r) => escapeInline(r)).join(", ") || "–"} | ${approvalCell(say, unit)} |`,
      );
    }
    lines.push("");
    // Only runs on GitHub look for a preview (the local dry run has none to look for).
    if (facts.preview !== undefined) lines.push(previewLine(say, facts.preview, facts.repo), "");
    for (const unit of decision.units) lines.push(...renderUnit(say, unit, compact), "");
  }

  if (decision.governance) {
    const g = decision.governance;
    lines.push(`### ${STATE_ICON[g.state]} ${say("review.governance.heading")}`, "");
    lines.push(say("review.governance.intro"));
    for (const why of g.why) lines.push(`- ${saidRef(say, why, 1500)}`);
    lines.push("", say("review.governance.secretariat", { tally: tallyText(say, g.tally, { key: "review.tally.none" }) }), "");
    lines.push(say("review.governance.neverMerged"), "");
  }

  if (decision.approvals.length > 0) {
    lines.push(`### ${say("review.approvals.heading")}`, "");
    for (const approval of decision.approvals)
      lines.push(`- ${approval.counts ? "✅" : "➖"} ${escapeLogin(approval.login)}: ${saidRef(say, approval.why, 300)}`);
    lines.push("");
  }

  lines.push(...renderValidation(say, lang, decision, compact), "");

  lines.push(`### ${say("review.merge.heading")}`, "");
  if (!merge.enabled) lines.push(say("review.merge.off"));
  else if (merge.blockers.length === 0) lines.push(say("review.merge.will", { commit: head }));
  else lines.push(say("review.merge.notYet", { blockers: merge.blockers.map((blocker) => saidRef(say, blocker)).join(say("review.separator.clause")) }));
  lines.push("");

  lines.push(`### ${say("review.checklist.heading")}`, "", ...CHECKLIST.map((item) => `- ${say(item)}`), "");
  lines.push(say("review.footer", { login: escapeLogin(config.botLogin) }));
  return lines;
}

/**
 * A message made elsewhere (a reason, a blocker, why an approval counts), in this section's
 * language, with each of its values escaped: the catalog's words are ours, the values are not.
 */
function saidRef(say: Say, ref: MessageRef, max = 500): string {
  return say(ref.key, escapeValues(ref.values, max));
}

/** Escapes every text among a message's values, nested messages' values included. */
function escapeValues(values: MessageValues | undefined, max: number): MessageValues | undefined {
  if (!values) return undefined;
  const escapeValue = (value: MessageValue): MessageValue => {
    if (typeof value === "string") return escapeInline(value, max);
    if (typeof value === "number") return value;
    if ("verbatim" in value) return value;
    if ("key" in value && typeof value.key === "string") {
      const ref = value as MessageRef;
      const inner = escapeValues(ref.values, max);
      return inner ? { key: ref.key, values: inner } : { key: ref.key };
    }
    return Object.fromEntries(Object.entries(value).map(([lang, text]) => [lang, escapeInline(text, max)]));
  };
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeValue(value)]));
}

/**
 * Where reviewers see the change as the site will show it. GitHub Pages serves one site per
 * repository, so a pull request's site is built by the Site preview workflow as a downloadable
 * artifact; the link goes to that run, which holds the artifact once it has finished (the bot
 * is not started again by that run: a second bot run on the same commit could cancel the pending
 * one that carries the validation findings). The link is built from the repository and a numeric id only.
 */
function previewLine(say: Say, preview: PreviewFact | null, repo: PrFacts["repo"]): string {
  if (!preview) return say("review.preview.none");
  // Verbatim: an address must keep every character, with no bidi isolation around it in an Arabic sentence.
  const url = { verbatim: `${repo.serverUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/actions/runs/${preview.runId}` };
  if (preview.state === "building") return say("review.preview.building", { url });
  if (preview.state === "failed") return say("review.preview.failed", { url });
  return say("review.preview.ready", { url });
}

function approvalCell(say: Say, unit: UnitDecision): string {
  if (unit.bySecretariat) return say("review.tally.bySecretariat", { tally: tallyText(say, unit.tally, { key: "review.tally.none" }) });
  const waiting = unit.designated.filter((r) => !unit.tally.approvedBy.some((a) => a.id === r.id));
  const fallback: MessageRef = waiting.length > 0 ? { key: "review.tally.waitingFor", values: { names: names(waiting) } } : { key: "review.tally.none" };
  return tallyText(say, unit.tally, fallback);
}

/** Who approved, who asked for changes, whose approval is stale or does not count; `fallback` when nobody reviewed. Logins are escaped here. */
function tallyText(say: Say, tally: UnitDecision["tally"], fallback: MessageRef): string {
  const parts: string[] = [];
  if (tally.approvedBy.length > 0) parts.push(say("review.tally.approvedBy", { names: names(tally.approvedBy) }));
  if (tally.changesRequestedBy.length > 0) parts.push(say("review.tally.changesRequestedBy", { names: names(tally.changesRequestedBy) }));
  if (tally.stale.length > 0) parts.push(say("review.tally.stale", { names: names(tally.stale) }));
  for (const { reviewer, why } of tally.notCounted) parts.push(say("review.tally.notCounted", { login: escapeLogin(reviewer.login), why: saidRef(say, why) }));
  return parts.length > 0 ? parts.join(say("review.separator.clause")) : say(fallback.key, fallback.values);
}

function names(reviewers: readonly Reviewer[]): string {
  return reviewers.map((r) => escapeLogin(r.login)).join(", ");
}

function renderUnit(say: Say, unit: UnitDecision, compact: boolean): string[] {
  const lines = [`### ${escapeInline(unit.unit.key)}`, ""];
  if (unit.profileChange)
    lines.push(
      `- ${say("review.unit.profile", { path: escapeInline(unit.unit.profilePath), change: { key: "review.change", values: { change: unit.profileChange } } })}`,
    );
  for (const entry of unit.entries.slice(0, MAX_ENTRIES_SHOWN)) lines.push(...renderEntry(say, entry, compact));
  if (unit.entries.length > MAX_ENTRIES_SHOWN) lines.push(`- ${say("review.unit.moreEntries", { count: unit.entries.length - MAX_ENTRIES_SHOWN })}`);
  return lines;
}

/** A title from the data, quoted the language's way, with a warning when it hides bidirectional controls. */
function quotedTitle(say: Say, title: string, max: number): string {
  const flag = hasBidiControls(title) ? ` ${say("review.entry.bidi")}` : "";
  return `${say("review.entry.quoted", { title: escapeInline(title, max) })}${flag}`;
}

function renderEntry(say: Say, entry: EntryDecision, compact: boolean): string[] {
  const title = !entry.read ? say("review.entry.notRead") : entry.title === null ? say("review.entry.noTitle") : quotedTitle(say, entry.title, 160);
  const change = say("review.change", { change: entry.change });
  const lines = [`- ${say("review.entry.line", { change, slug: escapeInline(entry.slug, 100), title: { verbatim: title } })}`];
  if (compact) return lines;
  if (entry.described && entry.change === "modified") lines.push(...renderDescribed(say, entry.described));
  for (const language of entry.languages) lines.push(`  - ${renderLanguage(say, language)}`);
  return lines;
}

/** Fields shown per entry at most; a pull request that rewrites an entry is summarised, not listed in full. */
const MAX_FIELDS_SHOWN = 30;

/**
 * What changed in an entry, for a reviewer with ten minutes: each changed fact old → new (list
 * items as added or removed), sources added and removed, narratives with a word count, and the
 * translations the change left out of date. Every value from the data is escaped; field names
 * and codes are the data's own, the same in every language.
 */
function renderDescribed(say: Say, described: EntryChange): string[] {
  const lines: string[] = [];
  const value = (text: string | null) => (text === null ? "–" : say("review.entry.quoted", { title: escapeInline(text, 160) }));
  const byField = new Map<string, EntryChange["fields"]>();
  for (const change of described.fields) byField.set(change.field, [...(byField.get(change.field) ?? []), change]);
  let shown = 0;
  for (const [field, changes] of byField) {
    if (shown >= MAX_FIELDS_SHOWN) break;
    shown += 1;
    const list = changes.length > 1 || changes.some((c) => c.before === null || c.after === null);
    const replaced = (before: string | null, after: string | null) =>
      say("review.described.replaced", { before: { verbatim: value(before) }, after: { verbatim: value(after) } });
    const text = list
      ? changes
          .map((c) =>
            c.after === null
              ? say("review.described.removed", { value: { verbatim: value(c.before) } })
              : c.before === null
                ? say("review.described.added", { value: { verbatim: value(c.after) } })
                : replaced(c.before, c.after),
          )
          .join(say("review.separator.clause"))
      : replaced(changes[0]?.before ?? null, changes[0]?.after ?? null);
    lines.push(`  - ${say("review.described.field", { field: escapeInline(field, 80), text: { verbatim: text } })}`);
  }
  if (byField.size > MAX_FIELDS_SHOWN) lines.push(`  - ${say("review.described.moreFields", { count: byField.size - MAX_FIELDS_SHOWN })}`);
  const link = (l: { url: string; type: string }) => `${escapeInline(l.url, 200)} (${escapeInline(l.type, 40)})`;
  if (described.linksAdded.length > 0) lines.push(`  - ${say("review.described.sourcesAdded", { links: described.linksAdded.map(link).join(", ") })}`);
  if (described.linksRemoved.length > 0) lines.push(`  - ${say("review.described.sourcesRemoved", { links: described.linksRemoved.map(link).join(", ") })}`);
  for (const n of described.narratives) {
    const parts = n.parts.map((part) => say("review.described.part", { part })).join(say("review.separator.list"));
    lines.push(
      `  - ${say("review.described.narrative", { lang: escapeInline(n.lang, 20), status: n.status, parts, added: n.wordsAdded, removed: n.wordsRemoved })}`,
    );
  }
  if (described.outOfDate.length > 0) {
    const languages = described.outOfDate.map((lang) => escapeInline(lang, 20)).join(", ");
    lines.push(`  - ${say("review.described.outOfDate", { count: described.outOfDate.length, languages })}`);
  }
  return lines;
}

function renderLanguage(say: Say, language: LanguageDecision): string {
  const parts: string[] = [];
  if (language.original) parts.push(say("review.language.original"));
  if (language.translation) {
    const t = language.translation;
    const freshness: MessageKey =
      t.upToDate === null ? "review.language.originalNotFound" : t.upToDate ? "review.language.upToDate" : "review.language.outOfDate";
    parts.push(say("review.language.translation", { from: escapeInline(t.from, 20), method: escapeInline(t.method, 40), freshness: { key: freshness } }));
  }
  if (language.change !== "unchanged") parts.push(say("review.change", { change: language.change }));
  if (language.problem) parts.push(`⚠️ ${escapeInline(language.problem, 200)}`);
  const title = language.title && !language.original ? `: ${quotedTitle(say, language.title, 120)}` : "";
  return `${escapeInline(language.lang, 20)}: ${parts.join(say("review.separator.list")) || say("review.language.unchanged")}${title}`;
}

function renderValidation(say: Say, lang: UnLanguage, decision: Decision, compact: boolean): string[] {
  const v = decision.validation;
  const link = v.runUrl ? ` ${say("review.validation.runLink", { url: { verbatim: v.runUrl } })}` : "";
  const counts = v.summary ? ` ${say("review.validation.counts", { errors: v.summary.errors, warnings: v.summary.warnings })}` : "";
  const lines = [`### ${say("review.validation.heading")}`, ""];
  switch (v.state) {
    case "passed":
      lines.push(`${say("review.validation.passed")}${counts}${link}`);
      break;
    case "failed":
      lines.push(`${say("review.validation.failed")}${counts}${link} ${say("review.validation.fixAndPush")}`);
      break;
    case "running":
      lines.push(`${say(v.stuck ? "review.validation.stuck" : "review.validation.running")}${link}`);
      break;
    case "missing":
      lines.push(say("review.validation.missing"));
      break;
    default:
      lines.push(`${say("review.validation.other", { conclusion: escapeInline(v.run?.conclusion ?? "unknown", 40) })}${link}`);
  }
  const findings = v.summary?.findings ?? [];
  if (!compact && findings.length > 0) {
    const total = (v.summary?.errors ?? 0) + (v.summary?.warnings ?? 0);
    const label =
      findings.length < total
        ? say("review.validation.findingsFirst", { shown: findings.length, total })
        : say("review.validation.findingsAll", { count: findings.length });
    lines.push("", `<details><summary>${label}</summary>`, "");
    // The validator gives each message in the six languages; an older artifact, or a state cut to
    // fit the comment, has some in English only, and the section says so.
    if (findings.some((f) => f.messages?.[lang] === undefined && lang !== "en")) lines.push(say("review.validation.findingsLanguage"), "");
    for (const f of findings) {
      const where = `${escapeInline(f.file, 200)}:${f.line}:${f.column}`;
      const message = f.messages?.[lang] ?? f.message;
      lines.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${where} ${escapeInline(message, 300, { isolates: true })} (${escapeInline(f.ruleId, 64)})`);
    }
    lines.push("", "</details>");
  }
  return lines;
}
