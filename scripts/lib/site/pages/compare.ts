import { pagePath } from "../../model/urls.ts";
import { COMPARE_DIMENSIONS, type CompareDimension, compareCsvPath, compareMatrix } from "../../open-data/compare.ts";
import type { PageContext } from "../../present/context.ts";
import { html } from "../../present/html.ts";
import { formatNumber } from "../../present/i18n.ts";
import type { UnLanguage } from "../../vocab.ts";
import { renderPage } from "../layout.ts";
import { countryPagePath } from "./country.ts";

/** The browse filter behind each dimension's columns (see FACETS). */
export const COMPARE_FACET: Record<CompareDimension, "policy-area" | "mnr-capability"> = {
  "policy-areas": "policy-area",
  "mnr-capabilities": "mnr-capability",
};

/** Where a comparison page is: policy areas at compare/, capabilities at compare/mnr-capabilities/, each region below. */
export function comparePath(lang: UnLanguage, dimension: CompareDimension, region?: string): string {
  const folder = dimension === "policy-areas" ? `${lang}/compare/` : `${lang}/compare/${dimension}/`;
  return `${folder}${region ? `${region}/` : ""}index.html`;
}

/**
 * The comparison of countries: a table of countries (one region's or all) against the values
 * of a dimension, each cell the number of entries, linked to the browse list filtered on both.
 * The numbers carry the meaning (no colour), with a caption and row and column headers.
 */
export function renderComparePage(c: PageContext, dimension: CompareDimension, region?: string): string {
  const { m, lang } = c;
  const matrix = compareMatrix(c.data, dimension, region);
  const collator = new Intl.Collator(lang);
  const rows = [...matrix.rows].sort((a, b) => collator.compare(a.country.labels[lang], b.country.labels[lang]));
  const dimensionLabel = c.data.vocabularies.get(COMPARE_DIMENSIONS[dimension].list).labels[lang];
  const where = region ? c.label("regions", region) : m.compareAllRegions;
  const browse = c.url(pagePath.browse(lang));
  const facet = COMPARE_FACET[dimension];
  const regions = [...c.data.vocabularies.get("regions").terms.keys()];
  const current = (active: boolean) => (active ? html` aria-current="page"` : "");
  const body = html`<h1>${m.navCompare}</h1>
<p class="lead">${m.compareIntro}</p>
<nav class="compare-switch" aria-label="${m.compareOn}"><span>${m.compareOn}:</span>
<ul>${(Object.keys(COMPARE_DIMENSIONS) as CompareDimension[]).map(
    (other) =>
      html`<li><a href="${c.url(comparePath(lang, other, region))}"${current(other === dimension)}>${c.data.vocabularies.get(COMPARE_DIMENSIONS[other].list).labels[lang]}</a></li>`,
  )}</ul></nav>
<nav class="compare-switch" aria-label="${m.filterRegion}"><span>${m.filterRegion}:</span>
<ul><li><a href="${c.url(comparePath(lang, dimension))}"${current(region === undefined)}>${m.compareAllRegions}</a></li>${regions.map(
    (other) => html`<li><a href="${c.url(comparePath(lang, dimension, other))}"${current(other === region)}>${c.label("regions", other)}</a></li>`,
  )}</ul></nav>
<p><a href="${c.url(compareCsvPath(dimension, region))}" type="text/csv" download>${m.downloadTableCsv}</a></p>
<p class="hint">${m.compareHowToRead}</p>
<div class="table-wrap compare" role="region" aria-labelledby="compare-caption" tabindex="0">
<table>
<caption id="compare-caption">${m.compareCaption(dimensionLabel.toLocaleLowerCase(lang), where)}</caption>
<thead><tr><th scope="col">${m.countryLabel}</th><th scope="col">${m.compareTotal}</th>${matrix.values.map((v) => html`<th scope="col">${v.labels[lang]}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => {
  const code = row.country.id.toLowerCase();
  return html`<tr><th scope="row"><a href="${c.url(countryPagePath(lang, row.country.id))}">${row.country.labels[lang]}</a></th><td>${
    row.total > 0 ? html`<a href="${c.url(pagePath.facet(lang, "country", code))}">${formatNumber(lang, row.total)}</a>` : formatNumber(lang, 0)
  }</td>${row.counts.map((count, i) =>
    count > 0
      ? html`<td><a href="${browse}?country=${code}&amp;${facet}=${matrix.values[i]!.id}">${formatNumber(lang, count)}</a></td>`
      : html`<td class="zero">${formatNumber(lang, 0)}</td>`,
  )}</tr>\n`;
})}</tbody>
</table>
</div>`;
  return renderPage(c, {
    title: m.compareTitle(dimensionLabel, where),
    body,
    alternate: (other) => comparePath(other, dimension, region),
    section: "compare",
  });
}
