import { type CheckSettings, checkLink, type LinkResult } from "./check-link.ts";
import { type Clock, systemClock } from "./clock.ts";
import type { Fetch } from "./http.ts";
import { RequestScheduler } from "./scheduler.ts";

/** The project's name and address, so that a site's owner who sees our requests knows who asks and why. */
export const USER_AGENT = "COP-Atlas-link-checker/1.0 (+https://github.com/cop-atlas/cop-atlas; checks the sources cited by the COP Atlas)";

/** Everything the link checker can be told; every duration is in milliseconds. */
export interface CheckLinksOptions {
  /** Requests in flight at once, over all sites. */
  concurrency: number;
  /** Pause between two requests to the same site. */
  gapMs: number;
  /** After this long no request starts; what is left is reported as unchecked. */
  budgetMs: number;
  timeoutMs: number;
  maxRedirects: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  userAgent: string;
}

/** Polite to small government sites, quick enough for a few thousand addresses in a weekly run. */
export const DEFAULT_OPTIONS: CheckLinksOptions = {
  concurrency: 8,
  gapMs: 1000,
  budgetMs: 10 * 60_000,
  timeoutMs: 20_000,
  maxRedirects: 10,
  retries: 2,
  backoffMs: 2000,
  maxRetryAfterMs: 120_000,
  userAgent: USER_AGENT,
};

/** What a check needs from the outside world; the defaults are the real ones. */
export interface CheckLinksEnvironment {
  fetch?: Fetch;
  clock?: Clock;
  /** Called after each address is done, for a progress bar. */
  onResult?: (result: LinkResult, done: number, total: number) => void;
}

/** The results of a check, in the order of the addresses given. */
export interface CheckLinksResult {
  results: LinkResult[];
  /** True when the time budget ran out before every address was checked. */
  budgetExhausted: boolean;
  /** How long the check took. */
  elapsedMs: number;
}

/**
 * Checks each distinct address once, all of them concurrently within the limits of the
 * scheduler (per site one at a time with a gap, a bounded number in flight, a deadline).
 */
export async function checkLinks(
  urls: readonly string[],
  options: Partial<CheckLinksOptions> = {},
  environment: CheckLinksEnvironment = {},
): Promise<CheckLinksResult> {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const clock = environment.clock ?? systemClock;
  const fetch = environment.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const started = clock.now();
  const scheduler = new RequestScheduler(clock, { concurrency: settings.concurrency, gapMs: settings.gapMs, deadline: started + settings.budgetMs });
  const check: CheckSettings = { ...settings, fetch, clock };
  const distinct = [...new Set(urls)];
  // A caller's mistake, not a finding: the collector only hands over addresses the validator accepts.
  const invalid = distinct.find((url) => !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol));
  if (invalid !== undefined) throw new Error(`not a web address: ${invalid.slice(0, 200)}`);
  let done = 0;
  const results = await Promise.all(
    distinct.map(async (url) => {
      const result = await checkLink(url, check, scheduler);
      done++;
      environment.onResult?.(result, done, distinct.length);
      return result;
    }),
  );
  return { results, budgetExhausted: results.some((r) => r.status === "unchecked"), elapsedMs: clock.now() - started };
}
