import { escapeInline } from "../../bot/render/escape.ts";
import { shorten } from "../findings.ts";
import type { LinkFinding, LinkJsonReport } from "../report.ts";
import { linkSummaryLine } from "../run.ts";

/** The hidden marker that identifies the links issue, with its author (see sync.ts). */
export const LINK_ISSUE_MARKER = "<!-- cop-atlas:link-check -->";
/** The label the links issue carries; the workflow finds the issue by it. */
export const LINK_ISSUE_LABEL = "link-check";
export const LINK_ISSUE_TITLE = "Source links that need attention";

/** GitHub refuses issue bodies over 65,536 characters; this leaves room. */
const MAX_BODY = 60_000;

/** Where the issue's links point: the repository on GitHub and the branch the data is read from. */
export interface IssueContext {
  serverUrl: string;
  owner: string;
  repo: string;
  branch: string;
}

/** What the issue should be after this run. */
export type DesiredIssue = { state: "open"; title: string; body: string } | { state: "closed"; body: string };

/**
 * The links issue this report calls for. It is open while an address is broken, unreachable or
 * moved for good (something to fix), and stays open while addresses went unchecked if it was
 * already open (the problem may still be there); otherwise it is closed. The body depends only on
 * the findings, never on the date or the run, so a run with the same results changes nothing.
 */
export function desiredLinkIssue(report: LinkJsonReport, context: IssueContext, issueOpen: boolean): DesiredIssue {
  const groups = groupFindings(report.findings);
  const toFix = groups.broken.length + groups.unreachable.length + groups.moved.length;
  if (toFix > 0 || (issueOpen && groups.unchecked.length > 0)) {
    return { state: "open", title: LINK_ISSUE_TITLE, body: renderOpenBody(report, groups, context) };
  }
  return {
    state: "closed",
    body: [
      LINK_ISSUE_MARKER,
      "Every source address answered in the last weekly link check: nothing left to fix. This issue opens again (as a new one) when an address breaks.",
      "",
      `**${escapeInline(linkSummaryLine(report.links), 300)}**`,
      "",
    ].join("\n"),
  };
}

interface Groups {
  broken: LinkFinding[];
  unreachable: LinkFinding[];
  moved: LinkFinding[];
  redirected: LinkFinding[];
  slow: LinkFinding[];
  unchecked: LinkFinding[];
}

function groupFindings(findings: readonly LinkFinding[]): Groups {
  const groups: Groups = { broken: [], unreachable: [], moved: [], redirected: [], slow: [], unchecked: [] };
  for (const finding of findings) {
    if (finding.ruleId === "link-broken") groups.broken.push(finding);
    else if (finding.ruleId === "link-unreachable") groups.unreachable.push(finding);
    else if (finding.ruleId === "link-redirected") (finding.redirect === "permanent" ? groups.moved : groups.redirected).push(finding);
    else if (finding.ruleId === "link-slow") groups.slow.push(finding);
    else groups.unchecked.push(finding);
  }
  return groups;
}

function renderOpenBody(report: LinkJsonReport, groups: Groups, context: IssueContext): string {
  // Fewer rows per table until the body fits: the counts above the tables stay exact.
  for (const rows of [500, 200, 100, 50, 20, 5, 0]) {
    const body = renderTables(report, groups, context, rows);
    if (body.length <= MAX_BODY) return body;
  }
  return renderTables(report, groups, context, 0).slice(0, MAX_BODY);
}

function renderTables(report: LinkJsonReport, groups: Groups, context: IssueContext, maxRows: number): string {
  const workflow = `${context.serverUrl}/${context.owner}/${context.repo}/actions/workflows/links.yml`;
  const lines = [
    LINK_ISSUE_MARKER,
    `The weekly link check (\`npm run links\`) found source addresses in the data that need attention. The [links workflow](${workflow}) edits this issue after each run and closes it when every address works: fix the entries in a pull request, there is no need to comment here.`,
    "",
    `**${escapeInline(linkSummaryLine(report.links), 300)}**`,
  ];
  /** A table per kind of finding: the middle column is the problem, or (for redirects) where the address leads. */
  const section = (title: string, advice: string, findings: readonly LinkFinding[], middleColumn: "Problem" | "New address" | "Leads to", folded = false) => {
    if (findings.length === 0) return;
    const table = [
      `| Address | ${middleColumn} | Cited in |`,
      "| --- | --- | --- |",
      ...findings.slice(0, maxRows).map((finding) => {
        const middle = middleColumn === "Problem" ? escapeInline(problemOf(finding), 400) : address(finding.newUrl ?? "");
        return `| ${address(finding.url)} | ${middle} | ${citations(finding, context)} |`;
      }),
    ];
    if (findings.length > maxRows) table.push("", `…and ${findings.length - maxRows} more: run \`npm run links\` for the full list.`);
    const heading = `${title} (${findings.length})`;
    if (folded) lines.push("", `<details><summary>${heading}</summary>`, "", advice, "", ...table, "", "</details>");
    else lines.push("", `### ${heading}`, "", advice, "", ...table);
  };
  section(
    "Broken",
    "These pages are gone or their sites do not answer properly. Find each page's new address (or an archived copy on web.archive.org) or cite another source for the same facts.",
    groups.broken,
    "Problem",
  );
  section("Moved permanently", "These addresses redirect for good. Replace each with its new address.", groups.moved, "New address");
  section(
    "Not reachable",
    "No usable answer after several tries: the site may be down for a while or block automated checks. Open each in a browser; if it keeps failing week after week, replace it.",
    groups.unreachable,
    "Problem",
  );
  section("Not checked", "The time budget ran out before these were checked; the next run tries again.", groups.unchecked, "Problem", true);
  section("Redirected for now", "Temporary redirects: nothing to change while the page at the end is still the source.", groups.redirected, "Leads to", true);
  section("Slow", "These answered, slowly. Nothing to change unless they stop answering.", groups.slow, "Problem", true);
  lines.push("");
  return lines.join("\n");
}

/** The message without the address it starts with: the table shows the address in its own column. */
function problemOf(finding: LinkFinding): string {
  const prefix = `${shorten(finding.url)} `;
  return finding.message.startsWith(prefix) ? finding.message.slice(prefix.length) : finding.message;
}

/**
 * An address as a clickable autolink when it has only the characters an address needs (no
 * spaces, brackets, pipes, quotes or backticks that could break out of it); otherwise as
 * escaped text. Redirect targets come from other people's servers.
 */
function address(url: string): string {
  if (url.length <= 500 && /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#][A-Za-z0-9\-._~%!$&'*+,;=:@/?#]*)?$/.test(url)) return `<${url}>`;
  return escapeInline(url, 200);
}

/** Each place the address is cited, as a link to that line of the file on the branch. */
function citations(finding: LinkFinding, context: IssueContext): string {
  const shown = finding.uses.slice(0, 5).map((use) => {
    const path = use.file
      .split("/")
      .map((segment) => encodeURIComponent(segment).replaceAll("(", "%28").replaceAll(")", "%29"))
      .join("/");
    const url = `${context.serverUrl}/${context.owner}/${context.repo}/blob/${encodeURIComponent(context.branch)}/${path}#L${use.line}`;
    return `[${escapeInline(use.file, 200)} line ${use.line}](${url})`;
  });
  if (finding.uses.length > 5) shown.push(`and ${finding.uses.length - 5} more`);
  return shown.join("<br>");
}
