import { countryIndex, countrySearchNames } from "../../countries/lookup.ts";
import type { SiteEntry, SiteOwner } from "../../model/types.ts";
import { apiPath, pagePath } from "../../model/urls.ts";
import type { PageContext } from "../../present/context.ts";
import { type Html, html } from "../../present/html.ts";
import { formatList } from "../../present/i18n.ts";
import type { UnLanguage } from "../../vocab.ts";
import { entryList, linkList, ownerLink } from "../components.ts";
import { newActivityUrl } from "../contribute.ts";
import { renderPage } from "../layout.ts";
import { pageTitleSuffix, paginationNav } from "../pagination.ts";
import type { ListPage } from "./browse.ts";
import { CONCERNING_SHOWN, countryContribution, countryPagePath } from "./country.ts";
import { contactBlock } from "./entry.ts";

/**
 * A page of a country's or organisation's page. The first has the profile, the entries
 * concerning the country made by others (the first few, then a link to the country's
 * "browse by" list) and how to propose an entry; the others only their slice of the entries.
 * `concerning` are the entries of other owners that concern this country.
 */
export function renderOwnerPage(c: PageContext, owner: SiteOwner, list: ListPage, concerning: readonly SiteEntry[] = []): string {
  const { m, lang } = c;
  const name = owner.names[lang];
  const first = list.page === 1;
  const entries = html`<section aria-labelledby="entries-heading">
<h2 id="entries-heading">${m.entriesOf(name)}</h2>
<p class="result-count">${m.entriesCount(owner.entries.length)}</p>
${entryList(c, list.entries, 3)}
${paginationNav(c, list.page, list.pages, (page) => pagePath.owner(lang, owner, page))}
</section>`;
  const breadcrumb = html`<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.directory(lang))}">${m.ownersTitle}</a></li>
<li><a href="${c.url(pagePath.owner(lang, owner, list.page))}" aria-current="page">${c.ownerName(owner)}</a></li>
</ol></nav>
<h1${searchNames(c, owner)}>${c.ownerName(owner)}</h1>`;
  const options = {
    title: name + pageTitleSuffix(c, list.page, list.pages),
    alternate: (other: UnLanguage) => pagePath.owner(other, owner, list.page),
    section: "directory" as const,
    feed: apiPath.feedOwner(lang, owner),
  };
  if (!first) return renderPage(c, { ...options, body: html`${breadcrumb}\n${entries}` });
  const profile: Array<[string, Html | string | undefined]> = [
    [owner.type === "country" ? m.countryLabel : m.organizationLabel, owner.acronym ? `${name} (${owner.acronym})` : name],
    [
      m.region,
      owner.region
        ? html`<a href="${c.url(pagePath.facet(lang, "region", owner.region))}">${c.label("regions", owner.region)}</a>${
            owner.iso3 && c.data.vocabularies.get("countries").terms.get(owner.iso3)?.meta?.uncertain === true
              ? html` <small class="uncertain">(${m.regionUncertain})</small>`
              : ""
          }`
        : undefined,
    ],
    [
      m.region,
      owner.regions
        ? formatList(
            lang,
            owner.regions.map((r) => c.label("regions", r)),
          )
        : undefined,
    ],
    [c.data.vocabularies.get("organization-categories").labels[lang], owner.category ? c.label("organization-categories", owner.category) : undefined],
    [c.data.vocabularies.get("levels").labels[lang], owner.level ? c.label("levels", owner.level) : undefined],
    [m.contact, owner.contact ? contactBlock(owner.contact) : undefined],
  ];
  const repo = c.config.repositoryUrl;
  const countryTerm = owner.iso3 ? c.data.vocabularies.get("countries").terms.get(owner.iso3) : undefined;
  const body = html`${breadcrumb}
<section aria-labelledby="profile-heading">
<h2 id="profile-heading">${m.profile}</h2>
<dl class="profile">
${profile.filter(([, v]) => v !== undefined).map(([term, value]) => html`<dt>${term}</dt> <dd>${value}</dd>\n`)}</dl>
${owner.links.length > 0 ? html`<h3>${m.nationalFramework}</h3>${linkList(c, owner.links)}` : ""}
</section>
${entries}
${
  concerning.length > 0 && owner.iso3
    ? html`<section aria-labelledby="concerning-heading"><h2 id="concerning-heading">${m.related}</h2>${entryList(c, concerning.slice(0, CONCERNING_SHOWN), 3)}${
        concerning.length > CONCERNING_SHOWN
          ? html`<p><a href="${c.url(pagePath.facet(lang, "country", owner.iso3))}">${m.allConcerning(concerning.length)}</a></p>`
          : ""
      }</section>`
    : ""
}
${
  countryTerm
    ? countryContribution(c, countryTerm, owner.reviewers)
    : html`<section class="propose" aria-labelledby="propose-heading" data-pagefind-ignore>
<h2 id="propose-heading">${m.proposeEntry}</h2>
<p>${m.proposeEntryHelp}</p>
${repo ? html`<p><a class="button" href="${newActivityUrl(repo, undefined, lang)}" rel="noopener noreferrer">${m.proposeEntry}</a></p>` : ""}
</section>`
}
<p data-pagefind-ignore><a href="${c.url(apiPath.feedOwner(lang, owner))}">${m.feeds}</a> · <a href="${c.url(apiPath.owner(owner))}" type="application/json">JSON</a></p>`;
  // Only the first page is indexed for search: the others would be results with the same title.
  const kind = owner.type === "country" ? m.resultCountryProfile : m.resultOrganizationProfile;
  return renderPage(c, { ...options, body, searchable: { type: "profile", kind } });
}

