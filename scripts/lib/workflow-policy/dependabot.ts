import { parse } from "yaml";
import type { PolicyFinding } from "./types.ts";

const FILE = ".github/dependabot.yml";
const REQUIRED_ECOSYSTEMS = ["npm", "github-actions"] as const;
/** A new release waits this long before Dependabot proposes it, so a hijacked release has time to be caught. */
const MINIMUM_COOLDOWN_DAYS = 7;

/** Check .github/dependabot.yml: both ecosystems are updated, each with a cooldown of at least a week. */
export function checkDependabot(yamlText: string): PolicyFinding[] {
  let config: unknown;
  try {
    config = parse(yamlText, { uniqueKeys: true });
  } catch (error) {
    return [finding(`Unexpected YAML error: ${(error as Error).message}`)];
  }
  const updates = (config as { updates?: unknown } | null)?.updates;
  if (!Array.isArray(updates)) return [finding("Unexpected dependabot.yml without `updates:`, expected a list of ecosystems")];
  return REQUIRED_ECOSYSTEMS.flatMap((ecosystem) => {
    const entries = updates.filter((entry) => (entry as Record<string, unknown>)?.["package-ecosystem"] === ecosystem);
    if (entries.length === 0) return [finding(`Unexpected dependabot.yml without \`${ecosystem}\`, expected an update entry for it`)];
    return entries.flatMap((entry) => {
      const cooldown = (entry as Record<string, unknown>).cooldown as Record<string, unknown> | undefined;
      const days = cooldown?.["default-days"];
      return typeof days === "number" && days >= MINIMUM_COOLDOWN_DAYS
        ? []
        : [finding(`Unexpected \`${ecosystem}\` updates without a cooldown, expected \`cooldown: { default-days: ${MINIMUM_COOLDOWN_DAYS} }\` or more`)];
    });
  });
}

function finding(message: string): PolicyFinding {
  return { ruleId: "dependabot-policy", severity: "error", file: FILE, line: 1, column: 1, message };
}
