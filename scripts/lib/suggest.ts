import { distance } from "fastest-levenshtein";

/**
 * The closest known value to what was written, for "did you mean ...?".
 * Matches a different case first, then the smallest edit distance within a third of the length.
 */
export function closestMatch(written: string, candidates: Iterable<string>): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const found = distance(lower, candidate.toLowerCase());
    if (found < bestDistance) {
      best = candidate;
      bestDistance = found;
    }
  }
  const allowed = Math.max(2, Math.floor(written.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
