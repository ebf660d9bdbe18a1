import type { SiteConfig } from "../model/config.ts";
import type { SiteData, SiteEntry } from "../model/types.ts";
import { absoluteUrl, pagePath } from "../model/urls.ts";
import { pageContext } from "../present/context.ts";
import { escapeHtml } from "../present/html.ts";
import type { UnLanguage } from "../vocab.ts";
import { computeAnnualReport } from "./compute.ts";
import { renderReportHtml, renderReportMarkdown } from "./render.ts";

/** The page margins of the printed report: its @page rule and the PDF printer use the same. */
export const PDF_MARGINS = { top: "18mm", right: "16mm", bottom: "20mm", left: "16mm" } as const;

/**
 * The fonts of the report, named so that a printer finds ones that exist: Noto (Debian's
 * fonts-noto-core and fonts-noto-cjk, which the PDF is printed with) first, then what Windows
 * and macOS have. The report's own script comes first; the others follow, because an entry
 * without a translation shows its title in its original language (an Arabic title in the English
 * report). Chinese names the Simplified Chinese face, or Chromium may take the Japanese one.
 */
export function reportFonts(lang: UnLanguage): string {
  const latin = '"Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial';
  const arabic = '"Noto Naskh Arabic","Noto Sans Arabic",Tahoma';
  const chinese = '"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC"';
  const order = lang === "ar" ? [arabic, latin, chinese] : lang === "zh" ? [chinese, latin, arabic] : [latin, arabic, chinese];
  return `${order.join(",")},sans-serif`;
}

/**
 * A small stylesheet for the stand-alone report (the site's pages use the site's own). In print:
 * A4 with the PDF's margins, table headers repeated on each page, no row, chart or heading cut
 * from what follows it.
 */
function reportCss(lang: UnLanguage): string {
  const { top, right, bottom, left } = PDF_MARGINS;
  return `body{font-family:${reportFonts(lang)};max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.55}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1rem}th,td{border:1px solid #c9d3dd;padding:0.3rem 0.5rem;text-align:start}thead th{background:#f3f6f9}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures>div{display:flex;flex-direction:column-reverse;border:1px solid #c9d3dd;padding:0.5rem 1rem}.figures dd{margin:0;font-size:1.8rem;font-weight:700}
.chart{max-width:100%;height:auto}a{color:#0b5394}
@page{size:A4;margin:${top} ${right} ${bottom} ${left}}
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}a{color:#000}thead{display:table-header-group}tr,svg,.figures>div,li{break-inside:avoid}h1,h2{break-after:avoid}section{break-inside:auto}}`;
}

/** A year's report in one language: Markdown, and a stand-alone HTML document that prints to PDF. */
export interface AnnualReportDocument {
  lang: UnLanguage;
  dir: "ltr" | "rtl";
  markdown: string;
  html: string;
}

/** The annual report of a year in one language, as Markdown and as a stand-alone HTML document. */
export function renderAnnualReport(data: SiteData, config: SiteConfig, year: number, lang: UnLanguage): AnnualReportDocument {
  const report = computeAnnualReport(data, year);
  const c = pageContext(data, config, lang, `report-${year}.${lang}.html`);
  const linkTo = (entry: SiteEntry) => absoluteUrl(config.siteUrl, pagePath.entry(lang, entry));
  const body = renderReportHtml(c, report, linkTo).value;
  const html = `<!doctype html>
<html lang="${lang}" dir="${c.dir(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'">
<title>${escapeHtml(c.m.reportTitle(year))}</title>
<style>${reportCss(lang)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
  return { lang, dir: c.dir(lang), markdown: renderReportMarkdown(c, report, linkTo), html };
}
