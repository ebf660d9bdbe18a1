import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { listFiles } from "../lib/load/files.ts";
import { loadSchemas } from "../lib/schema/ajv.ts";
import { writeSyntheticRepository } from "../lib/synthetic.ts";
import { validateRepository } from "../lib/validate/index.ts";
import { loadVocabularies } from "../lib/vocab.ts";

const HELP = `Usage: npm run bench [-- --countries N --entries N]

Measures the validator on the shipped data and on a generated repository
(default 193 countries x 50 entries), and prints the figures with same-run
ratios against their baselines:
  - whole-repository validation against plain reading and JSON.parse of the same files;
  - a one-entry change (what a pull request costs) against the whole repository;
  - the command-line start-up on the shipped data against a bare node start.

  --countries N   countries in the generated repository (default 193)
  --entries N     entries per country (default 50)
  -h, --help      show this help`;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function main(): void {
  const { values } = parseArgs({ options: { countries: { type: "string" }, entries: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const countries = Number(values.countries ?? 193);
  const perCountry = Number(values.entries ?? 50);
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
    const generated = time(() => writeSyntheticRepository(project, root, { countries, entriesPerCountry: perCountry }));
    out(`generated ${generated.value.entries} entries (${generated.value.files} files) in ${generated.ms.toFixed(0)} ms`);
    const schemas = loadSchemas(root);
    const vocabularies = loadVocabularies(root);
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
    const full = time(() => validateRepository({ root, schemas, vocabularies }));
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
    const one = median([0, 1, 2, 3, 4].map(() => time(() => validateRepository({ root, schemas, vocabularies, targets: [entryDir] })).ms));
    out(
      `one-entry change (a pull request): ${one.toFixed(1)} ms; ratio to the whole repository ${(one / full.ms).toFixed(4)} (it should not grow with the repository)`,
    );
    if (errors > 0) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
