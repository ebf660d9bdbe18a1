import type { SiteConfig } from "../model/config.ts";
import type { SiteData, SiteEntry } from "../model/types.ts";
import { absoluteUrl, pagePath } from "../model/urls.ts";
import { pageContext } from "../present/context.ts";
import { escapeHtml } from "../present/html.ts";
import type { UnLanguage } from "../vocab.ts";
import { computeAnnualReport } from "./compute.ts";
import { renderReportHtml, renderReportMarkdown } from "./render.ts";

/** A small stylesheet for the stand-alone report (the site's pages use the site's own). */
const REPORT_CSS = `body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Tahoma,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.55}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1rem}th,td{border:1px solid #c9d3dd;padding:0.3rem 0.5rem;text-align:start}thead th{background:#f3f6f9}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures>div{display:flex;flex-direction:column-reverse;border:1px solid #c9d3dd;padding:0.5rem 1rem}.figures dd{margin:0;font-size:1.8rem;font-weight:700}
.chart{max-width:100%;height:auto}a{color:#0b5394}
@media print{body{margin:0;max-width:none}a{color:#000}section,table,svg{break-inside:avoid}}`;

/** The annual report of a year in one language, as Markdown and as a stand-alone HTML document. */
export function renderAnnualReport(data: SiteData, config: SiteConfig, year: number, lang: UnLanguage): { markdown: string; html: string } {
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
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
  return { markdown: renderReportMarkdown(c, report, linkTo), html };
}
