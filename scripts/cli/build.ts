import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { countBySeverity } from "../lib/diagnostics.ts";
import { siteConfigFor } from "../lib/model/config.ts";
import { formatPretty } from "../lib/report/pretty.ts";
import { type BuildResult, buildSite } from "../lib/site/build.ts";

const HELP = `Usage: npm run build -- [options]

Validates the data and builds the public site into dist/: pages in the six UN
languages, search index, open data (api/v1/: JSON, CSV, Atom feeds), sitemap
and the annual reports. Refuses to build when the data has errors.

  --out <dir>     where to write the site (default: dist)
  --no-search     skip the Pagefind search index (faster)
  -h, --help      show this help

Environment: COP_ATLAS_REPOSITORY_URL (links to files and history; default from
package.json "repository" or GitHub Actions), COP_ATLAS_SITE_URL (the public
address, for feeds, sitemap and citations; default: the GitHub Pages address),
COP_ATLAS_BRANCH (default main), SOURCE_DATE_EPOCH (a reproducible build date).

Exit code: 0 built, 1 the data has errors, 2 the build could not run.`;

/** Runs a build with a progress bar on a terminal; shared with `npm start`. */
export async function runBuild(outDir: string, search: boolean): Promise<BuildResult> {
  const root = process.cwd();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: "{phase} [{bar}] {value}/{total}", stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
  let started = false;
  const result = await buildSite({
    root,
    outDir,
    search,
    config: siteConfigFor(root, process.env),
    onProgress: (phase, done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
  });
  bar?.stop();
  if (!result.ok) {
    process.stderr.write(formatPretty(result.diagnostics, { files: 0, entries: 0 }, process.stderr.isTTY === true));
    process.stderr.write("build: the data has errors, so the site was not built. Fix them (npm run validate) and build again.\n");
  } else {
    const { warnings } = countBySeverity(result.diagnostics);
    process.stdout.write(
      `Built ${result.pages} pages and ${result.files} files for ${result.entries} entries in ${(result.milliseconds / 1000).toFixed(1)} s into ${outDir}/` +
        `${search ? ` (search: ${result.searchPages} pages indexed)` : ""}${warnings > 0 ? `; ${warnings} warnings (npm run validate)` : ""}.\n`,
    );
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string", default: "dist" }, "no-search": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const result = await runBuild(values.out ?? "dist", !values["no-search"]);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
