import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { filesWithSizes, renderSiteSize, sizeBySiteFileType } from "../lib/bench/site-bytes.ts";

const HELP = `Usage: npx tsx scripts/cli/site-bytes.ts [--entries N] [site folder]

Prints where the bytes of a built site go, per type of file (entry pages,
owner pages, facet lists, API files, search index ...), largest first, per
entry and per file: the figures behind "output per entry" in npm run bench.

  --entries N  divide by N entries (default: the site's files under
               api/v1/activities/, one per entry)
  -h, --help   show this help

The site folder defaults to dist. Exit code: 0 printed, 2 no such folder.`;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { entries: { type: "string" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  process.stdout.write(`${HELP}\n`);
} else {
  const root = positionals[0] ?? "dist";
  if (!existsSync(root)) {
    process.stderr.write(`site-bytes: no folder ${root}; build the site first (npm run build)\n`);
    process.exitCode = 2;
  } else {
    const size = sizeBySiteFileType(filesWithSizes(root));
    const entries = Number(values.entries ?? size.byType["API: entries"]?.files ?? 1);
    process.stdout.write(`${renderSiteSize(size, entries > 0 ? entries : 1)}\n`);
  }
}
