import type { SiteData } from "../model/types.ts";
import { absoluteUrl, apiPath, pagePath } from "../model/urls.ts";
import { DEFAULT_LANGUAGE } from "../open-data/sitemap.ts";
import { nativeName, type PageContext } from "../present/context.ts";
import { type Html, html, trusted } from "../present/html.ts";
import { formatDate } from "../present/i18n.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";

/**
 * The Content-Security-Policy of every page (checklist item 26), as a <meta> because GitHub
 * Pages cannot send headers. Pagefind runs its WebAssembly search engine in a worker
 * (pagefind-worker.js), which a <meta> policy does not reach; but when workers are unavailable
 * it compiles the WebAssembly on the page, and a server that sends this policy as a header
 * would apply it to the worker too. Both need 'wasm-unsafe-eval', which allows WebAssembly
 * compilation only, never JavaScript eval. Everything else comes from the site itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/**
 * The policy as the <meta> of every page carries it: its single quotes need no escape inside a
 * double-quoted attribute, and escaping them cost 100 bytes a page (about 1 KiB per entry).
 */
export const CSP_ATTRIBUTE = trusted(CONTENT_SECURITY_POLICY.replaceAll("&", "&amp;").replaceAll('"', "&quot;"));

export interface PageOptions {
  title: string;
  description?: string;
  body: Html;
  /** The same page in another interface language (for the switcher and hreflang). */
  alternate: (lang: UnLanguage) => string;
  /** Which navigation item is current. */
  section?: "home" | "browse" | "directory" | "compare" | "youth" | "search" | "data" | "vocabularies" | "reports" | "about";
  /**
   * Pages that Pagefind indexes (entries and profiles), with what a search result for the page
   * is: its type (a filter) and the words the results list shows above its title.
   */
  searchable?: { type: "entry" | "profile"; kind: string };
  /** A print stylesheet is always linked; `printable` marks pages meant to be printed. */
  printable?: boolean;
  /** An Atom feed about this page. */
  feed?: string;
}

const UPDATED = new WeakMap<SiteData, string>();

/**
 * When the data last changed: the newest change to any entry in the history, or the build's
 * date when there is no history (a download without git). Computed once per build.
 */
export function dataUpdated(data: SiteData, now: Date): string {
  let date = UPDATED.get(data);
  if (date === undefined) {
    date = "";
    for (const entry of data.entries) {
      const changed = entry.provenance.updated?.date ?? entry.provenance.added?.date ?? "";
      if (changed > date) date = changed;
    }
    date = (date || now.toISOString()).slice(0, 10);
    UPDATED.set(data, date);
  }
  return date;
}

/** The whole HTML document of a page, with its header, navigation and footer. */
export function renderPage(c: PageContext, options: PageOptions): string {
  const { m, lang } = c;
  const nav: Array<[NonNullable<PageOptions["section"]>, string, string]> = [
    ["home", pagePath.home(lang), m.navHome],
    ["browse", pagePath.browse(lang), m.navBrowse],
    ["directory", pagePath.directory(lang), m.navOwners],
    ["compare", `${lang}/compare/index.html`, m.navCompare],
    ["youth", pagePath.youth(lang), m.navYouth],
    ["search", pagePath.search(lang), m.navSearch],
    ["data", pagePath.data(lang), m.navData],
    ["reports", pagePath.reports(lang), m.navReports],
    ["about", pagePath.about(lang), m.navAbout],
  ];
  const title = options.section === "home" ? m.homeTitle(m.siteName, m.tagline) : m.pageTitle(options.title, m.siteName);
  const doc = html`<!doctype html>
<html lang="${lang}" dir="${c.dir(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP_ATTRIBUTE}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ""}
<link rel="icon" href="${c.url("assets/favicon.svg")}" type="image/svg+xml">
<link rel="stylesheet" href="${c.url("assets/site.css")}">
${
  // Absolute, as search engines require for canonical and alternate links; a not-found page has no address of its own.
  c.path.endsWith("404.html")
    ? ""
    : html`<link rel="canonical" href="${absoluteUrl(c.config.siteUrl, c.path)}">
${UN_LANGUAGES.map((other) => html`<link rel="alternate" hreflang="${other}" href="${absoluteUrl(c.config.siteUrl, options.alternate(other))}">\n`)}<link rel="alternate" hreflang="x-default" href="${absoluteUrl(c.config.siteUrl, options.alternate(DEFAULT_LANGUAGE))}">\n`
}<link rel="alternate" type="application/atom+xml" title="${m.siteName}" href="${c.url(options.feed ?? apiPath.feedAll(lang))}">
<script src="${c.url("assets/site.js")}" defer></script>
</head>
<body${options.printable ? html` class="printable"` : ""}>
<a class="skip-link" href="#main">${m.skipToContent}</a>
<header class="site-header">
<div class="bar">
<a class="brand" href="${c.url(pagePath.home(lang))}"><span class="brand-name">${m.siteName}</span> <span class="brand-tagline">${m.tagline}</span></a>
<button type="button" class="menu-toggle" aria-expanded="false" aria-controls="site-languages site-nav">${m.menu}</button>
<nav class="languages" id="site-languages" aria-label="${m.languageSwitcher}">
<ul>
${UN_LANGUAGES.map(
  (other) =>
    html`<li><a href="${c.url(options.alternate(other))}" lang="${other}" hreflang="${other}"${other === lang ? html` aria-current="true"` : ""}>${nativeName(c.data, other)}</a></li>\n`,
)}</ul>
</nav>
</div>
<nav class="main-nav" id="site-nav" aria-label="${m.mainNavigation}">
<ul>
${nav.map(
  ([key, path, label]) =>
    html`<li><a href="${c.url(path)}"${path === c.path ? html` aria-current="page"` : options.section === key ? html` aria-current="true"` : ""}>${label}</a></li>\n`,
)}</ul>
</nav>
</header>
<main id="main" tabindex="-1"${
    options.searchable
      ? html` data-pagefind-body data-pagefind-filter="type[data-result-type]" data-result-type="${options.searchable.type}" data-pagefind-meta="kind[data-result-kind]" data-result-kind="${options.searchable.kind}"`
      : ""
  }>
${options.body}
</main>
<footer class="site-footer">
<p>${m.footerAbout}</p>
<p><a href="${c.url(pagePath.data(lang))}">${m.navData}</a> · <a href="${c.url(pagePath.vocabularies(lang))}">${m.navVocabularies}</a> · <a href="${c.url(apiPath.feedAll(lang))}">${m.feeds}</a>${
    c.config.repositoryUrl ? html` · <a href="${c.config.repositoryUrl}" rel="noopener noreferrer">${m.sourceCode}</a>` : ""
  }</p>
<p>${m.footerLicence}</p>
<p class="data-updated">${m.dataUpdated(formatDate(lang, dataUpdated(c.data, c.config.now)))}</p>
</footer>
</body>
</html>
`;
  return doc.value;
}
