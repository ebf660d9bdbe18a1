import { firstError, validateConfig } from "./schemas.ts";
import type { BotConfig, ConfirmationSettings, ReminderSettings, Reviewer } from "./types.ts";

/** Where the config lives, on the default branch. */
export const CONFIG_PATH = ".github/cop-atlas.json";

/** The defaults: what the config file says at launch. Merge stays off unless the file says otherwise. */
export const DEFAULT_CONFIG: Omit<BotConfig, "problems"> = {
  secretariat: "@cop-atlas/secretariat",
  autoMerge: false,
  botLogin: "cop-atlas-bot[bot]",
  secretariatMembers: [],
  validateWorkflow: ".github/workflows/validate.yml",
  reviewRelayWorkflow: ".github/workflows/review-relay.yml",
  previewWorkflow: ".github/workflows/pr-site.yml",
  reminders: { remindAfterDays: 7, escalateAfterDays: 21, closeAfterDays: 60 },
  confirmations: { dueAfterDays: 365 },
};

/**
 * Reads the config text from the default branch. A missing or invalid file gives the defaults
 * (merge off) plus a problem, so the bot asks for a human instead of guessing.
 */
export function parseBotConfig(text: string | null): BotConfig {
  if (text === null) return { ...DEFAULT_CONFIG, problems: [`${CONFIG_PATH} is missing on the default branch.`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ...DEFAULT_CONFIG, problems: [`${CONFIG_PATH} is not valid JSON.`] };
  }
  if (!validateConfig(value)) {
    return { ...DEFAULT_CONFIG, problems: [`${CONFIG_PATH} is invalid: ${firstError(validateConfig)}.`] };
  }
  const config = value as {
    secretariat: string;
    autoMerge: boolean;
    botLogin: string;
    secretariatMembers?: Reviewer[];
    validateWorkflow?: string;
    reviewRelayWorkflow?: string;
    previewWorkflow?: string;
    reminders?: ReminderSettings;
    confirmations?: ConfirmationSettings;
  };
  const reminders = config.reminders ?? DEFAULT_CONFIG.reminders;
  const problems: string[] = [];
  if (!(reminders.remindAfterDays < reminders.escalateAfterDays && reminders.escalateAfterDays < reminders.closeAfterDays)) {
    problems.push(
      `${CONFIG_PATH}: reminders must come before the escalation, and the escalation before closing (remindAfterDays < escalateAfterDays < closeAfterDays).`,
    );
  }
  return {
    secretariat: config.secretariat,
    autoMerge: config.autoMerge,
    botLogin: config.botLogin,
    secretariatMembers: config.secretariatMembers ?? [],
    validateWorkflow: config.validateWorkflow ?? DEFAULT_CONFIG.validateWorkflow,
    reviewRelayWorkflow: config.reviewRelayWorkflow ?? DEFAULT_CONFIG.reviewRelayWorkflow,
    previewWorkflow: config.previewWorkflow ?? DEFAULT_CONFIG.previewWorkflow,
    reminders: problems.length > 0 ? DEFAULT_CONFIG.reminders : reminders,
    confirmations: config.confirmations ?? DEFAULT_CONFIG.confirmations,
    problems,
  };
}

/** The secretariat team as the review-request API wants it: its slug, when it belongs to the repository's owner. */
export function secretariatTeamSlug(config: BotConfig, repoOwner: string): string | null {
  const match = /^@([^/]+)\/(.+)$/.exec(config.secretariat);
  if (!match || match[1]?.toLowerCase() !== repoOwner.toLowerCase()) return null;
  return match[2] ?? null;
}
