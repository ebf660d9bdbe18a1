/**
 * docs/SECURITY-SETTINGS.md tells a maintainer which status checks to require, by exact name. A
 * renamed job or context would silently stop being required (or block every merge), so the
 * table is checked against the workflows and the bot here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { APPROVAL_CONTEXT } from "../../scripts/lib/bot/sticky.ts";

const root = join(import.meta.dirname, "..", "..");
const settings = readFileSync(join(root, "docs", "SECURITY-SETTINGS.md"), "utf8");

interface RequiredCheck {
  name: string;
  source: string;
  what: string;
}

/** The rows of the table under "### Required status checks". */
function requiredChecks(markdown: string): RequiredCheck[] {
  const section = markdown.split(/^### Required status checks$/m)[1]?.split(/^#{2,3} /m)[0] ?? "";
  return section
    .split("\n")
    .map((line) => /^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ name: match[1] as string, source: (match[2] as string).trim(), what: (match[3] as string).trim() }));
}

interface Workflow {
  on: unknown;
  jobs: Record<string, { name?: string }>;
}

function workflow(file: string): Workflow {
  return parse(readFileSync(join(root, ".github", "workflows", file), "utf8")) as Workflow;
}

function triggers(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on as string[];
  return Object.keys(on as object);
}

describe("docs/SECURITY-SETTINGS.md", () => {
  const checks = requiredChecks(settings);

  test("requires the validation job and the review bot's approval status, and nothing else", () => {
    expect(checks.map((c) => c.name)).toEqual(["validate", APPROVAL_CONTEXT]);
  });

  test("each GitHub Actions check is the display name of the job it points to, in a workflow that runs on pull requests", () => {
    const actions = checks.filter((c) => c.source.includes("GitHub Actions"));
    expect(actions.length).toBeGreaterThan(0);
    for (const check of actions) {
      const where = /the job `([^`]+)` of `\.github\/workflows\/([^`]+)`/.exec(check.what);
      expect(where, `${check.name}: the table must say which job of which workflow`).not.toBeNull();
      const [, jobId = "", file = ""] = where ?? [];
      const found = workflow(file);
      expect(triggers(found.on)).toContain("pull_request");
      // GitHub names an Actions check after the job's `name:`, or its id when it has none.
      expect(found.jobs[jobId]?.name ?? jobId).toBe(check.name);
    }
  });

  test("the approval status is pinned to the bot's app", () => {
    const approval = checks.find((c) => c.name === APPROVAL_CONTEXT);
    expect(approval?.source).toMatch(/`cop-atlas-bot`/);
  });

  test("points to no file or document that does not exist", () => {
    expect(settings).not.toMatch(/bot's documentation/);
    const named = [...settings.matchAll(/`([\w./-]+\.(?:md|ya?ml|ts|json))`/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(5);
    for (const file of named) {
      // A bare name is a file at the root (`SECURITY.md`) or a workflow (`audit.yml`).
      const candidates = file.includes("/") ? [file] : [file, join(".github", "workflows", file)];
      expect(
        candidates.some((path) => existsSync(join(root, path))),
        `${file} is named in the settings but does not exist`,
      ).toBe(true);
    }
  });
});
