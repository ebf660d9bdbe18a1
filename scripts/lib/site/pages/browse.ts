import type { UnLanguage } from "../../vocab.ts";
import { entryList, FACET_LIST, FACETS, type Facet, facetValues } from "../components.ts";
import type { PageContext } from "../context.ts";
import { type Html, html } from "../html.ts";
import { renderPage } from "../layout.ts";
import type { SiteData, SiteEntry } from "../model.ts";
import { pagePath } from "../urls.ts";

/** Every value of every facet that at least one entry has, with its entries. */
export function facetIndex(data: SiteData): Map<Facet, Map<string, SiteEntry[]>> {
  const index = new Map<Facet, Map<string, SiteEntry[]>>(FACETS.map((facet) => [facet, new Map()]));
  for (const entry of data.entries) {
    const values = facetValues(entry);
    for (const facet of FACETS) {
      const byValue = index.get(facet)!;
      for (const value of values[facet]) {
        const list = byValue.get(value) ?? [];
        list.push(entry);
        byValue.set(value, list);
      }
    }
  }
  return index;
}

/** The label of a facet and of one of its values in the reader's language. */
export function facetLabel(c: PageContext, facet: Facet): string {
  const list = FACET_LIST[facet];
  if (facet === "country") return c.m.filterCountry;
  if (facet === "region") return c.m.filterRegion;
  if (facet === "year") return c.m.filterYear;
  if (facet === "language") return c.m.filterLanguage;
  return list ? (c.data.vocabularies.get(list).labels[c.lang] ?? facet) : facet;
}

export function valueLabel(c: PageContext, facet: Facet, value: string): string {
  const list = FACET_LIST[facet];
  return list ? c.label(list, value) : value;
}

/** The values of a facet in display order: vocabulary order, years newest first, names alphabetically. */
function orderedValues(c: PageContext, facet: Facet, values: Iterable<string>): string[] {
  const all = [...values];
  if (facet === "year") return all.sort((a, b) => Number(b) - Number(a));
  if (facet === "country" || facet === "language") {
    const collator = new Intl.Collator(c.lang);
    return all.sort((a, b) => collator.compare(valueLabel(c, facet, a), valueLabel(c, facet, b)));
  }
  const order = [...(c.data.vocabularies.lists.get(FACET_LIST[facet]!)?.terms.keys() ?? [])];
  return all.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function browseByLinks(c: PageContext, index: Map<Facet, Map<string, SiteEntry[]>>): Html {
  return html`<section class="browse-by" aria-labelledby="browse-by-heading">
<h2 id="browse-by-heading">${c.m.browseBy}</h2>
${FACETS.map((facet) => {
  const values = index.get(facet)!;
  if (values.size === 0) return "";
  return html`<details>
<summary>${facetLabel(c, facet)}</summary>
<ul class="facet-links">${orderedValues(c, facet, values.keys()).map(
    (value) =>
      html`<li><a href="${c.url(pagePath.facet(c.lang, facet, value))}">${valueLabel(c, facet, value)}</a> <span class="count">(${values.get(value)!.length})</span></li>`,
  )}</ul>
</details>
`;
})}</section>`;
}

/**
 * The filter form. It is hidden until the script shows it: without JavaScript the
 * "Browse by" links lead to a static page per value, so the list stays usable.
 */
function filterForm(c: PageContext, index: Map<Facet, Map<string, SiteEntry[]>>): Html {
  return html`<form class="filters" id="filters" method="get" action="${c.url(pagePath.browse(c.lang))}" hidden aria-labelledby="filters-heading">
<h2 id="filters-heading">${c.m.filters}</h2>
<div class="filter-grid">
${FACETS.map((facet) => {
  const values = index.get(facet)!;
  return html`<div class="filter"><label for="filter-${facet}">${facetLabel(c, facet)}</label>
<select id="filter-${facet}" name="${facet}">
<option value="">${c.m.any}</option>
${orderedValues(c, facet, values.keys()).map((value) => html`<option value="${value.toLowerCase()}">${valueLabel(c, facet, value)} (${values.get(value)!.length})</option>\n`)}</select></div>
`;
})}</div>
<div class="filter-actions"><button type="submit">${c.m.applyFilters}</button> <button type="reset">${c.m.resetFilters}</button></div>
</form>`;
}

/** The list of all entries, with filters (script) and "browse by" links (no script). */
export function renderBrowsePage(c: PageContext, index: Map<Facet, Map<string, SiteEntry[]>>): string {
  const body = html`<h1>${c.m.browseTitle}</h1>
<p>${c.m.browseIntro}</p>
${filterForm(c, index)}
<p class="result-count" id="result-count" role="status" aria-live="polite">${c.m.results(c.data.entries.length)}</p>
<template id="result-count-template" data-one="${c.m.results(1)}" data-many="${c.m.results(2)}" data-zero="${c.m.results(0)}"></template>
${entryList(c, c.data.entries, 2)}
${browseByLinks(c, index)}`;
  return renderPage(c, { title: c.m.browseTitle, body, alternate: (lang) => pagePath.browse(lang), section: "browse" });
}

/** The static page of one facet value: the no-script way to filter. */
export function renderFacetPage(c: PageContext, facet: Facet, value: string, entries: SiteEntry[]): string {
  const title = `${facetLabel(c, facet)}: ${valueLabel(c, facet, value)}`;
  const body = html`<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.browse(c.lang))}">${c.m.browseTitle}</a></li>
<li><a href="${c.url(pagePath.facet(c.lang, facet, value))}" aria-current="page">${title}</a></li>
</ol></nav>
<h1>${title}</h1>
<p class="result-count">${c.m.results(entries.length)}</p>
${entryList(c, entries, 2)}`;
  return renderPage(c, { title, body, alternate: (lang: UnLanguage) => pagePath.facet(lang, facet, value), section: "browse" });
}
