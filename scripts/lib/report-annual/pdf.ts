import type { Browser } from "playwright-core";
import { escapeHtml } from "../present/html.ts";
import { type AnnualReportDocument, PDF_MARGINS, reportFonts } from "./document.ts";

/**
 * Prints a stand-alone report to an A4 PDF with the title and page numbers in the footer, in an
 * existing browser so that several languages share one launch. The document loads nothing from
 * outside (its CSP allows inline styles only), so the PDF shows exactly what the HTML says.
 */
export async function printReportPdf(browser: Browser, report: Pick<AnnualReportDocument, "html" | "lang" | "dir">): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(report.html, { waitUntil: "load" });
    // System fonts load as the text needs them: wait for them, or a page may print with a fallback.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The footer is a separate document with its own (tiny) default font: it names the report's fonts too.
    const footer = `<div lang="${report.lang}" dir="${report.dir}" style="box-sizing:border-box;width:100%;padding:0 ${PDF_MARGINS.left};font-size:8pt;color:#555;font-family:${escapeHtml(reportFonts(report.lang))};display:flex;justify-content:space-between"><span class="title"></span><span dir="ltr"><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: "A4",
      margin: PDF_MARGINS,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      // Headings become the PDF's bookmarks, and the structure is tagged for screen readers.
      outline: true,
      tagged: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}
