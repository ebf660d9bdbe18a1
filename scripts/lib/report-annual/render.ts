import { narrativeFor } from "../model/queries.ts";
import type { SiteEntry } from "../model/types.ts";
import type { PageContext } from "../present/context.ts";
import { type Html, html } from "../present/html.ts";
import { formatNumber } from "../present/i18n.ts";
import type { UnLanguage } from "../vocab.ts";
import { barChart } from "./chart.ts";
import type { AnnualReport, BreakdownRow } from "./compute.ts";

/** The report's sections in the reader's language, shared by the Markdown and the HTML. */
interface Section {
  id: string;
  title: string;
  list: string;
  rows: BreakdownRow[];
}

function sections(c: PageContext, report: AnnualReport): Section[] {
  return [
    { id: "region", title: c.m.byRegion, list: "regions", rows: report.byRegion },
    { id: "type", title: c.m.byType, list: "types", rows: report.byType },
    { id: "topic", title: c.m.byTopic, list: "topics", rows: report.byTopic },
  ];
}

const entryTitle = (c: PageContext, e: SiteEntry) => narrativeFor(e, c.lang).title;

/** The report as the body of an HTML page, with charts as inline SVG. `linkTo` gives each entry's address. */
export function renderReportHtml(c: PageContext, report: AnnualReport, linkTo: (entry: SiteEntry) => string): Html {
  const { m, lang } = c;
  const rtl = c.dir(lang) === "rtl";
  const n = (value: number) => formatNumber(lang, value);
  const table = (section: Section) => html`<div class="table-wrap" role="region" aria-labelledby="h-${section.id}" tabindex="0"><table>
<thead><tr><th scope="col">${section.title}</th><th scope="col">${m.entriesAdded}</th><th scope="col">${m.entriesUpdated}</th></tr></thead>
<tbody>${section.rows.map((row) => html`<tr><th scope="row">${c.label(section.list, row.id)}</th><td>${n(row.added)}</td><td>${n(row.updated)}</td></tr>`)}</tbody>
</table></div>`;
  return html`<h1>${m.reportTitle(report.year)}</h1>
<p class="lead">${m.reportIntro(report.year)}</p>
<p>${m.reportDataNote(report.year)}</p>
${report.historyAvailable ? "" : html`<p class="note warning">${m.historyIncomplete}</p>`}
<section aria-labelledby="h-summary">
<h2 id="h-summary">${m.reportSummary}</h2>
<dl class="figures">
<div><dt>${m.entriesAdded}</dt> <dd>${n(report.added.length)}</dd></div>
<div><dt>${m.entriesUpdated}</dt> <dd>${n(report.updated.length)}</dd></div>
<div><dt>${m.contributors}</dt> <dd>${n(report.contributors.length)}</dd></div>
<div><dt>${m.translationsMade}</dt> <dd>${n(report.translations.reduce((sum, t) => sum + t.count, 0))}</dd></div>
<div><dt>${m.reportConfirmed}</dt> <dd>${n(report.confirmation.confirmed)}</dd></div>
<div><dt>${m.reportUnconfirmed}</dt> <dd>${n(report.confirmation.unconfirmed)}</dd></div>
</dl>
</section>
${sections(c, report).map(
  (section) => html`<section aria-labelledby="h-${section.id}">
<h2 id="h-${section.id}">${section.title}</h2>
${
  section.rows.length === 0
    ? html`<p>${m.noneThisYear}</p>`
    : html`${barChart(
        section.title,
        section.rows.map((row) => ({ label: c.label(section.list, row.id), value: row.added + row.updated })),
        { rtl, id: `chart-${section.id}` },
      )}
${table(section)}`
}
</section>
`,
)}
<section aria-labelledby="h-contributors">
<h2 id="h-contributors">${m.contributors}</h2>
${
  report.contributors.length === 0
    ? html`<p>${m.noneThisYear}</p>`
    : html`<div class="table-wrap" role="region" aria-labelledby="h-contributors" tabindex="0"><table>
<thead><tr><th scope="col">${m.countryLabel} / ${m.organizationLabel}</th><th scope="col">${m.entriesAdded}</th><th scope="col">${m.entriesUpdated}</th></tr></thead>
<tbody>${report.contributors.map((row) => html`<tr><th scope="row">${c.ownerName(row.owner)}</th><td>${n(row.added)}</td><td>${n(row.updated)}</td></tr>`)}</tbody>
</table></div>`
}
</section>
<section aria-labelledby="h-youth">
<h2 id="h-youth">${m.youthParticipation}</h2>
${
  report.youth.length === 0
    ? html`<p>${m.noneThisYear}</p>`
    : html`<ul>${report.youth.map((e) => html`<li><a href="${linkTo(e)}">${entryTitle(c, e)}</a> (${c.ownerName(e.owner)})</li>`)}</ul>`
}
</section>
<section aria-labelledby="h-translations">
<h2 id="h-translations">${m.translationsMade}</h2>
${
  report.translations.length === 0
    ? html`<p>${m.noneThisYear}</p>`
    : html`<ul>${report.translations.map((t) => html`<li>${c.languageName(t.lang)}: ${n(t.count)}</li>`)}</ul>`
}
</section>
<section aria-labelledby="h-added">
<h2 id="h-added">${m.entriesAdded}</h2>
${report.added.length === 0 ? html`<p>${m.noneThisYear}</p>` : html`<ul>${report.added.map((e) => html`<li><a href="${linkTo(e)}">${entryTitle(c, e)}</a> (${c.ownerName(e.owner)})</li>`)}</ul>`}
</section>`;
}

