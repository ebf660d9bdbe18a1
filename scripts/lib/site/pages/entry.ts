import { correctionFormUrl } from "../../forms/correction-form.ts";
import { perObject } from "../../memo.ts";
import { takeParsedBody } from "../../model/load.ts";
import type { Change } from "../../model/provenance.ts";
import { narrativeFor } from "../../model/queries.ts";
import type { Contact, Organisation, SiteData, SiteEntry, SiteNarrative, SiteOwner } from "../../model/types.ts";
import { absoluteUrl, apiPath, pagePath } from "../../model/urls.ts";
import type { PageContext } from "../../present/context.ts";
import { externalLink, type Html, html, join } from "../../present/html.ts";
import { formatDate, formatList } from "../../present/i18n.ts";
import { UN_LANGUAGES, type UnLanguage } from "../../vocab.ts";
import { confirmationBadge, entryTitle, linkList } from "../components.ts";
import { editFileUrl } from "../contribute.ts";
import { renderPage } from "../layout.ts";
import { renderMarkdown } from "../markdown.ts";

/**
 * The interface language whose page carries an entry's full text when the reader's language has
 * none: its original language, or English for an original outside the six.
 */
export function fullTextLanguage(entry: SiteEntry): UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(entry.original) ? (entry.original as UnLanguage) : "en";
}

/**
 * The page of one entry: its narrative, facts, sources, languages, history and citation. A page
 * in a language the entry has no text in carries the localised facts and the original's summary
 * and links to the page with the full text, rather than repeating it six times over.
 */
export function renderEntryPage(c: PageContext, entry: SiteEntry): string {
  const { m, lang } = c;
  const narrative = narrativeFor(entry, lang);
  const shownLang = narrative.lang;
  const fullTextLang = fullTextLanguage(entry);
  const fullText = shownLang === lang || lang === fullTextLang;
  const contentAttrs = shownLang === lang ? html`` : html` lang="${shownLang}" dir="${c.dir(shownLang)}"`;
  const notes: Html[] = [];
  if (!fullText) {
    notes.push(
      html`<p class="note">${m.summaryOnlyNote(c.languageName(lang), c.languageName(shownLang))} <a href="${c.url(pagePath.entry(fullTextLang, entry))}" hreflang="${fullTextLang}">${m.readFullText(c.languageName(shownLang))}</a></p>`,
    );
  } else if (shownLang !== lang) {
    notes.push(html`<p class="note">${m.fallbackNote(c.languageName(lang), c.languageName(shownLang))}</p>`);
  } else if (narrative.status !== "original") {
    notes.push(html`<p class="note">${m.translationNote(c.label("translation-methods", narrative.status), c.languageName(entry.original))}</p>`);
  }
  if (narrative.outOfDate) notes.push(html`<p class="note warning">${m.outOfDateNote(c.languageName(entry.original))}</p>`);
  const facts = html`<aside class="facts" aria-labelledby="facts-heading">
<h2 id="facts-heading">${m.facts}</h2>
${factsList(c, entry)}
</aside>`;
  const body = html`
<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.home(lang))}">${m.navHome}</a></li>
<li><a href="${c.url(pagePath.owner(lang, entry.owner))}">${c.ownerName(entry.owner)}</a></li>
<li><a href="${c.url(pagePath.entry(lang, entry))}" aria-current="page">${entryTitle(c, entry)}</a></li>
</ol></nav>
<article class="entry-page">
<header class="entry-header">
<p class="eyebrow"><span class="kind kind-${entry.facts.kind}">${c.label("kinds", entry.facts.kind)}</span> · ${c.label("types", entry.facts.type)} ${confirmationBadge(c, entry)}</p>
<h1${contentAttrs}>${narrative.title}</h1>
${notes}
<p class="lead"${contentAttrs}>${narrative.summary}</p>
</header>
${
  fullText
    ? html`<div class="entry-layout">
<div class="narrative"${contentAttrs}>
${narrativeHtml(narrative)}
</div>
${facts}
</div>`
    : facts
}
<section aria-labelledby="sources-heading">
<h2 id="sources-heading">${m.sources}</h2>
${linkList(c, entry.facts.links)}
</section>
${relatedSection(c, entry)}
<section aria-labelledby="languages-heading">
<h2 id="languages-heading">${m.translations}</h2>
${languagesList(c, entry)}
</section>
<section aria-labelledby="history-heading">
<h2 id="history-heading">${m.provenance}</h2>
${historyList(c, entry)}
</section>
${improveSection(c, entry, shownLang)}
<section class="citation" aria-labelledby="cite-heading" data-pagefind-ignore>
<h2 id="cite-heading">${m.cite}</h2>
${citation(c, entry)}
</section>
</article>`;
  return renderPage(c, {
    title: narrative.title,
    description: narrative.summary,
    body,
    alternate: (other) => pagePath.entry(other, entry),
    section: "browse",
    // Each text is indexed once, on the page that carries it.
    searchable: fullText ? { type: "entry", kind: m.resultEntry(c.label("kinds", entry.facts.kind)) } : undefined,
    printable: true,
    feed: apiPath.feedOwner(lang, entry.owner),
  });
}

