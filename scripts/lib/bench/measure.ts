import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/** What one whole process (and every process it started) cost. */
export interface ProcessMeasure {
  /** Wall-clock time from spawn to exit. */
  wallMs: number;
  /**
   * User + system CPU time of the process and of every descendant it waited for (from
   * /usr/bin/time when present, which counts exactly those; otherwise from /proc samples).
   */
  cpuMs: number;
  /** Highest sum of the resident memory of the whole process tree, sampled from /proc. */
  peakRssBytes: number;
  /** How many processes of the tree were seen (the command itself included; very short-lived ones can be missed). */
  processes: number;
  /** Processes of the tree still running after the command exited: work it did not wait for, missing from cpuMs. */
  leftRunning: number;
  /** The names of those processes (as /proc gives them, at most 15 characters). */
  leftRunningNames: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** How often /proc is sampled (default 50 ms). */
  intervalMs?: number;
}

const TIME = "/usr/bin/time";
const PAGE_SIZE = pageSize();

function pageSize(): number {
  try {
    return Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096;
  } catch {
    return 4096;
  }
}

interface ProcEntry {
  name: string;
  ppid: number;
  rssBytes: number;
  cpuTicks: number;
  start: string;
}

/** Every process of the machine from /proc: parent, resident memory, CPU ticks so far and start time. */
function processTable(): Map<number, ProcEntry> {
  const table = new Map<number, ProcEntry>();
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return table;
  }
  for (const name of names) {
    if (name.charCodeAt(0) > 57) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces: the fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(name), {
        name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        ppid: Number(fields[1]),
        cpuTicks: Number(fields[11]) + Number(fields[12]),
        start: fields[19] ?? "",
        rssBytes: Number(fields[21]) * PAGE_SIZE,
      });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return table;
}

function descendants(table: Map<number, ProcEntry>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, entry] of table) {
    const list = children.get(entry.ppid);
    if (list) list.push(pid);
    else children.set(entry.ppid, [pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

const TICKS_PER_SECOND = 100;

/**
 * Runs a command as a user would (a separate process, its children waited for) and measures
 * it as a whole: wall time, CPU time of the tree, peak resident memory of the tree, and the
 * processes it left running. Linux only (/proc); never throws for a failing command.
 */
export function measureProcess(command: string, args: readonly string[], options: MeasureOptions): Promise<ProcessMeasure> {
  const timed = existsSync(TIME);
  const scratch = mkdtempSync(join(tmpdir(), "cop-atlas-measure-"));
  const timeFile = join(scratch, "time.txt");
  const [file, argv] = timed ? [TIME, ["-o", timeFile, "-f", "%e %U %S", command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const seen = new Map<number, { start: string; cpuTicks: number; name: string }>();
    let peak = 0;
    const sample = () => {
      const root = child.pid;
      if (root === undefined) return;
      const table = processTable();
      // Under /usr/bin/time the command is its child; time itself is not the command's cost.
      const tree = timed ? descendants(table, root) : [root, ...descendants(table, root)];
      let rss = 0;
      for (const pid of tree) {
        const entry = table.get(pid);
        if (!entry) continue;
        rss += entry.rssBytes;
        seen.set(pid, { start: entry.start, name: entry.name, cpuTicks: Math.max(entry.cpuTicks, seen.get(pid)?.cpuTicks ?? 0) });
      }
      peak = Math.max(peak, rss);
    };
    const timer = setInterval(sample, options.intervalMs ?? 50);
    sample();
    child.on("error", (error) => {
      clearInterval(timer);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const table = processTable();
      const left = [...seen].filter(([pid, { start }]) => table.get(pid)?.start === start).map(([, { name }]) => name);
      let cpuMs = ([...seen.values()].reduce((sum, entry) => sum + entry.cpuTicks, 0) * 1000) / TICKS_PER_SECOND;
      if (timed) {
        const [, user, system] = (existsSync(timeFile) ? readFileSync(timeFile, "utf8") : "").trim().split("\n").at(-1)?.split(" ") ?? [];
        if (user !== undefined && system !== undefined) cpuMs = (Number(user) + Number(system)) * 1000;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        wallMs,
        cpuMs,
        peakRssBytes: peak,
        processes: seen.size,
        leftRunning: left.length,
        leftRunningNames: left,
        exitCode: code ?? 1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}
