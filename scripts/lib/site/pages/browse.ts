import { FACET_LIST, FACETS, type Facet, facetValues } from "../../model/queries.ts";
import type { SiteData, SiteEntry } from "../../model/types.ts";
import { apiPath, browseIndexPath, pagePath } from "../../model/urls.ts";
import type { PageContext } from "../../present/context.ts";
import { type Html, html } from "../../present/html.ts";
import type { UnLanguage } from "../../vocab.ts";
import { entryList, pluralAttributes } from "../components.ts";
import { renderPage } from "../layout.ts";
import { pageTitleSuffix, paginationNav } from "../pagination.ts";

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
 * "Browse by" links lead to a static page per value, so the list stays usable. The script
 * filters with the browse index (browse-index.ts), never by hiding cards of this page.
 */
function filterForm(c: PageContext, index: Map<Facet, Map<string, SiteEntry[]>>): Html {
  return html`<form class="filters" id="filters" method="get" action="${c.url(pagePath.browse(c.lang))}" hidden aria-labelledby="filters-heading" data-facets="${c.url(
    browseIndexPath.facets(),
  )}" data-labels="${c.url(browseIndexPath.labels(c.lang))}" data-order="${c.url(browseIndexPath.order(c.lang))}" data-csv="${c.url(apiPath.csv())}" data-json="${c.url(
    apiPath.activities(),
  )}" data-root="${c.url("index.html").replace(/index\.html$/, "")}">
<h2 id="filters-heading">${c.m.filters}</h2>
<details class="filter-fold" open><summary>${c.m.showFilters}</summary>
<div class="filter-grid">
${FACETS.map((facet) => {
  const values = index.get(facet)!;
  return html`<div class="filter"><label for="filter-${facet}">${facetLabel(c, facet)}</label>
<select id="filter-${facet}" name="${facet}">
<option value="">${c.m.any}</option>
${orderedValues(c, facet, values.keys()).map((value) => html`<option value="${value.toLowerCase()}">${valueLabel(c, facet, value)} (${values.get(value)!.length})</option>\n`)}</select></div>
`;
})}<div class="filter"><label for="sort">${c.m.sortLabel}</label>
<select id="sort" name="sort" data-sort>
<option value="">${c.m.sortNewest}</option>
<option value="oldest">${c.m.sortOldest}</option>
<option value="title">${c.m.sortTitle}</option>
<option value="country">${c.m.sortCountry}</option>
</select></div>
</div>
<div class="filter-actions"><button type="submit">${c.m.applyFilters}</button> <button type="reset">${c.m.resetFilters}</button></div>
</details>
<p class="list-downloads" id="list-downloads">${c.m.downloadList} <button type="button" class="link-button" data-download="csv">${c.m.downloadCsv}</button> · <button type="button" class="link-button" data-download="json">${
    c.m.downloadJson
  }</button> <span class="download-status" id="download-status" role="status"></span><br><small><a href="${c.url(pagePath.api(c.lang))}">${c.m.downloadHelp}</a></small></p>
</form>
<template id="browse-messages"${pluralAttributes(c.lang, c.m.results)} data-pagination="${c.m.pagination}" data-previous="${
    c.m.previousPage
  }" data-next="${c.m.nextPage}" data-page-of="${c.m.pageOf("{page}", "{total}")}" data-loading="${c.m.loadingEntries}" data-unavailable="${c.m.filtersUnavailable}" data-empty="${c.m.noMatch}" data-reset="${c.m.resetFilters}" data-preparing="${c.m.downloadPreparing}" data-download-failed="${c.m.downloadFailed}"></template>`;
}

/** One page of a list: where it is among the pages, and its entries. */
export interface ListPage {
  /** 1-based. */
  page: number;
  pages: number;
  entries: readonly SiteEntry[];
}

/**
 * A page of all entries. The first page carries the filters (script) and the "Browse by"
 * links (no script); the others only their slice of the list and the way back to the first.
 */
export function renderBrowsePage(c: PageContext, index: Map<Facet, Map<string, SiteEntry[]>>, list: ListPage): string {
  const first = list.page === 1;
  const body = html`<h1>${c.m.browseTitle}</h1>
${first ? html`<p>${c.m.browseIntro}</p>\n${filterForm(c, index)}` : html`<p><a href="${c.url(pagePath.browse(c.lang))}#filters">${c.m.filtersOnFirstPage}</a></p>`}
<p class="result-count" id="result-count" role="status" aria-live="polite" tabindex="-1">${c.m.results(c.data.entries.length)}</p>
<div id="browse-results">
${entryList(c, list.entries, 2)}
${paginationNav(c, list.page, list.pages, (page) => pagePath.browse(c.lang, page))}
</div>
${first ? browseByLinks(c, index) : ""}`;
  return renderPage(c, {
    title: c.m.browseTitle + pageTitleSuffix(c, list.page, list.pages),
    body,
    alternate: (lang) => pagePath.browse(lang, list.page),
    section: "browse",
  });
}

/** A page of the static list of one facet value, the no-script way to filter: titles and facts, no summaries (see entryList). */
export function renderFacetPage(c: PageContext, facet: Facet, value: string, total: number, list: ListPage): string {
  const title = `${facetLabel(c, facet)}: ${valueLabel(c, facet, value)}`;
  const body = html`<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.browse(c.lang))}">${c.m.browseTitle}</a></li>
<li><a href="${c.url(pagePath.facet(c.lang, facet, value, list.page))}" aria-current="page">${title}</a></li>
</ol></nav>
<h1>${title}</h1>
<p class="result-count">${c.m.results(total)}</p>
${entryList(c, list.entries, 2, { summaries: false })}
${paginationNav(c, list.page, list.pages, (page) => pagePath.facet(c.lang, facet, value, page))}`;
  return renderPage(c, {
    title: title + pageTitleSuffix(c, list.page, list.pages),
    body,
    alternate: (lang: UnLanguage) => pagePath.facet(lang, facet, value, list.page),
    section: "browse",
  });
}