/**
 * A narrative without a translation is shown in up to six interface languages: render its
 * Markdown once. Keyed by the narrative object, so nothing outlives the data of a build.
 */
const narrativeHtml = perObject((narrative: SiteNarrative): Html => renderMarkdown(narrative.body, takeParsedBody(narrative)));

function factsList(c: PageContext, entry: SiteEntry): Html {
  const { m, lang } = c;
  const f = entry.facts;
  const countries = c.data.vocabularies.get("countries");
  const owners = ownerLookups(c.data).byCountry;
  const vocabItems = (list: string, facet: string, ids: string[] | undefined, linked = true) =>
    ids && ids.length > 0
      ? html`<ul>${ids.map((id) =>
          linked ? html`<li><a href="${c.url(pagePath.facet(lang, facet, id))}">${c.label(list, id)}</a></li>` : html`<li>${c.label(list, id)}</li>`,
        )}</ul>`
      : undefined;
  const organisations = (list: readonly Organisation[] | undefined) =>
    list && list.length > 0
      ? html`<ul>${list.map((o) => html`<li><bdi>${o.url ? externalLink(o.url, o.name) : o.name}${o.acronym ? html` (${o.acronym})` : ""}</bdi></li>`)}</ul>`
      : undefined;
  const rows: Array<[string, Html | string | undefined]> = [
    [c.data.vocabularies.get("kinds").labels[lang], html`<a href="${c.url(pagePath.facet(lang, "kind", f.kind))}">${c.label("kinds", f.kind)}</a>`],
    [c.data.vocabularies.get("types").labels[lang], html`<a href="${c.url(pagePath.facet(lang, "type", f.type))}">${c.label("types", f.type)}</a>`],
    [c.data.vocabularies.get("levels").labels[lang], c.label("levels", f.level)],
    [c.data.vocabularies.get("statuses").labels[lang], f.status ? c.label("statuses", f.status) : m.notStated],
    [c.data.vocabularies.get("compilers").labels[lang], c.label("compilers", f.provenance.compiledBy)],
    [c.data.vocabularies.get("confirmation").labels[lang], confirmationText(c, entry)],
    [m.start, f.start ? formatDate(lang, f.start) : undefined],
    [m.end, f.end ? formatDate(lang, f.end) : undefined],
    [
      m.countriesCovered,
      f.countries
        ? html`<ul>${f.countries.map((code) => {
            const owner = owners.get(code);
            const name = countries.terms.get(code)?.labels[lang] ?? code;
            return html`<li>${owner ? html`<a href="${c.url(pagePath.owner(lang, owner))}">${name}</a>` : name}</li>`;
          })}</ul>`
        : undefined,
    ],
    [m.lead, organisations(f.lead)],
    [m.partners, organisations(f.partners)],
    [c.data.vocabularies.get("audiences").labels[lang], vocabItems("audiences", "audience", f.audiences)],
    [c.data.vocabularies.get("topics").labels[lang], vocabItems("topics", "topic", f.topics)],
    [c.data.vocabularies.get("policy-areas").labels[lang], vocabItems("policy-areas", "policy-area", f.policyAreas, false)],
    [c.data.vocabularies.get("mnr-capabilities").labels[lang], vocabItems("mnr-capabilities", "mnr", f.mnrCapabilities, false)],
    [m.sdgTargets, f.sdgTargets && f.sdgTargets.length > 0 ? formatList(lang, f.sdgTargets) : undefined],
    [m.contact, f.contact ? contactBlock(f.contact) : undefined],
  ];
  return html`<dl>
${rows.filter(([, value]) => value !== undefined && value !== "").map(([term, value]) => html`<dt>${term}</dt> <dd>${value}</dd>\n`)}</dl>`;
}

