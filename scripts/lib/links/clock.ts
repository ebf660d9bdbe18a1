import { setTimeout as delay } from "node:timers/promises";

/**
 * Time as the link checker sees it. Injected so that tests run a whole check (retries,
 * politeness gaps, Retry-After, the time budget, a timeout) without waiting for real.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** A signal that aborts after `ms` milliseconds, and a way to stop the timer once the request is over. */
  timer(ms: number): { signal: AbortSignal; clear(): void };
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => delay(Math.max(0, ms)),
  timer(ms) {
    const controller = new AbortController();
    const handle = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, "TimeoutError")), Math.max(0, ms));
    return { signal: controller.signal, clear: () => clearTimeout(handle) };
  },
};
