import type { SiteEntry } from "../../model/types.ts";
import { pagePath } from "../../model/urls.ts";
import type { PageContext } from "../../present/context.ts";
import { type Html, html, join } from "../../present/html.ts";
import type { Term, UnLanguage } from "../../vocab.ts";
import { entryList } from "../components.ts";
import { countryProfileUrl, newActivityUrl } from "../contribute.ts";
import { renderPage } from "../layout.ts";

/** How many entries concerning a country its page lists before linking to the full list. */
export const CONCERNING_SHOWN = 10;

/**
 * Every country of the reference table (the 193 Member States and the non-member States it
 * lists) has a page at countries/<iso3>/, whether or not the atlas holds anything of it: a
 * focal point who searches for their country must find a way in.
 */
export function countryPagePath(lang: UnLanguage, iso3: string, page = 1): string {
  return pagePath.owner(lang, { dir: countryFolder(iso3) }, page);
}

/** The folder of a country's pages under each language ("countries/ken"), profiled or not. */
export function countryFolder(iso3: string): string {
  return `countries/${iso3.toLowerCase()}`;
}

/** The country's region (linked to its list when that has entries) and its standing at the UN. */
export function countryFacts(c: PageContext, term: Term, regionHasList: boolean): Html {
  const region = term.meta?.region as string | undefined;
  const rows: Html[] = [];
  if (region) {
    const label = c.label("regions", region);
    const uncertain = term.meta?.uncertain === true ? html` <small class="uncertain">(${c.m.regionUncertain})</small>` : "";
    rows.push(
      html`<dt>${c.m.region}</dt> <dd>${regionHasList ? html`<a href="${c.url(pagePath.facet(c.lang, "region", region))}">${label}</a>` : label}${uncertain}</dd>`,
    );
  }
  rows.push(html`<dt>${c.m.unStatusTitle}</dt> <dd>${c.m.unStatus(term.meta?.un === false ? "observer" : "member")}</dd>`);
  // One pair a line: the search index would run one value into the next term otherwise.
  return html`<dl class="profile">${join(rows, "\n")}</dl>`;
}

/**
 * Who reviews a country's entries and how to contribute: the "New activity" form with the
 * country already chosen, the first thing a focal point needs.
 */
export function countryContribution(c: PageContext, term: Term, reviewers: readonly string[]): Html {
  const name = term.labels[c.lang];
  const repo = c.config.repositoryUrl;
  return html`<section class="contribute" aria-labelledby="contribute-heading" data-pagefind-ignore>
<h2 id="contribute-heading">${c.m.contributeTitle(name)}</h2>
<p>${c.m.contributeHelp}</p>
${repo ? html`<p><a class="button" href="${newActivityUrl(repo, term, c.lang)}" rel="noopener noreferrer">${c.m.contributeButton}</a></p>` : ""}
<h3>${c.m.reviewersTitle}</h3>
${
  reviewers.length > 0
    ? html`<ul class="reviewers">${reviewers.map((login) => html`<li><a href="https://github.com/${login}" rel="noopener noreferrer" dir="ltr">@${login}</a></li>`)}</ul>`
    : html`<p>${c.m.reviewersNone}</p>`
}
${repo ? html`<p><a href="${countryProfileUrl(repo, term, c.lang)}" rel="noopener noreferrer">${c.m.updateProfile}</a></p>` : ""}
</section>`;
}

/**
 * The page of a country without a profile in the repository: its region, the entries of
 * others that concern it (or "no entries yet"), and how to contribute.
 */
export function renderCountryPage(c: PageContext, term: Term, concerning: readonly SiteEntry[], regionHasList: boolean): string {
  const { m, lang } = c;
  const name = term.labels[lang];
  const path = countryPagePath(lang, term.id);
  // A country without a profile has no folder, so no entries of its own; others' may concern it.
  const others =
    concerning.length === 0
      ? ""
      : html`<section aria-labelledby="concerning-heading">
<h2 id="concerning-heading">${m.related}</h2>
<p class="result-count">${m.entriesCount(concerning.length)}</p>
${entryList(c, concerning.slice(0, CONCERNING_SHOWN), 3)}
${
  concerning.length > CONCERNING_SHOWN
    ? html`<p><a href="${c.url(pagePath.facet(lang, "country", term.id))}">${m.allConcerning(concerning.length)}</a></p>`
    : ""
}
</section>`;
  const body = html`<nav class="breadcrumb" aria-label="${m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.directory(lang))}">${m.ownersTitle}</a></li>
<li><a href="${c.url(path)}" aria-current="page">${name}</a></li>
</ol></nav>
<h1>${name}</h1>
<section aria-labelledby="profile-heading">
<h2 id="profile-heading">${m.profile}</h2>
${countryFacts(c, term, regionHasList)}
</section>
<section aria-labelledby="entries-heading">
<h2 id="entries-heading">${m.entriesOf(name)}</h2>
<p class="empty">${m.countryNoEntries(name)}</p>
</section>
${countryContribution(c, term, [])}
${others}`;
  return renderPage(c, {
    title: name,
    body,
    alternate: (other) => countryPagePath(other, term.id),
    section: "directory",
    searchable: { type: "profile", kind: c.m.resultCountryProfile },
  });
}
