import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { UN_LANGUAGES } from "../vocab.ts";

/** How a report's PDF is found in the map findReportPdfs returns: "2025/en". */
export function reportPdfKey(year: number, lang: string): string {
  return `${year}/${lang}`;
}

/**
 * The annual reports printed to PDF in a folder (npm run report -- --pdf names them
 * report-YYYY.<lang>.pdf), by year and language, as absolute paths. Other files are left alone.
 */
export function findReportPdfs(dir: string): Map<string, string> {
  const pattern = new RegExp(`^report-(\\d{4})\\.(${UN_LANGUAGES.join("|")})\\.pdf$`);
  const found = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const match = pattern.exec(name);
    if (match) found.set(reportPdfKey(Number(match[1]), match[2]!), join(resolve(dir), name));
  }
  return found;
}
