import { Worker } from "node:worker_threads";
import type { HostileCase } from "./case.ts";
import type { CaseReport } from "./worker.ts";

/** Every case runs in a worker whose V8 heap is capped here: a case that needs more fails. */
export const HEAP_LIMIT_MB = 256;
/** The stack of Node's main thread (V8's default, 984 KB), where the commands run: a worker's default is 4 MB, which would hide overflows. */
export const STACK_MB = 0.96;
/** Only a hang reaches this: a case normally takes well under two seconds. */
export const HANG_LIMIT_MS = 120_000;

/** A case's report, or why the worker did not give one (a hang, memory, a crash of the worker). */
export type CaseOutcome = { hostile: HostileCase; report: CaseReport } | { hostile: HostileCase; error: string };

/**
 * HOSTILE_MEASURE=1 gives each large (generated) case a fresh worker of its own, so that the heap
 * it reports is its own (the by-hand check of the 256 MB target). By default the cases share one
 * worker: starting one loads the whole tool again, which costs seconds of CPU, and the heap cap
 * still holds for the worker as a whole.
 */
const FRESH_WORKER_FOR_LARGE = process.env.HOSTILE_MEASURE === "1";

/** Runs cases one at a time in a worker thread with a capped heap (see FRESH_WORKER_FOR_LARGE). */
export class CaseRunner {
  #worker: Worker | undefined;

  async run(hostile: HostileCase): Promise<CaseOutcome> {
    const fresh = FRESH_WORKER_FOR_LARGE && hostile.large === true;
    if (fresh) this.close();
    const worker = this.#ensure();
    const outcome = await new Promise<CaseOutcome>((resolve) => {
      const done = (value: CaseOutcome) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        resolve(value);
      };
      const onMessage = (message: { report?: CaseReport; error?: string }) =>
        done(message.report ? { hostile, report: message.report } : { hostile, error: message.error ?? "no report" });
      const onError = (error: Error) => {
        this.#worker = undefined;
        done({ hostile, error: (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? `needed more than ${HEAP_LIMIT_MB} MB` : error.message });
      };
      const onExit = (code: number) => {
        this.#worker = undefined;
        done({ hostile, error: `the worker exited (${code})` });
      };
      const timer = setTimeout(() => {
        this.#worker = undefined;
        void worker.terminate();
        done({ hostile, error: `no answer after ${HANG_LIMIT_MS / 1000} s: a hang` });
      }, HANG_LIMIT_MS);
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.once("exit", onExit);
      worker.postMessage(hostile);
    });
    if (fresh) this.close();
    return outcome;
  }

  close(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #ensure(): Worker {
    this.#worker ??= new Worker(new URL("./worker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB, stackSizeMb: STACK_MB } });
    this.#worker.unref();
    return this.#worker;
  }
}
