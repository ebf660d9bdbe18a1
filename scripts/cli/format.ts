import { parseArgs } from "node:util";
import { formatExitCode, renderFormatReport } from "../lib/format/report.ts";
import { formatRepository } from "../lib/format/repository.ts";
import { printable } from "../lib/printable.ts";
import { resolveTargets, withDefaultBase } from "./targets.ts";

const HELP = `Usage: npm run format -- [paths...] [options]

Rewrites activity.json, country.json, organization.json and the frontmatter of
every <lang>.md in countries/ and organizations/ the same way every time: keys
in the order of the schema (unknown keys kept, after the known ones), two-space
indentation, a final newline, LF line endings, Unicode NFC. No value is changed
or dropped, arrays keep their order and the Markdown body is kept as written.
A file that does not parse is left alone: fix what npm run validate reports.

  paths               files or folders to format (default: the whole repository)
  --check             write nothing; list the files that are not formatted
  --changed [base]    format what changed against base (default: origin/main),
                      committed or not; a range (origin/main...HEAD) looks at
                      the commits only
  -h, --help          show this help

Exit code: 0 all formatted, 1 a file is not formatted (with --check) or cannot
be formatted, 2 the tool could not run.`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: withDefaultBase(argv),
    allowPositionals: true,
    options: {
      check: { type: "boolean" },
      changed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = process.cwd();
  const check = values.check === true;
  const targets = resolveTargets(root, values.changed, positionals);
  const files = formatRepository({ root, write: !check, ...(targets ? { targets } : {}) });
  process.stdout.write(renderFormatReport(files, check));
  return formatExitCode(files, check);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`format: ${printable(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 2;
}
