import { firstError, validateProfileTrust } from "./schemas.ts";
import type { ProfileRead, Reviewer } from "./types.ts";

/**
 * Reads the trust fields of a country or organisation profile (reviewers, region or regions).
 * The text is data: parsed with JSON.parse, checked against a strict schema of the fields the
 * bot uses, and nothing else is kept.
 */
export function parseProfile(text: string | null): ProfileRead {
  if (text === null) return { status: "missing" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { status: "error", message: "is not valid JSON" };
  }
  if (!validateProfileTrust(value)) return { status: "error", message: `is invalid: ${firstError(validateProfileTrust)}` };
  const profile = value as { reviewers: Reviewer[]; region?: string; regions?: string[] };
  const regions = profile.regions ?? (profile.region ? [profile.region] : []);
  return {
    status: "ok",
    reviewers: profile.reviewers.map(({ login, id }) => ({ login, id })),
    regions: [...new Set(regions)].sort(),
  };
}

/** True when two profile reads name the same reviewers (by id and login) and regions. */
export function sameTrustFields(a: ProfileRead, b: ProfileRead): boolean {
  if (a.status !== "ok" || b.status !== "ok") return false;
  const reviewers = (read: { reviewers: Reviewer[] }) => JSON.stringify(read.reviewers.map((r) => `${r.id}:${r.login}`).sort());
  return reviewers(a) === reviewers(b) && JSON.stringify(a.regions) === JSON.stringify(b.regions);
}