/**
 * The country's other names for the site's search (Pagefind indexes the attribute with the
 * page): its UN names in the other languages, everyday aliases and ISO codes, so that "UK",
 * "Vietnam" or "Kenia" find the profile whatever the page's language.
 */
function searchNames(c: PageContext, owner: SiteOwner): Html | string {
  if (!owner.iso3) return "";
  const names = countrySearchNames(countryIndex(c.data.vocabularies.get("countries")), owner.iso3, c.lang);
  return names.length > 0 ? html` data-pagefind-index-attrs="data-names" data-names="${names.join(" · ")}"` : "";
}

/** For each country, the entries of other owners that concern it, newest first. */
export function concerningByCountry(entries: readonly SiteEntry[]): Map<string, SiteEntry[]> {
  const byCountry = new Map<string, SiteEntry[]>();
  for (const entry of entries) {
    for (const code of entry.countries) {
      if (entry.owner.iso3 === code) continue;
      const list = byCountry.get(code) ?? [];
      list.push(entry);
      byCountry.set(code, list);
    }
  }
  return byCountry;
}

/**
 * Every country of the reference table by region, with how many entries concern it (each
 * links to its page, entries or not), and the organisations that have a profile.
 */
export function renderDirectoryPage(c: PageContext): string {
  const { m, lang } = c;
  const collator = new Intl.Collator(lang);
  const byName = (a: SiteOwner, b: SiteOwner) => collator.compare(a.names[lang], b.names[lang]);
  const counts = new Map<string, number>();
  for (const entry of c.data.entries) for (const code of entry.countries) counts.set(code, (counts.get(code) ?? 0) + 1);
  const countries = [...c.data.vocabularies.get("countries").terms.values()];
  const organizations = c.data.owners.filter((o) => o.type === "organization").sort(byName);
  const regions = [...c.data.vocabularies.get("regions").terms.keys()];
  const body = html`<h1>${m.ownersTitle}</h1>
<section aria-labelledby="countries-heading">
<h2 id="countries-heading">${m.countries}</h2>
${regions.map((region) => {
  const inRegion = countries.filter((t) => t.meta?.region === region).sort((a, b) => collator.compare(a.labels[lang], b.labels[lang]));
  if (inRegion.length === 0) return "";
  return html`<h3>${c.label("regions", region)}</h3><ul class="owners">${inRegion.map((t) => {
    const count = counts.get(t.id) ?? 0;
    return html`<li><a href="${c.url(countryPagePath(lang, t.id))}">${t.labels[lang]}</a> <small class="${count > 0 ? "count" : "count none"}">(${m.entriesCount(count)})</small></li>`;
  })}</ul>\n`;
})}
</section>
<section aria-labelledby="organizations-heading">
<h2 id="organizations-heading">${m.organizations}</h2>
<ul class="owners">${organizations.map((o) => html`<li>${ownerLink(c, o)}</li>`)}</ul>
</section>`;
  return renderPage(c, { title: m.ownersTitle, body, alternate: (other) => pagePath.directory(other), section: "directory" });
}