/** Escapes text for a Markdown table cell or list item. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`).replace(/\s+/g, " ");
}

/** The report in Markdown (tables; the charts as inline SVG where the renderer shows HTML). */
export function renderReportMarkdown(c: PageContext, report: AnnualReport, linkTo: (entry: SiteEntry) => string): string {
  const { m, lang } = c;
  const n = (value: number) => formatNumber(lang, value);
  const out: string[] = [`# ${md(m.reportTitle(report.year))}`, "", md(m.reportIntro(report.year)), "", md(m.reportDataNote(report.year)), ""];
  if (!report.historyAvailable) out.push(`> ${md(m.historyIncomplete)}`, "");
  out.push(
    `## ${md(m.reportSummary)}`,
    "",
    `| | ${md(m.count)} |`,
    "| --- | ---: |",
    `| ${md(m.entriesAdded)} | ${n(report.added.length)} |`,
    `| ${md(m.entriesUpdated)} | ${n(report.updated.length)} |`,
    `| ${md(m.contributors)} | ${n(report.contributors.length)} |`,
    `| ${md(m.translationsMade)} | ${n(report.translations.reduce((s, t) => s + t.count, 0))} |`,
    `| ${md(m.reportConfirmed)} | ${n(report.confirmation.confirmed)} |`,
    `| ${md(m.reportUnconfirmed)} | ${n(report.confirmation.unconfirmed)} |`,
    "",
  );
  for (const section of sections(c, report)) {
    out.push(`## ${md(section.title)}`, "");
    if (section.rows.length === 0) {
      out.push(md(m.noneThisYear), "");
      continue;
    }
    out.push(
      barChart(
        section.title,
        section.rows.map((row) => ({ label: c.label(section.list, row.id), value: row.added + row.updated })),
        {
          rtl: c.dir(lang) === "rtl",
          id: `chart-${section.id}`,
        },
      ).value.replace(/\n+/g, " "),
      "",
      `| ${md(section.title)} | ${md(m.entriesAdded)} | ${md(m.entriesUpdated)} |`,
      "| --- | ---: | ---: |",
      ...section.rows.map((row) => `| ${md(c.label(section.list, row.id))} | ${n(row.added)} | ${n(row.updated)} |`),
      "",
    );
  }
  out.push(`## ${md(m.contributors)}`, "");
  if (report.contributors.length === 0) out.push(md(m.noneThisYear), "");
  else
    out.push(
      `| | ${md(m.entriesAdded)} | ${md(m.entriesUpdated)} |`,
      "| --- | ---: | ---: |",
      ...report.contributors.map((row) => `| ${md(row.owner.names[lang as UnLanguage])} | ${n(row.added)} | ${n(row.updated)} |`),
      "",
    );
  const entryLine = (e: SiteEntry) => `- [${md(entryTitle(c, e))}](<${linkTo(e)}>) (${md(e.owner.names[lang as UnLanguage])})`;
  out.push(`## ${md(m.youthParticipation)}`, "", ...(report.youth.length === 0 ? [md(m.noneThisYear)] : report.youth.map(entryLine)), "");
  out.push(
    `## ${md(m.translationsMade)}`,
    "",
    ...(report.translations.length === 0 ? [md(m.noneThisYear)] : report.translations.map((t) => `- ${md(c.languageName(t.lang))}: ${n(t.count)}`)),
    "",
  );
  out.push(`## ${md(m.entriesAdded)}`, "", ...(report.added.length === 0 ? [md(m.noneThisYear)] : report.added.map(entryLine)), "");
  return `${out.join("\n").trimEnd()}\n`;
}
