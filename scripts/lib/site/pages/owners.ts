import { entryList, linkList, ownerLink } from "../components.ts";
import type { PageContext } from "../context.ts";
import { type Html, html } from "../html.ts";
import { renderPage } from "../layout.ts";
import type { SiteOwner } from "../model.ts";
import { apiPath, pagePath } from "../urls.ts";
import { contactBlock } from "./entry.ts";

/** A country's or organisation's page: its profile, its entries, and how to propose one. */
export function renderOwnerPage(c: PageContext, owner: SiteOwner): string {
  const { m, lang } = c;
  const name = owner.names[lang];
  const concerning = owner.iso3 !== undefined ? c.data.entries.filter((e) => e.owner !== owner && e.countries.includes(owner.iso3!)) : [];
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
    [m.region, owner.regions ? owner.regions.map((r) => c.label("regions", r)).join(", ") : undefined],
    [c.data.vocabularies.get("organization-categories").labels[lang], owner.category ? c.label("organization-categories", owner.category) : undefined],
    [c.data.vocabularies.get("levels").labels[lang], owner.level ? c.label("levels", owner.level) : undefined],
    [m.contact, owner.contact ? contactBlock(owner.contact) : undefined],
  ];
  const repo = c.config.repositoryUrl;
  const body = html`<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.directory(lang))}">${m.ownersTitle}</a></li>
<li><a href="${c.url(pagePath.owner(lang, owner))}" aria-current="page">${c.ownerName(owner)}</a></li>
</ol></nav>
<h1>${c.ownerName(owner)}</h1>
<section aria-labelledby="profile-heading">
<h2 id="profile-heading">${m.profile}</h2>
<dl class="profile">
${profile.filter(([, v]) => v !== undefined).map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>\n`)}</dl>
${owner.links.length > 0 ? html`<h3>${m.nationalFramework}</h3>${linkList(c, owner.links)}` : ""}
</section>
<section aria-labelledby="entries-heading">
<h2 id="entries-heading">${m.entriesOf(name)}</h2>
<p class="result-count">${m.entriesCount(owner.entries.length)}</p>
${entryList(c, owner.entries, 3)}
</section>
${concerning.length > 0 ? html`<section aria-labelledby="concerning-heading"><h2 id="concerning-heading">${m.related}</h2>${entryList(c, concerning, 3)}</section>` : ""}
<section class="propose" aria-labelledby="propose-heading" data-pagefind-ignore>
<h2 id="propose-heading">${m.proposeEntry}</h2>
<p>${m.proposeEntryHelp}</p>
${repo ? html`<p><a class="button" href="${repo}/issues/new/choose" rel="noopener noreferrer">${m.proposeEntry}</a></p>` : ""}
<p><a href="${c.url(apiPath.feedOwner(lang, owner))}">${m.feeds}</a> · <a href="${c.url(apiPath.owner(owner))}" type="application/json">JSON</a></p>
</section>`;
  return renderPage(c, {
    title: name,
    body,
    alternate: (other) => pagePath.owner(other, owner),
    section: "directory",
    searchable: true,
    feed: apiPath.feedOwner(lang, owner),
  });
}

/** All countries (by region) and organisations that have a profile. */
export function renderDirectoryPage(c: PageContext): string {
  const { m, lang } = c;
  const collator = new Intl.Collator(lang);
  const byName = (a: SiteOwner, b: SiteOwner) => collator.compare(a.names[lang], b.names[lang]);
  const countries = c.data.owners.filter((o) => o.type === "country");
  const organizations = c.data.owners.filter((o) => o.type === "organization").sort(byName);
  const regions = [...c.data.vocabularies.get("regions").terms.keys()];
  const body = html`<h1>${m.ownersTitle}</h1>
<section aria-labelledby="countries-heading">
<h2 id="countries-heading">${m.countries}</h2>
${regions.map((region) => {
  const inRegion = countries.filter((o) => o.region === region).sort(byName);
  if (inRegion.length === 0) return "";
  return html`<h3>${c.label("regions", region)}</h3><ul class="owners">${inRegion.map((o) => html`<li>${ownerLink(c, o)}</li>`)}</ul>\n`;
})}
</section>
<section aria-labelledby="organizations-heading">
<h2 id="organizations-heading">${m.organizations}</h2>
<ul class="owners">${organizations.map((o) => html`<li>${ownerLink(c, o)}</li>`)}</ul>
</section>`;
  return renderPage(c, { title: m.ownersTitle, body, alternate: (other) => pagePath.directory(other), section: "directory" });
}
