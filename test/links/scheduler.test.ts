import { expect, test } from "vitest";
import { RequestScheduler } from "../../scripts/lib/links/scheduler.ts";
import { FakeClock } from "./support.ts";

/** Lets every pending promise and sleep of the fake clock run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** A task the test finishes by hand, recording when it started. */
function manualTasks() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      finishers.set(name, () => resolve(name));
    });
  return { started, task, finish: (name: string) => finishers.get(name)?.() };
}

test("at most `concurrency` tasks run at once, and a freed slot goes to the next in line", async () => {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler(clock, { concurrency: 2, gapMs: 0, deadline: clock.now() + 60_000 });
  const { started, task, finish } = manualTasks();
  const runs = ["a", "b", "c", "d"].map((host) => scheduler.run(host, 0, task(host)));
  await settle();
  expect(started).toEqual(["a", "b"]);
  finish("a");
  await settle();
  expect(started).toEqual(["a", "b", "c"]);
  finish("b");
  finish("c");
  await settle();
  expect(started).toEqual(["a", "b", "c", "d"]);
  finish("d");
  expect(await Promise.all(runs)).toEqual(["a", "b", "c", "d"]);
});

test("two tasks for one site never overlap, even with free slots, and the second waits the gap", async () => {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler(clock, { concurrency: 8, gapMs: 1000, deadline: clock.now() + 60_000 });
  const { started, task, finish } = manualTasks();
  const first = scheduler.run("site", 0, task("first"));
  const second = scheduler.run("site", 0, task("second"));
  await settle();
  expect(started).toEqual(["first"]);
  clock.advance(5000);
  await settle();
  expect(started).toEqual(["first"]);
  const finishedAt = clock.now();
  finish("first");
  await settle();
  expect(started).toEqual(["first", "second"]);
  expect(clock.now() - finishedAt).toBe(1000);
  finish("second");
  await Promise.all([first, second]);
});

test("a held site waits until the time it asked for; other sites do not", async () => {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler(clock, { concurrency: 8, gapMs: 0, deadline: clock.now() + 60_000 });
  scheduler.holdHost("busy", clock.now() + 30_000);
  const startedAt: Record<string, number> = {};
  const record = (name: string) => async () => {
    startedAt[name] = clock.elapsed();
  };
  await Promise.all([scheduler.run("busy", 0, record("busy")), scheduler.run("calm", 0, record("calm"))]);
  expect(startedAt).toEqual({ busy: 30_000, calm: 0 });
});

test("nothing starts at or after the deadline: run gives undefined without calling the task", async () => {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler(clock, { concurrency: 1, gapMs: 4000, deadline: clock.now() + 6000 });
  const calls: number[] = [];
  const results = await Promise.all([0, 1, 2].map(() => scheduler.run("site", 0, async (remaining) => calls.push(remaining))));
  expect(calls).toEqual([6000, 2000]);
  expect(results[2]).toBeUndefined();
});

test("a concurrency below one is refused", () => {
  expect(() => new RequestScheduler(new FakeClock(), { concurrency: 0, gapMs: 0, deadline: 0 })).toThrow(/at least 1/);
});
