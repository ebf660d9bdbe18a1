import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { countBySeverity } from "../lib/diagnostics.ts";
import { siteConfigFor } from "../lib/model/config.ts";
import { formatPretty } from "../lib/report/pretty.ts";
import { BuildInterrupted, type BuildResult, buildSite, type Shard } from "../lib/site/build.ts";
import { findReportPdfs } from "../lib/site/report-pdfs.ts";
import { exitCodeOf, incompleteCheck } from "../lib/validate/index.ts";

const HELP = `Usage: npm run build -- [options]

Validates the data and builds the public site into dist/: pages in the six UN
languages, search index, open data (api/v1/: JSON, CSV, Atom feeds), sitemap
and the annual reports. Refuses to build when the data has errors.

dist/ is always a whole site: the new one, or the last one if the build failed
or was stopped. Files whose content did not change are kept as they were (same
bytes, same modification time); a manifest in .cache/build/ says which, and
the validator's results for unchanged files are kept there too. The
first build (and --full) writes a new folder beside dist/ and swaps it in; later
builds write only the changed files beside dist/ and then move them in, with a
journal that puts the last site back if the build fails or is killed.

  --out <dir>     where to write the site (default: dist)
  --no-search     skip the Pagefind search index (faster)
  --full          make every file again, whatever the last build left, and
                  check every data file again (no validation cache)
  --report-pdfs <dir>
                  publish the annual reports printed by npm run report -- --pdf
                  (report-YYYY.<lang>.pdf in <dir>) beside each report's page,
                  and link them from it
  --shard <i/n>   build only the entry pages of part i of n of the countries
                  and organisations (part 1 also writes every other file), for
                  a matrix of jobs whose outputs are copied together; no search
                  index (index the merged site)
  -h, --help      show this help

Environment: COP_ATLAS_REPOSITORY_URL (links to files and history; default from
package.json "repository" or GitHub Actions), COP_ATLAS_SITE_URL (the public
address, for feeds, sitemap and citations; default: the GitHub Pages address),
COP_ATLAS_BRANCH (default main), SOURCE_DATE_EPOCH (a reproducible build date;
without it an API file's "generated" time is when its content last changed).

Exit code: 0 built, 1 the data has errors, 2 the build could not run or was
stopped (an unreadable file, a full disk, Ctrl+C); the output is then unchanged.`;

/** Reads "2/4" as part 2 of 4. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard takes i/n with 1 <= i <= n, such as 2/4, not "${text}"`);
  return { index, count };
}

/** How to build: the search index, every file again, one part of a split build. */
export interface RunOptions {
  search: boolean;
  /** A folder of report PDFs to publish (npm run report -- --pdf). */
  reportPdfs?: string;
  full?: boolean;
  shard?: Shard;
}

/** Runs a build with a progress bar on a terminal; shared with `npm start`. Ctrl+C stops it and leaves the output as it was. */
export async function runBuild(outDir: string, options: RunOptions): Promise<BuildResult> {
  const root = process.cwd();
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on("SIGINT", stop).on("SIGTERM", stop);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: "{phase} [{bar}] {value}/{total}", stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
  let started = false;
  const result = await buildSite({
    root,
    outDir,
    search: options.search,
    ...(options.full ? { full: true } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.reportPdfs ? { reportPdfs: findReportPdfs(options.reportPdfs) } : {}),
    config: siteConfigFor(root, process.env),
    signal: controller.signal,
    onProgress: (phase, done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
  }).finally(() => {
    bar?.stop();
    process.off("SIGINT", stop).off("SIGTERM", stop);
  });
  if (!result.ok) {
    process.stderr.write(formatPretty(result.diagnostics, { files: 0, entries: 0 }, process.stderr.isTTY === true));
    // A file that could not be read is a problem of the machine, not of the data: exit code 2 (see main).
    const incomplete = incompleteCheck(result.diagnostics);
    process.stderr.write(
      incomplete
        ? `build: ${incomplete}, so the site was not built and the output was left as it was.\n`
        : "build: the data has errors, so the site was not built. Fix them (npm run validate) and build again.\n",
    );
  } else {
    const { warnings } = countBySeverity(result.diagnostics);
    const search =
      !options.search || options.shard
        ? ""
        : result.searchLanguages.length > 0
          ? ` (search: ${result.searchPages} pages indexed in ${result.searchLanguages.join(", ")})`
          : " (search index unchanged)";
    const part = options.shard ? ` (part ${options.shard.index} of ${options.shard.count})` : "";
    process.stdout.write(
      `Built ${result.pages} pages and ${result.files} files for ${result.entries} entries in ${(result.milliseconds / 1000).toFixed(1)} s into ${outDir}/${part}: ` +
        `${result.written} written, ${result.reused} unchanged${search}${warnings > 0 ? `; ${warnings} warnings (npm run validate)` : ""}.\n`,
    );
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: "string", default: "dist" },
      "no-search": { type: "boolean" },
      full: { type: "boolean" },
      shard: { type: "string" },
      "report-pdfs": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const result = await runBuild(values.out ?? "dist", {
    search: !values["no-search"],
    ...(values.full ? { full: true } : {}),
    ...(shard ? { shard } : {}),
    ...(values["report-pdfs"] ? { reportPdfs: values["report-pdfs"] } : {}),
  });
  return result.ok ? 0 : exitCodeOf(result.diagnostics) === 2 ? 2 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const stopped = error instanceof BuildInterrupted;
      process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}${stopped ? "" : "; the output was left as it was"}\n`);
      process.exitCode = 2;
    },
  );
}
