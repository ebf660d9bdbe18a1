import { execFileSync } from "node:child_process";
import { appendFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeGeneratedRepository } from "../lib/bench/generate.ts";
import { measureProcess } from "../lib/bench/measure.ts";
import { evaluateTargets, MEASURES, type MeasureId, type MeasureSummary, renderTable, renderTargets, type SizeResult, summarise } from "../lib/bench/report.ts";
import { filesWithSizes, renderSiteSize, sizeBySiteFileType } from "../lib/bench/site-bytes.ts";
import { listFiles } from "../lib/load/files.ts";
import { loadCatalog } from "../lib/schema/catalog.ts";

const HELP = `Usage: npm run bench [-- --quick | --sizes N,N,... --runs N --json FILE]

Generates repositories in the project's layout (seeded, in a temporary folder)
and measures whole processes as a user runs them, each with its child processes
waited for and counted: CPU time of the process tree (/usr/bin/time), wall
time, peak resident memory of the tree (sampled from /proc). For each size:
  - npm run validate cold and warm, and --changed with one edited entry,
    not committed (--changed HEAD) and committed (--changed HEAD~1...HEAD,
    as a pull request's check runs);
  - the schema pass alone, and ajv-cli on the same activity.json files with
    the same schemas (baseline);
  - a plain unified + remark-gfm parse of every narrative (baseline);
  - npm run build, cold (search included) and after one edited entry, with
    pages, files and bytes per entry written, in total and per type of
    file (entry pages, facet lists, API ...: what npx tsx
    scripts/cli/site-bytes.ts prints for any built site);
  - Eleventy rendering the same narratives (baseline); Hugo when a hugo binary
    is on PATH.
Every size is validated before any is built, so a run stopped during the long
builds keeps every validation figure. Prints a table (medians), each target of issue #12 as met or not with its
ratios (on CPU time: a loaded machine stretches wall time far more), and
writes everything as JSON.

  --quick        one small repository (15 entries), one run of each: checks
                 that the benchmark works, not how fast anything is
  --sizes N,...  entries per generated repository (default 1000,4000,20000)
  --runs N       runs per measurement, medians reported (default 3 below
                 2,000 entries, 1 from there on, where one run takes minutes)
  --no-build     measure validation only (no build, rebuild or Eleventy)
  --no-validate  measure the build only (cold build, rebuild and Eleventy)
  --json FILE    where to write the results (default bench-results.json;
                 rewritten after each size, so a stopped run keeps its figures)
  -h, --help     show this help

Linux only (/proc). Exit code: 0 measured (targets met or not), 2 a command
failed or the benchmark could not run.`;

/** The size of the --quick run: enough for every kind of file the generator writes. */
const QUICK_SIZE = 15;

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const NODE = process.execPath;
const bin = (path: string) => join(PROJECT, path);

/** Runs one command `runs` times as a whole process, with `before` run ahead of each; throws when it fails. */
async function measure(
  label: MeasureId,
  runs: number,
  command: string,
  args: string[],
  cwd: string,
  before: (run: number) => void = () => {},
  log: (line: string) => void = () => {},
): Promise<MeasureSummary> {
  const results: MeasureSummary["runs"] = [];
  for (let run = 0; run < runs; run++) {
    before(run);
    const measured = await measureProcess(command, args, { cwd });
    if (measured.exitCode !== 0) {
      throw new Error(`${MEASURES[label]} exited with ${measured.exitCode}:\n${(measured.stderr || measured.stdout).trim().split("\n").slice(-15).join("\n")}`);
    }
    const { wallMs, cpuMs, peakRssBytes, processes, leftRunning, leftRunningNames } = measured;
    results.push({ wallMs, cpuMs, peakRssBytes, processes, leftRunning, leftRunningNames });
    log(`  ${label}: cpu ${(cpuMs / 1000).toFixed(2)} s, wall ${(wallMs / 1000).toFixed(2)} s, ${(peakRssBytes / 1e6).toFixed(0)} MB, ${processes} processes`);
  }
  return summarise(results);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Whether an executable of this name is on PATH. */
function onPath(name: string): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => {
    try {
      return dir !== "" && statSync(join(dir, name)).isFile();
    } catch {
      return false;
    }
  });
}

