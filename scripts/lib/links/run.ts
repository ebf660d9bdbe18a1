import type { Diagnostic } from "../diagnostics.ts";
import { diskSource } from "../load/source.ts";
import { loadCatalog } from "../schema/catalog.ts";
import { Dataset } from "../validate/dataset.ts";
import type { LinkResult } from "./check-link.ts";
import { type CheckLinksEnvironment, type CheckLinksOptions, checkLinks, DEFAULT_OPTIONS } from "./check-links.ts";
import { collectLinkUses, type LinkUse } from "./collect.ts";
import { linkDiagnostics } from "./findings.ts";

/** Options of a whole run: the checker's, plus when an answer counts as slow. */
export type LinkCheckOptions = CheckLinksOptions & { slowMs: number };

export const DEFAULT_LINK_CHECK_OPTIONS: LinkCheckOptions = { ...DEFAULT_OPTIONS, slowMs: 5000 };

/** How many addresses ended how. */
export interface LinkCounts {
  /** Distinct addresses checked (or left unchecked). */
  links: number;
  /** Distinct sites (host and port). */
  sites: number;
  ok: number;
  redirected: number;
  slow: number;
  broken: number;
  unreachable: number;
  unchecked: number;
}

/** Everything a link check found, ready for the formatters and the issue. */
export interface LinkCheckRun {
  /** Files and entries looked at, as in the validator's summary. */
  files: number;
  entries: number;
  uses: LinkUse[];
  results: LinkResult[];
  diagnostics: Diagnostic[];
  counts: LinkCounts;
  options: LinkCheckOptions;
}

/** Reads the addresses in the given part of a repository (all of it by default) and checks them. */
export async function runLinkCheck(input: {
  root: string;
  targets?: readonly string[];
  options?: Partial<LinkCheckOptions>;
  environment?: CheckLinksEnvironment;
}): Promise<LinkCheckRun> {
  const options = { ...DEFAULT_LINK_CHECK_OPTIONS, ...input.options };
  const source = diskSource(input.root);
  const dataset = new Dataset({
    source,
    catalog: loadCatalog(source),
    now: new Date(),
    ...(input.targets ? { targets: input.targets } : {}),
  });
  const uses = collectLinkUses(dataset);
  const { results } = await checkLinks(
    uses.map((use) => use.url),
    options,
    input.environment,
  );
  if (looksOffline(results)) {
    throw new Error("no site answered at all: every address failed before any answer (no Internet access?). Nothing is reported as broken.");
  }
  return {
    files: dataset.files.length,
    entries: dataset.entries.length,
    uses,
    results,
    diagnostics: linkDiagnostics(results, uses, options),
    counts: countResults(results, options.slowMs),
    options,
  };
}

/**
 * True when not one site answered and at least three different sites failed before answering
 * (no name, no connection): then this computer is offline, and reporting every link as broken
 * would be false. With fewer sites, a dead site is as likely as a dead network.
 */
export function looksOffline(results: readonly LinkResult[]): boolean {
  if (results.some((result) => result.chain.length > 0)) return false;
  const failedSites = new Set(
    results.filter((result) => result.status === "broken" || result.status === "unreachable").map((result) => new URL(result.url).host),
  );
  return failedSites.size >= 3;
}

/** Tallies the results. A link counts once, under its worst state; "slow" is only for links that are otherwise fine. */
export function countResults(results: readonly LinkResult[], slowMs: number): LinkCounts {
  const counts: LinkCounts = {
    links: results.length,
    sites: new Set(results.map((r) => new URL(r.url).host)).size,
    ok: 0,
    redirected: 0,
    slow: 0,
    broken: 0,
    unreachable: 0,
    unchecked: 0,
  };
  for (const result of results) {
    if (result.status !== "ok") counts[result.status]++;
    else if (result.redirect) counts.redirected++;
    else if (result.slowestMs > slowMs) counts.slow++;
    else counts.ok++;
  }
  return counts;
}

/** "56 addresses on 40 sites: 50 fine, 1 broken, 2 unreachable, 3 redirected, 0 slow, 0 unchecked." */
export function linkSummaryLine(counts: LinkCounts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(counts.links, "address", "addresses")} on ${plural(counts.sites, "site", "sites")}: ${counts.ok} fine, ${counts.broken} broken, ${counts.unreachable} unreachable, ${counts.redirected} redirected, ${counts.slow} slow, ${counts.unchecked} unchecked.`;
}
