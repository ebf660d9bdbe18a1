import { confirmationOf, narrativeFor } from "../model/queries.ts";
import type { Link, SiteEntry, SiteOwner } from "../model/types.ts";
import { pagePath } from "../model/urls.ts";
import type { PageContext } from "../present/context.ts";
import { externalLink, type Html, html, join, trusted } from "../present/html.ts";
import { formatDate, formatNumber } from "../present/i18n.ts";
import type { UnLanguage } from "../vocab.ts";

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
 * Without `summaries` a card is its title and facts only: the static list of each facet value
 * (about twelve per entry, in six languages) repeated every summary there, a third of the
 * whole site's bytes; the summary is one click away, on the entry's page.
 */
export function entryList(c: PageContext, entries: readonly SiteEntry[], headingLevel: 2 | 3 = 3, { summaries = true }: { summaries?: boolean } = {}): Html {
  if (entries.length === 0) return html`<p class="empty">${c.m.noEntries}</p>`;
  const heading = trusted(headingLevel === 2 ? "h2" : "h3");
  return html`<ul class="entries">
${entries.map((entry) => {
  const narrative = narrativeFor(entry, c.lang);
  const summaryLang = narrative.lang === c.lang ? "" : html` lang="${narrative.lang}" dir="${c.dir(narrative.lang)}"`;
  return html`<li class="entry">
<${heading} class="entry-title"><a href="${c.url(pagePath.entry(c.lang, entry))}">${entryTitle(c, entry)}</a></${heading}>
<p class="entry-meta">${c.ownerName(entry.owner)} · <span class="kind kind-${entry.facts.kind}">${c.label("kinds", entry.facts.kind)}</span> · ${c.label("types", entry.facts.type)}${entry.facts.start ? ` · ${formatDate(c.lang, entry.facts.start)}` : ""} ${confirmationBadge(c, entry)}</p>
${summaries ? html`<p class="entry-summary"${summaryLang}>${narrative.summary}</p>\n` : ""}</li>
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

/** Key figures, each a count in words that agree with it ("1 запись", "5 записей"), written by the catalogs' plurals. */
export function figures(c: PageContext, items: Array<[number, (count: number) => string]>): Html {
  return html`<ul class="figures">
${items.map(([value, phrase]) => html`<li>${withNumberSetApart(phrase(value), formatNumber(c.lang, value))}</li>\n`)}</ul>`;
}

/**
 * A figure's phrase with its number in its own element, to be set large. The number is where
 * the language's plural form put it ("21 запись", "مدخلًا 11"); a form without digits ("مدخلان",
 * two entries) stays whole.
 */
function withNumberSetApart(phrase: string, number: string): Html {
  const at = phrase.indexOf(number);
  if (at < 0) return html`<span class="figure-words">${phrase}</span>`;
  const before = phrase.slice(0, at).trim();
  const after = phrase.slice(at + number.length).trim();
  return html`${before ? html`<span class="figure-words">${before}</span>` : ""}<span class="figure-number">${number}</span>${after ? html`<span class="figure-words">${after}</span>` : ""}`;
}

/** Whole numbers to find a sample of each plural category among, the millions included (French and Spanish "many"). */
const PLURAL_SAMPLES = [...Array.from({ length: 200 }, (_, i) => i), 1_000_000];

/**
 * A counted message for the browser's script: `data-count-<category>` attributes, one per plural
 * category of the language, each the message for a number of that category with "#" where the
 * number goes. The script chooses among them with Intl.PluralRules, so "5 записей" and "21 запись"
 * agree with their numbers after filtering too.
 */
export function pluralAttributes(lang: UnLanguage, format: (count: number) => string): Html {
  const rules = new Intl.PluralRules(lang);
  const templates = new Map<string, string>();
  for (const n of PLURAL_SAMPLES) {
    const category = rules.select(n);
    if (templates.has(category)) continue;
    templates.set(category, format(n).replace(formatNumber(lang, n), "#"));
  }
  return join([...templates].map(([category, template]) => html` data-count-${category}="${template}"`));
}
