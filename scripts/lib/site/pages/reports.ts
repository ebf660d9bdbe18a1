import { apiPath, pagePath } from "../../model/urls.ts";
import type { PageContext } from "../../present/context.ts";
import { html } from "../../present/html.ts";
import type { AnnualReport } from "../../report-annual/compute.ts";
import { renderReportHtml } from "../../report-annual/render.ts";
import type { UnLanguage } from "../../vocab.ts";
import { renderPage } from "../layout.ts";

/** Where a report's PDF is on the site, beside its page, under a name that says what it is once downloaded. */
export function reportPdfPath(lang: UnLanguage, year: number): string {
  return `${lang}/reports/${year}/cop-atlas-report-${year}-${lang}.pdf`;
}

/** The list of annual reports, each with its Markdown and, when it was printed for the build, its PDF. */
export function renderReportsPage(c: PageContext, years: readonly number[], hasPdf: (year: number) => boolean = () => false): string {
  const pdf = (year: number) => (hasPdf(year) ? html` · <a href="${c.url(reportPdfPath(c.lang, year))}" type="application/pdf" dir="ltr">PDF</a>` : "");
  const body = html`<h1>${c.m.reportsTitle}</h1>
<p class="lead">${c.m.reportsIntro}</p>
${years.length === 0 ? html`<p>${c.m.historyIncomplete}</p>` : ""}
<ul class="reports">${years.map((year) => html`<li><a href="${c.url(pagePath.report(c.lang, year))}">${c.m.reportTitle(year)}</a> (<a href="${c.url(apiPath.report(year, c.lang))}" type="text/markdown" dir="ltr">Markdown</a>${pdf(year)})</li>`)}</ul>`;
  return renderPage(c, { title: c.m.reportsTitle, body, alternate: (other) => pagePath.reports(other), section: "reports" });
}

/** One year's report as a page of the site (printable), linking its PDF when it was printed for the build. */
export function renderReportPage(c: PageContext, report: AnnualReport, hasPdf = false): string {
  const body = html`<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.reports(c.lang))}">${c.m.reportsTitle}</a></li>
<li><a href="${c.url(pagePath.report(c.lang, report.year))}" aria-current="page">${report.year}</a></li>
</ol></nav>
${hasPdf ? html`<p class="report-pdf"><a href="${c.url(reportPdfPath(c.lang, report.year))}" type="application/pdf" download>${c.m.reportTitle(report.year)} (PDF)</a></p>` : ""}
<article class="report">
${renderReportHtml(c, report, (entry) => c.url(pagePath.entry(c.lang, entry)))}
</article>`;
  return renderPage(c, {
    title: c.m.reportTitle(report.year),
    body,
    alternate: (other) => pagePath.report(other, report.year),
    section: "reports",
    printable: true,
  });
}
