import { confirmationOf, narrativeFor } from "../model/queries.ts";
import type { Link, SiteEntry, SiteOwner } from "../model/types.ts";
import { pagePath } from "../model/urls.ts";
import type { PageContext } from "../present/context.ts";
import { externalLink, type Html, html, trusted } from "../present/html.ts";
import { formatDate, formatNumber } from "../present/i18n.ts";

/** The small confirmation badge of lists and entry pages. */
export function confirmationBadge(c: PageContext, entry: SiteEntry): Html {
  const state = confirmationOf(entry);
  return html`<span class="badge badge-${state}">${c.label("confirmation", state)}</span>`;
}

/** An entry's title in the reader's language (or its original), marked with its language. */
export function entryTitle(c: PageContext, entry: SiteEntry): Html {
  const narrative = narrativeFor(entry, c.lang);
  return narrative.lang === c.lang ? html`${narrative.title}` : html`<span lang="${narrative.lang}" dir="${c.dir(narrative.lang)}">${narrative.title}</span>`;
}

/**
 * A list of entries as cards. The cards carry no filter data: at tens of thousands of entries
 * that repeated on every list page dominated the site's size; the browse filters use the
 * browse index instead (browse-index.ts). site.js renders the same markup from that index.
 */
export function entryList(c: PageContext, entries: readonly SiteEntry[], headingLevel: 2 | 3 = 3): Html {
  if (entries.length === 0) return html`<p class="empty">${c.m.noEntries}</p>`;
  const heading = trusted(headingLevel === 2 ? "h2" : "h3");
  return html`<ul class="entries">
${entries.map((entry) => {
  const narrative = narrativeFor(entry, c.lang);
  const summaryLang = narrative.lang === c.lang ? "" : html` lang="${narrative.lang}" dir="${c.dir(narrative.lang)}"`;
  return html`<li class="entry">
<${heading} class="entry-title"><a href="${c.url(pagePath.entry(c.lang, entry))}">${entryTitle(c, entry)}</a></${heading}>
<p class="entry-meta">${c.ownerName(entry.owner)} · <span class="kind kind-${entry.facts.kind}">${c.label("kinds", entry.facts.kind)}</span> · ${c.label("types", entry.facts.type)}${entry.facts.start ? ` · ${formatDate(c.lang, entry.facts.start)}` : ""} ${confirmationBadge(c, entry)}</p>
<p class="entry-summary"${summaryLang}>${narrative.summary}</p>
</li>
`;
})}</ul>`;
}

/** A country or organisation link with its entry count. */
export function ownerLink(c: PageContext, owner: SiteOwner): Html {
  return html`<a href="${c.url(pagePath.owner(c.lang, owner))}">${c.ownerName(owner)}</a> <span class="count">(${c.m.entriesCount(owner.entries.length)})</span>`;
}

/** The source links of an entry or profile. */
export function linkList(c: PageContext, links: readonly Link[]): Html {
  return html`<ul class="links">
${links.map((link) => {
  let host = link.url;
  try {
    host = new URL(link.url).hostname;
  } catch {}
  const text = link.title ?? host;
  return html`<li><bdi>${externalLink(link.url, text, link.language ? { hreflang: link.language } : undefined)}</bdi> <span class="link-type">(${c.label("link-types", link.type)}${
    link.language ? html`, ${c.languageName(link.language)}` : ""
  }${link.accessed ? html`, ${c.m.accessedOn} ${formatDate(c.lang, link.accessed)}` : ""})</span></li>\n`;
})}</ul>`;
}

/** Figures in a definition list. */
export function figures(c: PageContext, items: Array<[number, string]>): Html {
  return html`<dl class="figures">
${items.map(([value, label]) => html`<div><dt>${label}</dt><dd>${formatNumber(c.lang, value)}</dd></div>\n`)}</dl>`;
}
