import type { Diagnostic } from "../diagnostics.ts";
import { type JsonReport, toJsonReport } from "../report/json.ts";
import type { Hop } from "./check-link.ts";
import { describeResult, LINK_RULES } from "./findings.ts";
import type { LinkCheckRun, LinkCounts } from "./run.ts";

/** One address with a finding, and every place it is written: what the links issue lists. */
export interface LinkFinding {
  url: string;
  ruleId: (typeof LINK_RULES)[number]["id"];
  severity: Diagnostic["severity"];
  /** The sentence, without the field name. */
  message: string;
  hint?: string;
  /** For link-redirected: whether the address moved for good or only for now. */
  redirect?: "permanent" | "temporary";
  /** Where the address should now point (permanent redirects) or where it ends (temporary ones). */
  newUrl?: string;
  chain: Hop[];
  uses: { file: string; line: number; column: number; field: string }[];
}

/**
 * `npm run links -- --format json`: the validator's JSON report (schemaVersion 1, the same
 * `summary` and `diagnostics`), plus the link counts and one record per address with a finding.
 */
export interface LinkJsonReport extends JsonReport {
  links: LinkCounts;
  findings: LinkFinding[];
}

/** The JSON report of a run. */
export function toLinkJsonReport(run: LinkCheckRun): LinkJsonReport {
  const usesByUrl = new Map<string, LinkFinding["uses"]>();
  for (const { url, file, line, column, field } of run.uses) {
    const list = usesByUrl.get(url) ?? [];
    list.push({ file, line, column, field });
    usesByUrl.set(url, list);
  }
  const findings: LinkFinding[] = [];
  for (const result of run.results) {
    const finding = describeResult(result, run.options);
    if (!finding) continue;
    const rule = LINK_RULES.find((r) => r.id === finding.ruleId);
    findings.push({
      url: result.url,
      ruleId: finding.ruleId,
      severity: rule?.severity ?? "warning",
      message: finding.message,
      ...(finding.hint ? { hint: finding.hint } : {}),
      ...(result.status === "ok" && result.redirect ? { redirect: result.redirect.kind, newUrl: result.redirect.suggestedUrl } : {}),
      chain: result.chain,
      uses: usesByUrl.get(result.url) ?? [],
    });
  }
  findings.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { ...toJsonReport(run.diagnostics, { files: run.files, entries: run.entries }), links: run.counts, findings };
}

/** The JSON text of a run. */
export function formatLinkJson(run: LinkCheckRun): string {
  return `${JSON.stringify(toLinkJsonReport(run), null, 2)}\n`;
}