/** "Confirmed by Kenya on 3 November 2026", or who has not confirmed it yet (the owner). */
function confirmationText(c: PageContext, entry: SiteEntry): string {
  const confirmedBy = entry.facts.provenance.confirmedBy ?? [];
  const byId = ownerLookups(c.data).byId;
  const names = (ids: readonly string[]) =>
    formatList(
      c.lang,
      ids.map((id) => byId.get(id)?.names[c.lang] ?? id),
    );
  if (confirmedBy.length === 0 || !entry.facts.provenance.confirmedOn) return c.m.notYetConfirmedBy(names([entry.owner.id]));
  return c.m.confirmedByOn(names(confirmedBy), formatDate(c.lang, entry.facts.provenance.confirmedOn));
}

/**
 * The owners by id (for who confirmed an entry) and the country owners by ISO code: made once per
 * build, not once per entry page.
 */
const ownerLookups = perObject((data: SiteData): { byId: Map<string, SiteOwner>; byCountry: Map<string, SiteOwner> } => ({
  byId: new Map(data.owners.map((owner) => [owner.id, owner])),
  byCountry: new Map(data.owners.filter((o) => o.iso3).map((o) => [o.iso3!, o])),
}));

/** An organisation's public contact: a web page, a mailbox, a phone number. */
export function contactBlock(contact: Contact): Html {
  const parts: Html[] = [];
  if (contact.organisation) parts.push(html`<bdi>${contact.organisation}</bdi>`);
  if (contact.url) parts.push(externalLink(contact.url, new URL(contact.url).hostname));
  if (contact.email) parts.push(html`<a href="mailto:${contact.email}">${contact.email}</a>`);
  if (contact.phone) parts.push(html`<span dir="ltr">${contact.phone}</span>`);
  return html`${parts.map((p, i) => html`${i > 0 ? html`<br>` : ""}${p}`)}`;
}

function relatedSection(c: PageContext, entry: SiteEntry): Html {
  const related = (entry.facts.related ?? []).map((link) => c.data.byPermalink.get(link)).filter((e): e is SiteEntry => !!e);
  if (related.length === 0) return html``;
  return html`<section aria-labelledby="related-heading">
<h2 id="related-heading">${c.m.related}</h2>
<ul>${related.map((other) => html`<li><a href="${c.url(pagePath.entry(c.lang, other))}">${entryTitle(c, other)}</a> (${c.ownerName(other.owner)})</li>`)}</ul>
</section>`;
}

function languagesList(c: PageContext, entry: SiteEntry): Html {
  const items = [...entry.narratives.values()].sort((a, b) => (a.status === "original" ? -1 : b.status === "original" ? 1 : a.lang.localeCompare(b.lang)));
  return html`<ul class="languages-of-entry">
${items.map((narrative) => {
  const status = narrative.status === "original" ? c.m.original : c.label("translation-methods", narrative.status);
  const name = c.languageName(narrative.lang);
  const isUi = (UN_LANGUAGES as readonly string[]).includes(narrative.lang);
  return html`<li>${isUi ? html`<a href="${c.url(pagePath.entry(narrative.lang as UnLanguage, entry))}" hreflang="${narrative.lang}">${name}</a>` : name}: ${status}${
    narrative.outOfDate ? html` · <strong class="out-of-date">${c.m.outOfDate}</strong>` : ""
  }</li>\n`;
})}</ul>`;
}

