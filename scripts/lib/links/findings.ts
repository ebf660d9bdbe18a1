import { STATUS_CODES } from "node:http";
import { compareDiagnostics, type Diagnostic, type Severity } from "../diagnostics.ts";
import type { Hop, LinkResult } from "./check-link.ts";
import type { LinkUse } from "./collect.ts";

/** The link checker's findings: stable ids, never reused for another meaning. */
export const LINK_RULES = [
  {
    id: "link-broken",
    severity: "error",
    description:
      "The page is gone (404, 410), the site's name does not exist, the connection is refused or cut, the secure connection is invalid, or the redirects loop or never end.",
  },
  {
    id: "link-unreachable",
    severity: "warning",
    description: "No usable answer after the retries: a server error (5xx), access refused (401, 403), too many requests (429), or no answer in time.",
  },
  { id: "link-redirected", severity: "warning", description: "The address moved permanently (update it) or redirects temporarily (the chain is shown)." },
  { id: "link-slow", severity: "warning", description: "The site answered, but slowly." },
  { id: "link-unchecked", severity: "warning", description: "Not checked: the time budget ran out first. This says nothing about the link." },
] as const satisfies readonly { id: string; severity: Severity; description: string }[];

/** The settings the sentences mention. */
export interface FindingSettings {
  /** An answer slower than this is reported. */
  slowMs: number;
  timeoutMs: number;
  budgetMs: number;
  maxRedirects: number;
}

/**
 * One diagnostic per place an address with a problem is written, in the validator's shape, so
 * that every formatter (pretty, github, json) prints it. Fine links give nothing.
 */
export function linkDiagnostics(results: readonly LinkResult[], uses: readonly LinkUse[], settings: FindingSettings): Diagnostic[] {
  const byUrl = new Map(results.map((result) => [result.url, result]));
  const diagnostics: Diagnostic[] = [];
  for (const use of uses) {
    const result = byUrl.get(use.url);
    if (!result) continue;
    const finding = describeResult(result, settings);
    if (!finding) continue;
    const where = use.field === "text" ? "Link in the text" : use.field;
    diagnostics.push({
      ruleId: finding.ruleId,
      severity: severityOf(finding.ruleId),
      file: use.file,
      line: use.line,
      column: use.column,
      message: `${where}: ${finding.message}`,
      ...(finding.hint ? { hint: finding.hint } : {}),
    });
  }
  return diagnostics.sort(compareDiagnostics);
}

