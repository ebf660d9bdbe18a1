import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findChromium, INSTALL_CHROMIUM, launchChromium } from "../lib/browser/chromium.ts";
import { siteConfigFor } from "../lib/model/config.ts";
import { loadSiteData } from "../lib/model/load.ts";
import { readHistory } from "../lib/model/provenance.ts";
import { formatPretty } from "../lib/report/pretty.ts";
import { reportYears } from "../lib/report-annual/compute.ts";
import { renderAnnualReport } from "../lib/report-annual/document.ts";
import { printReportPdf } from "../lib/report-annual/pdf.ts";
import { UN_LANGUAGES, type UnLanguage } from "../lib/vocab.ts";

const HELP = `Usage: npm run report -- --year YYYY [--lang xx] [--out dir] [--pdf]

Writes the annual report for the ITU Council: the entries added and updated in
that year by ITU-D region, type and topic, the countries and organisations with
entries added or updated, how many entries are confirmed, youth participation
and translations, with charts. The dates come from the git history of the main
branch (clone with full history).

  --year <YYYY>   the year (required), or "all": every year the data changed in
  --lang <xx>     ar, zh, en, fr, ru, es, or "all" (default: en)
  --out <dir>     where to write report-YYYY.<lang>.md and .html (default: reports)
  --pdf           also print report-YYYY.<lang>.pdf (A4, page numbers) with
                  Chromium: /usr/bin/chromium, or the one CHROMIUM_PATH names.
                  Arabic and Chinese need the fonts of Debian's fonts-noto-core
                  and fonts-noto-cjk (apt-get install -y chromium fonts-noto-core
                  fonts-noto-cjk)
  -h, --help      show this help

Exit code: 0 written, 1 the data has errors, 2 the tool could not run, 3 the
Markdown and HTML were written but no PDF, as there is no Chromium.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      year: { type: "string" },
      lang: { type: "string", default: "en" },
      out: { type: "string", default: "reports" },
      pdf: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.year || !/^(\d{4}|all)$/.test(values.year)) throw new Error("--year YYYY is required, for example --year 2025 (or --year all)");
  const langs: UnLanguage[] = values.lang === "all" ? [...UN_LANGUAGES] : [values.lang as UnLanguage];
  for (const lang of langs)
    if (!(UN_LANGUAGES as readonly string[]).includes(lang)) throw new Error(`--lang must be one of ${UN_LANGUAGES.join(", ")} or all, not "${lang}"`);
  const root = process.cwd();
  const history = readHistory(root);
  if (!history.available) process.stderr.write("report: no git history here, so every count is zero. Run it in a clone with full history.\n");
  else if (history.shallow) process.stderr.write("report: this is a shallow clone; counts may be incomplete (git fetch --unshallow).\n");
  const loaded = loadSiteData(root, history);
  const data = loaded.data;
  if (!data) {
    process.stderr.write(formatPretty(loaded.diagnostics, { files: 0, entries: 0 }, process.stderr.isTTY === true));
    return 1;
  }
  const out = values.out ?? "reports";
  mkdirSync(out, { recursive: true });
  const config = siteConfigFor(root, process.env);
  const years = values.year === "all" ? reportYears(data) : [Number(values.year)];
  const documents = years.flatMap((year) => langs.map((lang) => ({ year, ...renderAnnualReport(data, config, year, lang) })));
  for (const document of documents) {
    const base = join(out, `report-${document.year}.${document.lang}`);
    writeFileSync(`${base}.md`, document.markdown);
    writeFileSync(`${base}.html`, document.html);
    process.stdout.write(`Wrote ${base}.md and .html\n`);
  }
  if (!values.pdf) return 0;
  const chromium = findChromium(process.env);
  if (!chromium.available) {
    process.stderr.write(
      `report: no PDF was written, as there is no Chromium at ${chromium.path}. Install it with ${INSTALL_CHROMIUM} fonts-noto-core fonts-noto-cjk (or set CHROMIUM_PATH), or print the .html from a browser.\n`,
    );
    return 3;
  }
  // One browser prints every language.
  const browser = await launchChromium(chromium.path);
  try {
    for (const document of documents) {
      const file = join(out, `report-${document.year}.${document.lang}.pdf`);
      writeFileSync(file, await printReportPdf(browser, document));
      process.stdout.write(`Wrote ${file}\n`);
    }
  } finally {
    await browser.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
