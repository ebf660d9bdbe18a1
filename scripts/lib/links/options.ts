/**
 * Reads a duration as people write it: "90s", "10m", "1h", "1.5s", "250ms", or a plain number
 * of seconds. Throws (the CLI's exit code 2) on anything else, naming the option.
 */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/i.exec(text.trim());
  if (!match) throw new Error(`${option} "${text}" is not a duration: write for example 90s, 10m or 1h`);
  const value = Number(match[1]);
  const unit = (match[2] ?? "s").toLowerCase();
  const factor = unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "h" ? 3_600_000 : 60_000;
  return Math.round(value * factor);
}

/** Reads a whole number within bounds, or throws naming the option. */
export function parseCount(text: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new Error(`${option} "${text}" must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

/** Writes a duration the way parseDuration reads it: "10m", "20s", "1h", "250ms". */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
