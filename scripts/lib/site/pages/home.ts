import { confirmationOf } from "../../model/queries.ts";
import type { SiteData } from "../../model/types.ts";
import { pagePath } from "../../model/urls.ts";
import { nativeName, type PageContext } from "../../present/context.ts";
import { html } from "../../present/html.ts";
import { UN_LANGUAGES } from "../../vocab.ts";
import { entryList, figures, pluralAttributes } from "../components.ts";
import { CSP_ATTRIBUTE, renderPage } from "../layout.ts";
import { renderWorldMap } from "../map.ts";
import { pageTitleSuffix, paginationNav } from "../pagination.ts";
import type { SearchPart } from "../search-index.ts";
import type { ListPage } from "./browse.ts";
import { countryPagePath } from "./country.ts";

/** How many entries concern each country (its own and multi-country ones). */
export function countsByCountry(data: SiteData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of data.entries) for (const code of entry.countries) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** The home page: what COP Atlas is, key figures, the coverage map and the latest entries. */
export function renderHomePage(c: PageContext): string {
  const { m, lang, data } = c;
  const counts = countsByCountry(data);
  const languages = new Set(data.entries.flatMap((e) => [...e.narratives.keys()]));
  const collator = new Intl.Collator(lang);
  const countries = data.vocabularies.get("countries");
  const covered = [...counts.entries()]
    .map(([code, count]) => ({ code, count, name: countries.terms.get(code)?.labels[lang] ?? code }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  const body = html`<h1>${m.siteName}</h1>
<p class="lead">${m.homeIntro}</p>
<p>${m.homeWhy}</p>
<section aria-labelledby="figures-heading">
<h2 id="figures-heading">${m.keyFigures}</h2>
${figures(c, [
  [data.entries.length, m.figureEntries],
  [data.owners.filter((o) => o.type === "country").length, m.figureCountries],
  [data.owners.filter((o) => o.type === "organization").length, m.figureOrganizations],
  [data.entries.filter((e) => e.facts.kind === "good-practice").length, m.figureGoodPractices],
  [data.entries.filter((e) => confirmationOf(e) === "confirmed").length, m.figureConfirmed],
  [languages.size, m.figureLanguages],
])}
</section>
<section aria-labelledby="map-heading">
<h2 id="map-heading">${m.mapTitle}</h2>
${renderWorldMap(c, counts, (iso3) => (countries.terms.has(iso3) ? c.url(countryPagePath(lang, iso3)) : undefined))}
<details class="coverage-list"><summary>${m.countries} (${covered.length})</summary>
<ul>${covered.map(
    ({ code, count, name }) =>
      html`<li><a href="${c.url(countries.terms.has(code) ? countryPagePath(lang, code) : pagePath.facet(lang, "country", code))}">${name}</a>: ${m.entriesCount(count)}</li>`,
  )}</ul>
<p><a href="${c.url(pagePath.directory(lang))}">${m.navOwners}</a></p></details>
</section>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">${m.latestEntries}</h2>
${entryList(c, data.entries.slice(0, 8), 3)}
<p><a href="${c.url(pagePath.browse(lang))}">${m.allEntries}</a></p>
</section>`;
  return renderPage(c, { title: m.siteName, description: m.homeIntro, body, alternate: (other) => pagePath.home(other), section: "home" });
}

/** A page of the youth participation list: youth consultations and other child-participation activities. */
export function renderYouthPage(c: PageContext, total: number, list: ListPage): string {
  const body = html`<h1>${c.m.youthTitle}</h1>
<p class="lead">${c.m.youthIntro}</p>
<p class="result-count">${c.m.results(total)}</p>
${entryList(c, list.entries, 2)}
${paginationNav(c, list.page, list.pages, (page) => pagePath.youth(c.lang, page))}`;
  return renderPage(c, {
    title: c.m.youthTitle + pageTitleSuffix(c, list.page, list.pages),
    body,
    alternate: (other) => pagePath.youth(other, list.page),
    section: "youth",
  });
}

/**
 * The search page: a form the script connects to Pagefind's index for the page's language, the
 * first of its parts (`parts`), with the others merged into it.
 */
export function renderSearchPage(c: PageContext, parts: readonly SearchPart[]): string {
  const { m } = c;
  const [first, ...others] = parts.map((part) => c.url(`${part.folder}/pagefind.js`));
  const body = html`<h1>${m.searchTitle}</h1>
<form class="search" id="search-form" role="search" action="${c.url(pagePath.search(c.lang))}" method="get" data-pagefind="${first ?? ""}"${others.length > 0 ? html` data-pagefind-merge="${others.join(" ")}"` : ""} data-root="${c.url("index.html").replace(/index\.html$/, "")}">
<label for="search-input">${m.searchLabel}</label>
<div class="search-row"><input type="search" id="search-input" name="q" autocomplete="off"> <button type="submit">${m.searchButton}</button></div>
</form>
<p class="no-script-note" id="search-needs-script">${m.searchNeedsScript} <a href="${c.url(pagePath.browse(c.lang))}">${m.navBrowse}</a></p>
<p id="search-status" role="status" aria-live="polite" data-none="${m.searchNoResults}"${pluralAttributes(c.lang, m.searchResults)}></p>
<ol id="search-results" class="search-results"></ol>`;
  return renderPage(c, { title: m.searchTitle, body, alternate: (other) => pagePath.search(other), section: "search" });
}

/** dist/index.html: the six languages, and a script that follows the browser's preference. */
export function renderLanguageChooser(data: SiteData): string {
  return html`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP_ATTRIBUTE}">
<meta name="referrer" content="no-referrer">
<title>COP Atlas</title>
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/site.css">
${UN_LANGUAGES.map((lang) => html`<link rel="alternate" hreflang="${lang}" href="${pagePath.home(lang)}">\n`)}<script src="assets/site.js" defer></script>
</head>
<body class="chooser">
<main id="main">
<h1>COP Atlas</h1>
<ul class="language-chooser" id="language-chooser">
${UN_LANGUAGES.map((lang) => html`<li><a href="${pagePath.home(lang)}" lang="${lang}" hreflang="${lang}">${nativeName(data, lang)}</a></li>\n`)}</ul>
</main>
</body>
</html>
`.value;
}
