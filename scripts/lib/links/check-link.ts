import type { Clock } from "./clock.ts";
import { type Exchange, type Fetch, retryAfterMs, sendRequest } from "./http.ts";
import type { RequestScheduler } from "./scheduler.ts";

/** One request of a redirect chain and its answer. */
export interface Hop {
  url: string;
  method: "HEAD" | "GET";
  status: number;
}

/** Why a link is broken, unreachable or unchecked, in a word the report can explain. */
export type LinkReason =
  | "not-found"
  | "gone"
  | "dns"
  | "refused"
  | "reset"
  | "tls"
  | "redirect-loop"
  | "too-many-redirects"
  | "bad-redirect"
  | "timeout"
  | "network"
  | "server-error"
  | "rate-limited"
  | "access-denied"
  | "client-error"
  | "budget";

/** What checking one address found. */
export type LinkResult = {
  url: string;
  /** Requests sent for this address, retries and redirects included. */
  requests: number;
  /** Every request of the last try, in order; the last one is where the chain ended. */
  chain: Hop[];
} & LinkVerdict;

/** How an address ended: fine (perhaps redirected), broken, unreachable or not checked. */
export type LinkVerdict =
  | {
      status: "ok";
      /** The address the chain ended at (the same as `url` without redirects). */
      finalUrl: string;
      /** Set when the address redirects: permanent when the first redirect is 301 or 308. */
      redirect?: { kind: "permanent" | "temporary"; suggestedUrl: string };
      /** The slowest answer of the chain, in milliseconds. */
      slowestMs: number;
    }
  | {
      status: "broken" | "unreachable";
      reason: Exclude<LinkReason, "budget">;
      /** The HTTP status, when the site answered. */
      httpStatus?: number;
      /** The system error code (ENOTFOUND, CERT_HAS_EXPIRED ...) or a word about the answer. */
      detail?: string;
      /** How many times the address was tried. */
      tries: number;
    }
  | {
      status: "unchecked";
      reason: "budget";
      /** What the last try got, if anything, before the budget ran out. */
      detail?: string;
    };

