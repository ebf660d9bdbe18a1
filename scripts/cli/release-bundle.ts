import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { siteConfigFor } from "../lib/model/config.ts";
import { loadSiteData } from "../lib/model/load.ts";
import { readHistory } from "../lib/model/provenance.ts";
import { changelogFromDiff, readChangesSincePreviousTag, releaseFiles, TAG_PATTERN } from "../lib/open-data/bundle.ts";
import { formatPretty } from "../lib/report/pretty.ts";

const HELP = `Usage: npm run release-bundle -- <tag> [--out dir]

Writes the open-data release of a version tag into release/: the data bundle
(cop-atlas-data-<tag>.tar.gz: JSON, CSV, vocabularies and schemas, with the
data licence, a README listing its files and CITATION.cff naming the release), the
activities as JSON and CSV on their own, SHA256SUMS, and NOTES.md with the
entries added, changed and removed since the previous v* tag.

  <tag>          the version tag, like v2026.1
  --out <dir>    where to write (default: release; emptied first)
  -h, --help     show this help

Exit code: 0 written, 1 the data has errors, 2 the tool could not run.`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: "string", default: "release" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const tag = positionals[0];
  if (!tag || !TAG_PATTERN.test(tag)) throw new Error(`give a version tag like v2026.1 (got ${JSON.stringify(tag ?? "")})`);
  const root = process.cwd();
  const history = readHistory(root);
  const loaded = loadSiteData(root, history);
  if (!loaded.data) {
    process.stderr.write(formatPretty(loaded.diagnostics, { files: 0, entries: 0 }, process.stderr.isTTY === true));
    return 1;
  }
  const since = readChangesSincePreviousTag(root, tag);
  const changes = since ? { previous: since.previous, changelog: changelogFromDiff(since.diff) } : undefined;
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date(history.changes[0]?.date ?? Date.now());
  const documents = { licence: readFileSync(join(root, "LICENSE-DATA.md"), "utf8"), citation: readFileSync(join(root, "CITATION.cff"), "utf8") };
  const files = releaseFiles(tag, loaded.data, siteConfigFor(root, process.env, now), changes, documents);
  const out = values.out ?? "release";
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  process.stdout.write(`Wrote ${files.size} files to ${out}/ for ${tag}${changes ? ` (changes since ${changes.previous})` : " (first release)"}.\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`release-bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
