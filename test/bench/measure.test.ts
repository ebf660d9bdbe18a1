import { expect, test } from "vitest";
import { measureProcess } from "../../scripts/lib/bench/measure.ts";

// The figures themselves depend on the machine; these tests only check what is counted.
test("a process tree is measured whole: children seen, memory summed, exit code kept", async () => {
  const script = `
    const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, ["-e", "const b = Buffer.alloc(64e6, 1); setTimeout(() => b.length, 1500)"], { stdio: "inherit" });
    child.on("close", () => process.exit(3));
  `;
  const measured = await measureProcess(process.execPath, ["-e", script], { cwd: process.cwd() });
  expect(measured.exitCode).toBe(3);
  expect(measured.processes).toBeGreaterThanOrEqual(2);
  expect(measured.peakRssBytes).toBeGreaterThan(64e6);
  expect(measured.cpuMs).toBeGreaterThan(0);
  expect(measured.leftRunning).toBe(0);
});

test("a child the command did not wait for is reported as left running", async () => {
  const script = `
    const { spawn } = require("node:child_process");
    const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    child.unref();
    process.stdout.write(String(child.pid));
    setTimeout(() => {}, 1500);
  `;
  const measured = await measureProcess(process.execPath, ["-e", script], { cwd: process.cwd() });
  try {
    expect(measured.leftRunning).toBe(1);
    expect(measured.leftRunningNames).toEqual(["sleep"]);
  } finally {
    process.kill(Number(measured.stdout));
  }
});