/** How links are checked. Every duration is in milliseconds. */
export interface CheckSettings {
  fetch: Fetch;
  clock: Clock;
  userAgent: string;
  /** Per request. */
  timeoutMs: number;
  /** Redirects followed before the chain counts as endless. */
  maxRedirects: number;
  /** Further tries after a transient failure (timeout, reset, 408, 429, 5xx). */
  retries: number;
  /** Wait before the first retry; it doubles for each further one. */
  backoffMs: number;
  /** The longest Retry-After honoured; a site asking for more is reported as unreachable. */
  maxRetryAfterMs: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
/** Answers worth another try: the site is busy, down for a moment, or asked to slow down. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** The outcome of one walk down a redirect chain. */
type Walk =
  | { kind: "done"; result: LinkResult }
  | { kind: "transient"; chain: Hop[]; requests: number; exchange: Exchange; host: string }
  | { kind: "budget"; chain: Hop[]; requests: number };

/**
 * Checks one address: HEAD first, GET when HEAD is refused; redirects followed one by one up to
 * a limit, each request going through the scheduler (so every site in a chain gets its
 * politeness); transient failures tried again with a doubling backoff or the wait the site asked
 * for in Retry-After; and "unchecked", never "broken", when the time budget runs out first.
 */
export async function checkLink(url: string, settings: CheckSettings, scheduler: RequestScheduler): Promise<LinkResult> {
  let requests = 0;
  let notBefore = 0;
  let last: Extract<Walk, { kind: "transient" }> | undefined;
  let tries = 0;
  for (let tryIndex = 0; tryIndex <= settings.retries; tryIndex++) {
    tries++;
    const walk = await walkChain(url, settings, scheduler, notBefore);
    requests += walk.kind === "done" ? walk.result.requests : walk.requests;
    if (walk.kind === "done") return { ...walk.result, requests };
    if (walk.kind === "budget") return { url, status: "unchecked", reason: "budget", requests, chain: walk.chain, ...lastDetail(last) };
    last = walk;
    if (tryIndex === settings.retries) break;
    const now = settings.clock.now();
    const asked = askedWait(walk.exchange, now);
    if (asked !== undefined && asked > settings.maxRetryAfterMs) break;
    notBefore = now + (asked ?? settings.backoffMs * 2 ** tryIndex);
    if (notBefore >= scheduler.deadline) {
      return { url, status: "unchecked", reason: "budget", requests, chain: walk.chain, ...lastDetail(walk) };
    }
  }
  return { ...giveUp(url, last!, tries, settings), requests };
}

/** The wait a 429 or 503 answer asks for in its Retry-After header, in milliseconds. */
function askedWait(exchange: Exchange, now: number): number | undefined {
  if (exchange.kind !== "answer" || (exchange.status !== 429 && exchange.status !== 503)) return undefined;
  return retryAfterMs(exchange.retryAfter, now);
}

function lastDetail(walk: Extract<Walk, { kind: "transient" }> | undefined): { detail?: string } {
  if (!walk) return {};
  const exchange = walk.exchange;
  return { detail: exchange.kind === "answer" ? `${exchange.status}` : exchange.code };
}

/** The verdict once the tries are used up (or the site asked to wait too long). */
function giveUp(url: string, walk: Extract<Walk, { kind: "transient" }>, tries: number, settings: CheckSettings): LinkResult {
  const exchange = walk.exchange;
  const base = { url, requests: walk.requests, chain: walk.chain };
  if (exchange.kind === "failure") {
    // A connection cut every time is as broken as a refused one; a timeout may be a slow day.
    const status = exchange.failure === "reset" ? "broken" : "unreachable";
    return {
      ...base,
      status,
      reason: exchange.failure === "reset" ? "reset" : exchange.failure === "timeout" ? "timeout" : "network",
      detail: exchange.code,
      tries,
    };
  }
  const retryAfter = askedWait(exchange, settings.clock.now());
  const detail = retryAfter !== undefined && retryAfter > settings.maxRetryAfterMs ? `retry-after ${Math.round(retryAfter / 1000)}s` : undefined;
  return {
    ...base,
    status: "unreachable",
    reason: exchange.status === 429 ? "rate-limited" : exchange.status === 408 ? "timeout" : "server-error",
    httpStatus: exchange.status,
    ...(detail ? { detail } : {}),
    tries,
  };
}

async function walkChain(url: string, settings: CheckSettings, scheduler: RequestScheduler, firstNotBefore: number): Promise<Walk> {
  const chain: Hop[] = [];
  const seen = new Set<string>([url]);
  let requests = 0;
  let current = url;
  let method: "HEAD" | "GET" = "HEAD";
  let slowestMs = 0;
  let notBefore = firstNotBefore;
  const done = (result: LinkVerdict): Walk => ({
    kind: "done",
    result: { url, requests, chain, ...result },
  });
  for (;;) {
    const host = new URL(current).host;
    let exchange = await send(current, method, host, notBefore);
    notBefore = 0;
    if (exchange === "budget") return { kind: "budget", chain, requests };
    requests++;
    if (method === "HEAD" && exchange.kind === "answer" && headRefused(exchange.status)) {
      // Many servers refuse or mishandle HEAD (405, 501, even 403 or 404): GET is the truth.
      chain.push({ url: current, method, status: exchange.status });
      method = "GET";
      exchange = await send(current, method, host, 0);
      if (exchange === "budget") return { kind: "budget", chain, requests };
      requests++;
    }
    if (exchange.kind === "failure") {
      if (exchange.transient) return { kind: "transient", chain, requests, exchange, host };
      return done({ status: "broken", reason: exchange.failure as "dns" | "refused" | "tls", detail: exchange.code, tries: 1 });
    }
    chain.push({ url: current, method, status: exchange.status });
    slowestMs = Math.max(slowestMs, exchange.ms);
    const status = exchange.status;
    if (REDIRECTS.has(status) && exchange.location !== null) {
      let next: URL;
      try {
        next = new URL(exchange.location, current);
      } catch {
        return done({ status: "broken", reason: "bad-redirect", httpStatus: status, detail: exchange.location.slice(0, 200), tries: 1 });
      }
      if (next.protocol !== "https:" && next.protocol !== "http:") {
        return done({ status: "broken", reason: "bad-redirect", httpStatus: status, detail: next.protocol, tries: 1 });
      }
      next.hash = next.hash || new URL(current).hash;
      if (seen.has(next.href)) return done({ status: "broken", reason: "redirect-loop", httpStatus: status, detail: next.href, tries: 1 });
      if (seen.size > settings.maxRedirects) return done({ status: "broken", reason: "too-many-redirects", httpStatus: status, tries: 1 });
      seen.add(next.href);
      current = next.href;
      continue;
    }
    if (status < 400) return done({ status: "ok", finalUrl: current, slowestMs, ...redirectOf(chain, current) });
    if (status === 404) return done({ status: "broken", reason: "not-found", httpStatus: status, tries: 1 });
    if (status === 410) return done({ status: "broken", reason: "gone", httpStatus: status, tries: 1 });
    if (TRANSIENT_STATUS.has(status) || status >= 500) return { kind: "transient", chain, requests, exchange, host };
    if (status === 401 || status === 403) return done({ status: "unreachable", reason: "access-denied", httpStatus: status, tries: 1 });
    return done({ status: "unreachable", reason: "client-error", httpStatus: status, detail: exchange.statusText, tries: 1 });
  }

  async function send(target: string, how: "HEAD" | "GET", host: string, after: number): Promise<Exchange | "budget"> {
    let limitedByBudget = false;
    const exchange = await scheduler.run(host, after, async (remainingMs) => {
      limitedByBudget = remainingMs < settings.timeoutMs;
      const sent = await sendRequest(target, how, { ...settings, timeoutMs: Math.min(settings.timeoutMs, remainingMs) });
      // The site's wait applies to every address on it, and must hold before the next one in
      // the site's queue starts: so here, while this request still holds the site.
      const asked = askedWait(sent, settings.clock.now());
      if (asked !== undefined) scheduler.holdHost(host, settings.clock.now() + asked);
      return sent;
    });
    if (exchange === undefined) return "budget";
    // Cut short by the end of the budget rather than by the site: not checked, not slow.
    if (limitedByBudget && exchange.kind === "failure" && exchange.failure === "timeout") return "budget";
    return exchange;
  }
}

/** HEAD answers that say nothing about the page: try GET before concluding. */
function headRefused(status: number): boolean {
  return (status >= 400 && status < 500 && status !== 408 && status !== 429) || status === 500 || status === 501;
}

/**
 * A chain that starts with permanent redirects should be updated to where the permanent part
 * ends: that is where the page now lives. A chain starting with a temporary redirect is kept.
 */
function redirectOf(chain: readonly Hop[], finalUrl: string): { redirect?: { kind: "permanent" | "temporary"; suggestedUrl: string } } {
  const redirects = chain.filter((hop) => REDIRECTS.has(hop.status));
  if (redirects.length === 0) return {};
  let permanent = 0;
  while (permanent < redirects.length && PERMANENT.has(redirects[permanent]?.status ?? 0)) permanent++;
  if (permanent === 0) return { redirect: { kind: "temporary", suggestedUrl: finalUrl } };
  // Each redirect leads to a new address (a repeated one is a loop), so the addresses of the
  // chain, without repeats, are the start followed by each redirect's target.
  const addresses = [...new Set(chain.map((hop) => hop.url))];
  return { redirect: { kind: "permanent", suggestedUrl: addresses[permanent] ?? finalUrl } };
}
