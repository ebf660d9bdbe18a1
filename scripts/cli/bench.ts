import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { writeGeneratedRepository } from "../lib/bench/generate.ts";
import { listFiles } from "../lib/load/files.ts";
import { resolveSiteConfig } from "../lib/model/config.ts";
import { loadCatalog } from "../lib/schema/catalog.ts";
import { buildSiteForBenchmark } from "../lib/site/build.ts";
import { validateRepository } from "../lib/validate/index.ts";

const HELP = `Usage: npm run bench [-- --countries N --entries N --site-countries N --site-entries N]

Measures the validator on the shipped data and on a generated repository
(default 193 countries x 50 entries), then the site build on another generated
repository (default 193 countries x 10 entries), and prints the figures with
same-run ratios against their baselines:
  - whole-repository validation against plain reading and JSON.parse of the same files;
  - a one-entry change (what a pull request costs) against the whole repository;
  - the command-line start-up on the shipped data against a bare node start;
  - the site build (pages, files, bytes, bytes per entry, the largest HTML page)
    against writing the same files, of the same sizes, with fs alone.

  --countries N        countries in the generated repository (default 193)
  --entries N          entries per country (default 50)
  --site-countries N   countries in the repository the site is built from (default 193)
  --site-entries N     entries per country for the site build (default 10; 0 skips it)
  -h, --help           show this help`;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      countries: { type: "string" },
      entries: { type: "string" },
      "site-countries": { type: "string" },
      "site-entries": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const countries = Number(values.countries ?? 193);
  const perCountry = Number(values.entries ?? 50);
  const siteCountries = Number(values["site-countries"] ?? 193);
  const sitePerCountry = Number(values["site-entries"] ?? 10);
  const project = process.cwd();
  const lines: string[] = [];
  const out = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };

  // 1. Command-line start-up on the shipped data, against a bare node start (3 runs each, median).
  const cli = median(
    [0, 1, 2].map(() => time(() => execFileSync(process.execPath, ["--import", "tsx", "scripts/cli/validate.ts", "--format", "json"], { cwd: project })).ms),
  );
  const bare = median([0, 1, 2].map(() => time(() => execFileSync(process.execPath, ["-e", "0"])).ms));
  out(
    `shipped data, npm run validate (whole repository): ${cli.toFixed(0)} ms; bare node start ${bare.toFixed(0)} ms; ratio ${(cli / bare).toFixed(1)}x (target: under 2000 ms)`,
  );

  // 2. A generated repository of the size the project plans for.
  const root = mkdtempSync(join(tmpdir(), "cop-atlas-bench-"));
  try {
    const generated = time(() => writeGeneratedRepository(project, root, loadCatalog(project), { entries: countries * perCountry }));
    out(`generated ${generated.value.entries} entries (${generated.value.files} files) in ${generated.ms.toFixed(0)} ms`);
    const catalog = loadCatalog(root);
    const files = [...listFiles(root, "countries")];
    const raw = time(() => {
      let bytes = 0;
      for (const file of files) {
        const text = readFileSync(join(root, file), "utf8");
        bytes += text.length;
        if (file.endsWith(".json")) JSON.parse(text);
      }
      return bytes;
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const full = time(() => validateRepository({ root, catalog }));
    const heapAfter = process.memoryUsage().heapUsed;
    const errors = full.value.diagnostics.filter((d) => d.severity === "error").length;
    out(
      `whole repository: ${full.ms.toFixed(0)} ms for ${full.value.files} files (${(full.ms / full.value.entries).toFixed(2)} ms per entry), ${errors} errors`,
    );
    out(`  baseline, read + JSON.parse of the same files: ${raw.ms.toFixed(0)} ms; ratio ${(full.ms / raw.ms).toFixed(1)}x`);
    out(
      `  heap growth during validation: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(0)} MiB; peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
    );
    const entryDir = files.find((file) => file.endsWith("activity.json"))?.replace(/\/activity\.json$/, "") ?? "";
    const one = median([0, 1, 2, 3, 4].map(() => time(() => validateRepository({ root, catalog, targets: [entryDir] })).ms));
    out(
      `one-entry change (a pull request): ${one.toFixed(1)} ms; ratio to the whole repository ${(one / full.ms).toFixed(4)} (it should not grow with the repository)`,
    );
    if (errors > 0) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (siteCountries > 0 && sitePerCountry > 0) await benchSite(project, siteCountries, sitePerCountry, out);
}

/** Every file under a folder with its size, by path relative to it. */
function filesOf(dir: string): Array<{ path: string; bytes: number }> {
  const found: Array<{ path: string; bytes: number }> = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else found.push({ path: relative(dir, path).split("\\").join("/"), bytes: stat.size });
    }
  };
  walk(dir);
  return found;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** 3. The site build on a generated repository, against writing the same files with fs alone. */
async function benchSite(project: string, countries: number, perCountry: number, out: (line: string) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "cop-atlas-bench-site-"));
  try {
    const data = join(root, "data");
    const site = join(root, "site");
    const generated = writeGeneratedRepository(project, data, loadCatalog(project), { entries: countries * perCountry });
    const config = resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z"));
    const started = performance.now();
    const built = await buildSiteForBenchmark(data, site, config);
    const ms = performance.now() - started;
    if (!built.ok) {
      out(`site build: the generated data has ${built.diagnostics.filter((d) => d.severity === "error").length} errors`);
      process.exitCode = 1;
      return;
    }
    const files = filesOf(site);
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    const pages = files.filter((file) => file.path.endsWith(".html"));
    const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const size = (path: string) => files.find((file) => file.path === path)?.bytes ?? 0;
    out(
      `site build (${generated.entries} generated entries, no search index): ${ms.toFixed(0)} ms (${(ms / built.entries).toFixed(2)} ms per entry); ${built.pages} pages, ${files.length} files, ${mib(bytes)} (${kib(bytes / built.entries)} per entry)`,
    );
    out(`  largest HTML page: ${largest.path} ${kib(largest.bytes)}; first browse page (en/browse/index.html) ${kib(size("en/browse/index.html"))}`);
    out(
      `  filter index: browse-index/entries.json ${kib(size("browse-index/entries.json"))}, en/labels.json ${kib(size("browse-index/en/labels.json"))}, one text shard ${kib(size("browse-index/en/text-0.json"))}`,
    );
    // Baseline: the same paths and sizes written with fs alone, so the ratio is the cost of making the content.
    const copy = join(root, "baseline");
    const baseline = time(() => {
      for (const file of files) {
        const target = join(copy, file.path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, Buffer.alloc(file.bytes, 0x61));
      }
    });
    out(
      `  baseline, writing the same ${files.length} files (${mib(bytes)}) with fs alone: ${baseline.ms.toFixed(0)} ms; ratio ${(ms / baseline.ms).toFixed(1)}x`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
