import type { Clock } from "./clock.ts";

/** The `fetch` the checker calls: Node's own (undici) in production, a wrapper in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Why a request got no HTTP answer at all. */
export type NetworkFailure = "dns" | "refused" | "reset" | "tls" | "timeout" | "network";

/** What one request returned: an HTTP answer, or a failure to get one. */
export type Exchange =
  | {
      kind: "answer";
      status: number;
      statusText: string;
      /** The Location header, as sent. */
      location: string | null;
      /** The Retry-After header, as sent. */
      retryAfter: string | null;
      /** Time to the answer's headers. */
      ms: number;
    }
  | { kind: "failure"; failure: NetworkFailure; code: string; transient: boolean; ms: number };

/** How one request is made. */
export interface RequestSettings {
  fetch: Fetch;
  clock: Clock;
  userAgent: string;
  timeoutMs: number;
}

/**
 * Sends one request without following redirects (the checker follows them itself, to report
 * the chain), and reads the headers only: a GET's body is cancelled at once, so checking a
 * 50 MB report costs a few kilobytes.
 */
export async function sendRequest(url: string, method: "HEAD" | "GET", settings: RequestSettings): Promise<Exchange> {
  const started = settings.clock.now();
  const timer = settings.clock.timer(settings.timeoutMs);
  try {
    const response = await settings.fetch(url, {
      method,
      redirect: "manual",
      signal: timer.signal,
      headers: {
        "user-agent": settings.userAgent,
        accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
      },
    });
    const ms = settings.clock.now() - started;
    await response.body?.cancel().catch(() => undefined);
    return {
      kind: "answer",
      status: response.status,
      statusText: response.statusText,
      location: response.headers.get("location"),
      retryAfter: response.headers.get("retry-after"),
      ms,
    };
  } catch (error) {
    return { ...classifyFetchError(error), ms: settings.clock.now() - started };
  } finally {
    timer.clear();
  }
}

const DNS = new Set(["ENOTFOUND", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL"]);
const RESET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"]);
const TIMEOUT = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const TLS = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/**
 * Names what went wrong when fetch threw. undici throws `TypeError("fetch failed")` with the
 * system error as `cause` (its `code`: ENOTFOUND, ECONNREFUSED, UND_ERR_SOCKET ...), and rejects
 * with the signal's reason (a TimeoutError) when the request is aborted. `transient` failures
 * are worth another try.
 */
export function classifyFetchError(error: unknown): { kind: "failure"; failure: NetworkFailure; code: string; transient: boolean } {
  const result = (failure: NetworkFailure, code: string, transient: boolean) => ({ kind: "failure" as const, failure, code, transient });
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return result("timeout", "TIMEOUT", true);
  const code = errorCode(error);
  if (DNS.has(code)) return result("dns", code, false);
  // A name server that did not answer in time: the name may well exist.
  if (code === "EAI_AGAIN") return result("network", code, true);
  if (code === "ECONNREFUSED") return result("refused", code, false);
  if (RESET.has(code)) return result("reset", code, true);
  if (TIMEOUT.has(code)) return result("timeout", code, true);
  if (TLS.test(code)) return result("tls", code, false);
  return result("network", code || "UNKNOWN", true);
}

/** The system error code of a fetch failure, looking through `cause` and AggregateError (IPv4 and IPv6 both tried). */
function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return "";
}

/**
 * When a Retry-After header asks to try again, in milliseconds from `now`: either a number of
 * seconds or an HTTP date (RFC 9110, section 10.2.3). Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[A-Za-z]/.test(text)) return undefined;
  return Math.max(0, date - now);
}
