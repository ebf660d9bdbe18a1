import { validateCarriedState } from "../schemas.ts";
import type { ValidationSummary } from "../types.ts";

const PREFIX = "<!-- cop-bot:validation ";
const SUFFIX = " -->";

/**
 * The validation summary, kept in the bot's own comment as base64 JSON: runs without the
 * artifact (a review, the sweep) show the same findings instead of dropping them. Base64 cannot
 * contain "-->", so the value cannot end the HTML comment early.
 */
export function encodeCarriedState(summary: ValidationSummary): string {
  const state = { v: 1, ...summary };
  return `${PREFIX}${Buffer.from(JSON.stringify(state), "utf8").toString("base64")}${SUFFIX}`;
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