/** What a result means for the people who keep the data: a rule id, a sentence and what to do; undefined for a fine link. */
export function describeResult(
  result: LinkResult,
  settings: FindingSettings,
): { ruleId: (typeof LINK_RULES)[number]["id"]; message: string; hint?: string } | undefined {
  const url = shorten(result.url);
  const host = hostOf(result.url);
  const chain = result.chain.length > 1 ? `Redirects: ${describeChain(result.chain)}.` : undefined;
  const replace =
    "Find the page's new address on the site (or an archived copy on web.archive.org) and update the link, or cite another source for the same facts.";
  switch (result.status) {
    case "ok": {
      if (result.redirect?.kind === "permanent") {
        return {
          ruleId: "link-redirected",
          message: `${url} has moved permanently to ${shorten(result.redirect.suggestedUrl)}.`,
          hint: `Replace the address with the new one. ${chain}`,
        };
      }
      if (result.redirect?.kind === "temporary") {
        return {
          ruleId: "link-redirected",
          message: `${url} redirects for now to ${shorten(result.redirect.suggestedUrl)}.`,
          hint: `Keep the address if the page it leads to is still the source. ${chain}`,
        };
      }
      if (result.slowestMs > settings.slowMs) {
        return {
          ruleId: "link-slow",
          message: `${url} took ${seconds(result.slowestMs)} to answer (more than ${seconds(settings.slowMs)}).`,
          hint: "Nothing to change unless it keeps getting slower or stops answering.",
        };
      }
      return undefined;
    }
    case "unchecked":
      return {
        ruleId: "link-unchecked",
        message: `${url} was not checked: the time budget of ${duration(settings.budgetMs)} ran out first${result.detail ? ` (the last try got ${result.detail})` : ""}.`,
        hint: "Run npm run links again on fewer paths or with a larger --budget.",
      };
    case "broken":
    case "unreachable": {
      const status = result.httpStatus === undefined ? "" : `${result.httpStatus} ${STATUS_CODES[result.httpStatus] ?? ""}`.trim();
      const tries = result.tries > 1 ? ` (${result.tries} tries)` : "";
      const ruleId = result.status === "broken" ? "link-broken" : "link-unreachable";
      const sentences: Record<typeof result.reason, { message: string; hint?: string }> = {
        "not-found": { message: `${url} is not found (${status}).`, hint: replace },
        gone: { message: `${url} has been removed for good (${status}).`, hint: replace },
        dns: {
          message: `the site ${host} does not exist: its name is not found (${result.detail}).`,
          hint: "Check the address for a typing mistake. If the site has closed, link to an archived copy (web.archive.org) or another source.",
        },
        refused: {
          message: `the site ${host} refused the connection (${result.detail}).`,
          hint: "Open the address in a browser. If the site stays closed, link to an archived copy or another source.",
        },
        reset: {
          message: `the site ${host} cut the connection without answering${tries}.`,
          hint: "Open the address in a browser. If it fails there too, link to an archived copy or another source.",
        },
        tls: {
          message: `the site ${host} has no valid secure connection (${result.detail}).`,
          hint: "Its certificate is expired, self-signed or issued for another name, and browsers warn readers too. Cite another source, or tell the site's owner.",
        },
        "redirect-loop": {
          message: `${url} redirects in a loop.`,
          hint: `${chain ?? ""} The site is misconfigured: cite another page for the same facts.`.trim(),
        },
        "too-many-redirects": {
          message: `${url} redirects more than ${settings.maxRedirects} times.`,
          hint: `${chain ?? ""} Open it in a browser and use the address where it ends, if it ends.`.trim(),
        },
        "bad-redirect": {
          message: `${url} redirects to something that is not a web page (${shorten(result.detail ?? "")}).`,
          hint: "Open it in a browser and cite the page it should lead to.",
        },
        timeout: {
          message: `the site ${host} did not answer within ${seconds(settings.timeoutMs)}${tries}.`,
          hint: "The site may be down for a while. If it keeps failing week after week, link to an archived copy or another source.",
        },
        network: {
          message: `the site ${host} could not be reached (${result.detail})${tries}.`,
          hint: "The site may be down for a while. If it keeps failing week after week, link to an archived copy or another source.",
        },
        "server-error": {
          message: `${url} answered with a server error: ${status}${tries}.`,
          hint: "The site may be down for a while. If it keeps failing week after week, link to an archived copy or another source.",
        },
        "rate-limited": {
          message: `the site ${host} asked us to slow down (${status})${result.detail ? ` and to wait longer than we can (${result.detail})` : `, and still did after ${result.tries} tries`}.`,
          hint: "Nothing is known about the page yet; the next weekly run tries again.",
        },
        "access-denied": {
          message: `${url} refused access (${status}).`,
          hint: "Some sites block automated checks. Open the address in a browser: if the page shows, nothing to change; if it asks for a login, cite a public source instead.",
        },
        "client-error": {
          message: `${url} answered with an error (${status}).`,
          hint: "Open the address in a browser; if the page does not show, update the link or cite another source.",
        },
      };
      const sentence = sentences[result.reason];
      return { ruleId, message: sentence.message, ...(sentence.hint ? { hint: sentence.hint } : {}) };
    }
  }
}

function severityOf(ruleId: string): Severity {
  return LINK_RULES.find((rule) => rule.id === ruleId)?.severity ?? "warning";
}

/** "https://a (301) → https://b (200)". */
export function describeChain(chain: readonly Hop[]): string {
  return chain
    .filter((hop, index) => chain[index + 1]?.url !== hop.url)
    .map((hop) => `${shorten(hop.url)} (${hop.status})`)
    .join(" → ");
}

/** Long addresses keep their start and end: enough to recognise them in a message. */
export function shorten(url: string, max = 120): string {
  return url.length <= max ? url : `${url.slice(0, max - 31)}…${url.slice(-30)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function seconds(ms: number): string {
  return `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`;
}

/** "10 min", "90 s", "1 h 30 min". */
export function duration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}