/** A generated repository ready for the project's commands: data, schemas, a package.json with the project's scripts, one git commit. */
function prepareRepository(folder: string, entries: number): { repo: string; generated: ReturnType<typeof writeGeneratedRepository> } {
  const repo = join(folder, "repo");
  const generated = writeGeneratedRepository(PROJECT, repo, loadCatalog(PROJECT), { entries });
  // npm run build in the generated root runs the project's build, with the project's dependencies.
  symlinkSync(join(PROJECT, "node_modules"), join(repo, "node_modules"), "dir");
  writeFileSync(
    join(repo, "package.json"),
    `${JSON.stringify(
      {
        name: "cop-atlas-bench",
        private: true,
        type: "module",
        repository: { type: "git", url: "https://github.com/example/cop-atlas.git" },
        scripts: { validate: `node ${bin("scripts/bin/launch.mjs")} validate`, build: `node ${bin("scripts/bin/launch.mjs")} build` },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(repo, ".gitignore"), "node_modules\n.cache/\n");
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "Generated repository");
  // The files were written in the same second as the index, so git would treat every one as
  // "racily clean" and read it again on each status or diff: a cost no real checkout has. A
  // second later, a refresh records them as clean, as a clone's checkout does.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
  git(repo, "update-index", "-q", "--refresh");
  return { repo, generated };
}

/** A generated repository being measured: its folder, what was generated and the narrative each edit touches. */
interface Prepared {
  folder: string;
  repo: string;
  narratives: string[];
  result: SizeResult;
}

function prepare(entries: number, log: (line: string) => void): Prepared {
  const folder = mkdtempSync(join(tmpdir(), "cop-atlas-bench-"));
  log(`${entries} entries: generating in ${folder}`);
  const { repo, generated } = prepareRepository(folder, entries);
  const narratives = [...listFiles(repo, "countries"), ...listFiles(repo, "organizations")].filter((path) => path.endsWith(".md"));
  if (narratives.length === 0) throw new Error("the generated repository has no narrative");
  return { folder, repo, narratives, result: { entries: generated.entries, files: generated.files, narratives: generated.narratives, measures: {} } };
}

/** What the measurements of one size need: how to take one, and how to edit one entry and undo it. */
function tools(prepared: Prepared, runs: number, log: (line: string) => void, onMeasured: (partial: SizeResult) => void) {
  const { repo, result } = prepared;
  const edited = prepared.narratives[0] as string;
  return {
    // Each edit is new text, so that every run sees a real change.
    edit: (run: number) => appendFileSync(join(repo, edited), `\nEdited for the benchmark, run ${run}.\n`),
    restore: () => git(repo, "checkout", "--", edited),
    take: async (id: MeasureId, command: string, args: string[], before?: (run: number) => void, cwd = repo) => {
      result.measures[id] = await measure(id, runs, command, args, cwd, before, log);
      onMeasured(result);
    },
  };
}

/** Validation and its baselines: minutes even at 20,000 entries, so every size gets them before any build. */
async function measureValidation(prepared: Prepared, runs: number, log: (line: string) => void, onMeasured: (partial: SizeResult) => void): Promise<void> {
  const { repo } = prepared;
  const { edit, restore, take } = tools(prepared, runs, log, onMeasured);
  log(`${prepared.result.entries} entries: validation`);
  const launch = bin("scripts/bin/launch.mjs");
  const cache = join(repo, ".cache");
  await take("validateCold", NODE, [launch, "validate", "--format", "json"], () => rmSync(cache, { recursive: true, force: true }));
  await take("validateWarm", NODE, [launch, "validate", "--format", "json"]);
  await take("changed", NODE, [launch, "validate", "--changed", "HEAD", "--format", "json"], edit);
  restore();
  // As a pull request's check runs: the edit committed, the checkout clean, the range compared.
  const base = git(repo, "rev-parse", "HEAD").trim();
  await take("changedRange", NODE, [launch, "validate", "--changed", "HEAD~1...HEAD", "--format", "json"], (run) => {
    edit(run);
    git(repo, "commit", "-q", "-a", "-m", `Benchmark edit, run ${run}`);
  });
  git(repo, "reset", "-q", "--hard", base);
  await take("schemaPass", NODE, [launch, "bench-schema-pass"]);
  const vocabularies = readdirSync(join(repo, "schemas/vocab"))
    .filter((name) => name.endsWith(".json") && name !== "terminology.json")
    .flatMap((name) => ["-r", `schemas/vocab/${name}`]);
  await take("ajv", NODE, [
    bin("node_modules/ajv-cli/dist/index.js"),
    "validate",
    "--spec=draft2020",
    // The schemas carry the project's own annotations (labels, sources), which strict mode refuses.
    "--strict=false",
    "-c",
    "ajv-formats",
    "-s",
    "schemas/activity.schema.json",
    "-r",
    "schemas/common.schema.json",
    ...vocabularies,
    "-d",
    "countries/*/activities/*/activity.json",
    "-d",
    "organizations/*/activities/*/activity.json",
  ]);
  await take("naiveMarkdown", NODE, [bin("scripts/bin/naive-markdown.mjs")]);
}

/** The site build, cold and after one edit, and Eleventy on the same narratives. */
async function measureBuild(prepared: Prepared, runs: number, log: (line: string) => void, onMeasured: (partial: SizeResult) => void): Promise<void> {
  const { folder, result } = prepared;
  const { edit, restore, take } = tools(prepared, runs, log, onMeasured);
  log(`${result.entries} entries: build`);
  const site = join(folder, "site");
  await take("buildCold", "npm", ["run", "build", "--", "--out", site], () => rmSync(site, { recursive: true, force: true }));
  const written = sizeBySiteFileType(filesWithSizes(site));
  result.site = written;
  log(renderSiteSize(written, result.entries));
  await take("rebuild", "npm", ["run", "build", "--", "--out", site], edit);
  restore();
  // What a run writes stays on disk only as long as it is measured.
  rmSync(site, { recursive: true, force: true });

  // Eleventy gets the same narratives (hard links, in their folders) and nothing else to read.
  const input = join(folder, "eleventy-in");
  for (const path of prepared.narratives) {
    mkdirSync(dirname(join(input, path)), { recursive: true });
    linkSync(join(prepared.repo, path), join(input, path));
  }
  const output = join(folder, "eleventy-out");
  await take(
    "eleventy",
    NODE,
    [bin("node_modules/@11ty/eleventy/cmd.cjs"), `--input=${relative(folder, input)}`, `--output=${relative(folder, output)}`, "--quiet"],
    () => rmSync(output, { recursive: true, force: true }),
    folder,
  );
  result.eleventyPages = sizeBySiteFileType(filesWithSizes(output)).pages;
  // Written now: a run stopped during the next size keeps the figure that makes B1 comparable.
  onMeasured(result);
  rmSync(output, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      sizes: { type: "string" },
      runs: { type: "string" },
      json: { type: "string", default: "bench-results.json" },
      "no-build": { type: "boolean" },
      "no-validate": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values["no-validate"] && values["no-build"]) throw new Error("--no-validate and --no-build together leave nothing to measure");
  const sizes = values.quick ? [QUICK_SIZE] : (values.sizes ?? "1000,4000,20000").split(",").map((text) => Number(text.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes "${values.sizes}" is not a list of whole numbers, such as 1000,4000`);
  const runsGiven = values.runs === undefined ? undefined : Number(values.runs);
  if (runsGiven !== undefined && (!Number.isInteger(runsGiven) || runsGiven < 1)) throw new Error(`--runs "${values.runs}" is not a whole number of 1 or more`);
  const runsFor = (size: number) => runsGiven ?? (values.quick || size >= 2_000 ? 1 : 3);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const started = new Date();
  const loadBefore = loadavg();
  // Bundles are built (and schema validators compiled) before anything is timed: a user's second run starts from there.
  execFileSync(NODE, [bin("scripts/bin/launch.mjs"), "--build"], { cwd: PROJECT, stdio: "ignore" });
  const hugo = onPath("hugo")
    ? "a hugo binary is on PATH, but this benchmark does not drive Hugo yet: not measured"
    : "no hugo binary on PATH: Hugo not measured";
  const results: SizeResult[] = [];
  const save = (complete: boolean) => {
    const report = {
      started: started.toISOString(),
      finished: complete ? new Date().toISOString() : undefined,
      machine: { node: process.version, cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg() },
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      sizes: results,
      hugo,
      targets: evaluateTargets(results),
    };
    writeFileSync(values.json ?? "bench-results.json", `${JSON.stringify(report, null, 2)}\n`);
  };
  const prepared: Prepared[] = [];
  try {
    for (const size of sizes) {
      const one = prepare(size, log);
      prepared.push(one);
      results.push(one.result);
    }
    // All sizes are validated first, then built: a run stopped on the long builds keeps every validation figure.
    if (values["no-validate"] !== true) for (const one of prepared) await measureValidation(one, runsFor(one.result.entries), log, () => save(false));
    if (values["no-build"] !== true) for (const one of prepared) await measureBuild(one, runsFor(one.result.entries), log, () => save(false));
  } finally {
    for (const one of prepared) rmSync(one.folder, { recursive: true, force: true });
  }
  save(true);
  const targets = evaluateTargets(results);

  const table = renderTable(results);
  process.stdout.write(
    `\n${table}\n\n${hugo}\n\nTargets (issue #12), on CPU time, medians of ${sizes.map((size) => `${runsFor(size)} at ${size}`).join(", ")}:\n${renderTargets(targets)}\n`,
  );
  process.stdout.write(`\nWrote ${values.json}.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
