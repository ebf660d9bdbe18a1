import type { UnLanguage } from "../../vocab.ts";
import { validateCarriedState } from "../schemas.ts";
import type { ValidationSummary } from "../types.ts";

const PREFIX = "<!-- cop-bot:validation ";
const SUFFIX = " -->";
/**
 * The most the state's JSON may take, in bytes (a third of the comment once in base64): the
 * findings' messages in other languages are dropped from the last finding up until it fits, and
 * those findings are then shown in English.
 */
export const STATE_BUDGET = 15_000;

/**
 * The validation summary, kept in the bot's own comment as base64 JSON: runs without the
 * artifact (a review, the sweep) show the same findings instead of dropping them. Only the
 * messages in the comment's languages are kept. Base64 cannot contain "-->", so the value cannot
 * end the HTML comment early.
 */
export function encodeCarriedState(summary: ValidationSummary, languages: readonly UnLanguage[]): string {
  const findings = summary.findings.map(({ messages, ...finding }) => {
    const kept = Object.entries(messages ?? {}).filter(([lang]) => (languages as readonly string[]).includes(lang));
    return kept.length > 0 ? { ...finding, messages: Object.fromEntries(kept) } : finding;
  });
  const json = () => JSON.stringify({ v: 1, ...summary, findings });
  for (let last = findings.length - 1; last >= 0 && Buffer.byteLength(json()) > STATE_BUDGET; last--) {
    const { messages: _dropped, ...plain } = findings[last] as (typeof findings)[number] & { messages?: unknown };
    findings[last] = plain;
  }
  return `${PREFIX}${Buffer.from(json(), "utf8").toString("base64")}${SUFFIX}`;
}

/** Reads the state back from a comment body the caller has checked is the bot's; null when absent or invalid. */
export function decodeCarriedState(body: string): ValidationSummary | null {
  const start = body.lastIndexOf(PREFIX);
  if (start < 0) return null;
  const end = body.indexOf(SUFFIX, start + PREFIX.length);
  const encoded = end < 0 ? "" : body.slice(start + PREFIX.length, end);
  if (!/^[A-Za-z0-9+/]{1,60000}={0,2}$/.test(encoded)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
  } catch {
    return null;
  }
  if (!validateCarriedState(value)) return null;
  const { v: _version, ...summary } = value as ValidationSummary & { v: 1 };
  return summary;
}
