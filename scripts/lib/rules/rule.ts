import type { Diagnostic } from "../diagnostics.ts";
import type { Dataset } from "../validate/dataset.ts";

/** Reports one problem for the rule that is running; severity defaults to error. */
export type Report = (problem: Omit<Diagnostic, "ruleId" | "severity"> & { severity?: Diagnostic["severity"] }) => void;

/** A lint rule: one module under rules/, registered in rules/index.ts. It reads only through the dataset, never the disk. */
export interface Rule {
  /** Stable, kebab-case, never reused for another meaning. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  /**
   * "repository" for a rule that must see the whole repository at once (it runs once per
   * whole run); by default a rule sees no further than the owners of the files it checks,
   * so whole runs check one owner at a time.
   */
  scope?: "repository";
  check(dataset: Dataset, report: Report): void;
}
