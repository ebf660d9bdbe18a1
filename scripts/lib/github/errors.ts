/** The HTTP status of a failed request, when there is one. */
export function errorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : null;
}

/** A short description of a failed request, for a "needs a human" reason or a log line. */
export function describeError(error: unknown): string {
  const status = errorStatus(error);
  const message = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 200) : String(error).slice(0, 200);
  return status ? `HTTP ${status}: ${message}` : (message ?? "unknown error");
}
