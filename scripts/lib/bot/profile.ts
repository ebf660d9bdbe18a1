import { isUnLanguage } from "../i18n/messages.ts";
import type { UnLanguage } from "../vocab.ts";
import { firstError, validateProfileTrust } from "./schemas.ts";
import type { ProfileRead, Reviewer } from "./types.ts";

/**
 * Reads the trust fields of a country or organisation profile (reviewers, region or regions), and
 * the languages it asks the bots to write in.
 * The text is data: parsed with JSON.parse, checked against a strict schema of the fields the
 * bot uses, and nothing else is kept.
 */
export function parseProfile(text: string | null): ProfileRead {
  if (text === null) return { status: "missing" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { status: "error", message: "is not valid JSON", problem: { key: "review.profile.notJson" } };
  }
  if (!validateProfileTrust(value)) {
    const detail = firstError(validateProfileTrust);
    return { status: "error", message: `is invalid: ${detail}`, problem: { key: "review.profile.invalid", values: { detail } } };
  }
  const profile = value as { reviewers: Reviewer[]; region?: string; regions?: string[]; languages?: unknown };
  const regions = profile.regions ?? (profile.region ? [profile.region] : []);
  // Only which languages to write in, never trust: a value the bot cannot use is left out, not a reason to stop.
  const languages = Array.isArray(profile.languages)
    ? [...new Set(profile.languages.filter((lang): lang is string => typeof lang === "string" && isUnLanguage(lang)))].slice(0, 6)
    : [];
  return {
    status: "ok",
    reviewers: profile.reviewers.map(({ login, id }) => ({ login, id })),
    regions: [...new Set(regions)].sort(),
    ...(languages.length > 0 ? { languages: languages as UnLanguage[] } : {}),
  };
}

/** True when two profile reads name the same reviewers (by id and login) and regions. */
export function sameTrustFields(a: ProfileRead, b: ProfileRead): boolean {
  if (a.status !== "ok" || b.status !== "ok") return false;
  const reviewers = (read: { reviewers: Reviewer[] }) => JSON.stringify(read.reviewers.map((r) => `${r.id}:${r.login}`).sort());
  return reviewers(a) === reviewers(b) && JSON.stringify(a.regions) === JSON.stringify(b.regions);
}
