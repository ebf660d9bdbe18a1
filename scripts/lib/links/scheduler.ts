import type { Clock } from "./clock.ts";

/** How politely requests are spread out. */
export interface SchedulerSettings {
  /** Requests in flight at once, over all sites. */
  concurrency: number;
  /** Pause between the end of one request to a site and the start of the next. */
  gapMs: number;
  /** No request starts at or after this time (the end of the time budget). */
  deadline: number;
}

interface HostState {
  /** Settles when the last request queued for this host is done. */
  tail: Promise<void>;
  /** No request to this host before this time: the gap, or what a Retry-After asked for. */
  notBefore: number;
}

/**
 * Decides when each request may start: one at a time per site (host and port), with a gap
 * between two requests to the same site; at most `concurrency` requests in flight overall; none
 * after the deadline. Requests for one site queue in the order they are asked for.
 */
export class RequestScheduler {
  readonly #clock: Clock;
  readonly #settings: SchedulerSettings;
  readonly #hosts = new Map<string, HostState>();
  readonly #waiting: (() => void)[] = [];
  #inFlight = 0;

  constructor(clock: Clock, settings: SchedulerSettings) {
    if (!(settings.concurrency >= 1)) throw new Error("concurrency must be at least 1");
    this.#clock = clock;
    this.#settings = settings;
  }

  /** The end of the time budget. */
  get deadline(): number {
    return this.#settings.deadline;
  }

  /**
   * Runs `task` as one request to `host`, not before `notBefore`, and gives it the time left
   * in the budget. Returns undefined, without running it, when it could not start before the
   * deadline.
   */
  async run<T>(host: string, notBefore: number, task: (remainingMs: number) => Promise<T>): Promise<T | undefined> {
    const state = this.#host(host);
    const previous = state.tail;
    let release = () => {};
    state.tail = new Promise((resolve) => {
      release = resolve;
    });
    try {
      await previous;
      const start = Math.max(state.notBefore, notBefore, this.#clock.now());
      if (start >= this.deadline) return undefined;
      if (start > this.#clock.now()) await this.#clock.sleep(start - this.#clock.now());
      await this.#acquireSlot();
      try {
        const remaining = this.deadline - this.#clock.now();
        if (remaining <= 0) return undefined;
        return await task(remaining);
      } finally {
        this.#releaseSlot();
        state.notBefore = Math.max(state.notBefore, this.#clock.now() + this.#settings.gapMs);
      }
    } finally {
      release();
    }
  }

  /** Holds every later request to `host` until `until`: the site asked to wait (Retry-After). */
  holdHost(host: string, until: number): void {
    const state = this.#host(host);
    state.notBefore = Math.max(state.notBefore, until);
  }

  #host(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), notBefore: 0 };
      this.#hosts.set(host, state);
    }
    return state;
  }

  async #acquireSlot(): Promise<void> {
    if (this.#inFlight < this.#settings.concurrency) {
      this.#inFlight++;
      return;
    }
    // The slot is handed over directly by #releaseSlot, so the count never goes over the limit.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #releaseSlot(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#inFlight--;
  }
}