function historyList(c: PageContext, entry: SiteEntry): Html {
  const { m, lang, config } = c;
  const repo = config.repositoryUrl;
  const commitLink = (change: Change) =>
    html`${formatDate(lang, change.date)}${repo ? html` (<a href="${repo}/commit/${change.sha}" rel="noopener noreferrer"><code>${change.sha.slice(0, 7)}</code></a>)` : ""}`;
  const rows: Html[] = [];
  const { added, updated } = entry.provenance;
  if (!c.data.history.available || (!added && !updated)) rows.push(html`<p>${c.data.history.available ? m.notCommitted : m.historyIncomplete}</p>`);
  const dl: Html[] = [];
  if (added) dl.push(html`<dt>${m.firstAdded}</dt> <dd>${commitLink(added)}</dd>`);
  else if (updated && c.data.history.shallow) rows.push(html`<p>${m.historyIncomplete}</p>`);
  if (updated && updated.sha !== added?.sha) dl.push(html`<dt>${m.lastUpdated}</dt> <dd>${commitLink(updated)}</dd>`);
  const last = updated ?? added;
  if (last?.pullRequest !== undefined) {
    dl.push(
      html`<dt>${m.pullRequest}</dt> <dd>${repo ? html`<a href="${repo}/pull/${last.pullRequest}" rel="noopener noreferrer">#${last.pullRequest}</a>` : html`#${last.pullRequest}`}</dd>`,
    );
  }
  if (last && last.approvers.length > 0) {
    dl.push(html`<dt>${m.approvedBy}</dt> <dd><ul>${last.approvers.map((who) => html`<li><bdi dir="ltr">${who}</bdi></li>`)}</ul></dd>`);
  }
  if (repo) {
    dl.push(
      html`<dt>${m.viewFile}</dt> <dd><a href="${repo}/tree/${config.branch}/${entry.dir}" rel="noopener noreferrer" dir="ltr">${entry.dir}</a></dd>`,
      html`<dt>${m.viewHistory}</dt> <dd><a href="${repo}/commits/${config.branch}/${entry.dir}" rel="noopener noreferrer">${m.viewHistory}</a></dd>`,
    );
  }
  return html`${rows}${dl.length > 0 ? html`<dl class="history">${join(dl, "\n")}</dl>` : ""}`;
}

/** "Suggest a correction" (the correction form, filled in) and "Edit on GitHub" (the text shown). */
function improveSection(c: PageContext, entry: SiteEntry, shownLang: string): Html {
  const repo = c.config.repositoryUrl;
  if (!repo) return html``;
  return html`<section class="improve" aria-labelledby="improve-heading" data-pagefind-ignore>
<h2 id="improve-heading">${c.m.improveEntry}</h2>
<p>${c.m.improveEntryHelp}</p>
<ul class="actions">
<li><a href="${correctionFormUrl(repo, entry.permalink, narrativeFor(entry, entry.original).title, c.lang)}" class="button" rel="noopener noreferrer">${c.m.suggestCorrection}</a></li>
<li><a href="${editFileUrl(repo, c.config.branch, `${entry.dir}/${shownLang}.md`)}" rel="noopener noreferrer">${c.m.editOnGitHub}</a></li>
</ul>
</section>`;
}

/** A suggested citation and the permalink, in plain text that can be copied. */
export function citationText(c: PageContext, entry: SiteEntry): { text: string; url: string } {
  const narrative = narrativeFor(entry, c.lang);
  const url = absoluteUrl(c.config.siteUrl, pagePath.entry(c.lang, entry));
  const who = entry.owner.names[c.lang];
  const year = entry.provenance.updated?.date.slice(0, 4) ?? (entry.year === undefined ? "n.d." : String(entry.year));
  const accessed = c.config.now.toISOString().slice(0, 10);
  return { text: `${who} (${year}). ${narrative.title}. COP Atlas. ${url} (${c.m.accessedOn} ${accessed}).`, url };
}

function citation(c: PageContext, entry: SiteEntry): Html {
  const { text, url } = citationText(c, entry);
  return html`<p>${c.m.citationIntro}</p>
<blockquote class="cite-text"><p>${text}</p></blockquote>
<dl>
<dt>${c.m.permalink}</dt> <dd><a href="${c.url(pagePath.entry(c.lang, entry))}" dir="ltr">${url}</a></dd>
<dt>JSON</dt> <dd><a href="${c.url(apiPath.entry(entry))}" type="application/json">${c.m.downloadEntry}</a></dd>
</dl>`;
}
