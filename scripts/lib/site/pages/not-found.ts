import { pagePath } from "../../model/urls.ts";
import { nativeName, type PageContext } from "../../present/context.ts";
import { html } from "../../present/html.ts";
import { messages } from "../../present/i18n.ts";
import { UN_LANGUAGES } from "../../vocab.ts";
import { renderPage } from "../layout.ts";

/** Where each language's 404 page is; the root one is "404.html". */
export const notFoundPath = (lang: string) => `${lang}/404.html`;

/**
 * GitHub Pages answers a missing address with the root 404.html, served at that address: a
 * relative link would point somewhere else on every miss. So the links of a 404 page start
 * from the site's public path ("/cop-atlas/assets/site.css"), whatever the address asked for.
 */
export function notFoundContext(c: PageContext): PageContext {
  const base = new URL(c.config.siteUrl);
  return { ...c, url: (to) => new URL(to, base).pathname };
}

/**
 * A 404 page with the site's navigation. `everyLanguage` (the root page, which GitHub Pages
 * serves for any language) adds the message in the six languages, each leading to its home.
 */
export function renderNotFoundPage(c: PageContext, everyLanguage = false): string {
  const { m, lang } = c;
  const body = html`<h1>${m.notFoundTitle}</h1>
<p class="lead">${m.notFoundText}</p>
<ul class="not-found-links">
<li><a href="${c.url(pagePath.home(lang))}">${m.navHome}</a></li>
<li><a href="${c.url(pagePath.browse(lang))}">${m.navBrowse}</a></li>
<li><a href="${c.url(pagePath.directory(lang))}">${m.navOwners}</a></li>
<li><a href="${c.url(pagePath.search(lang))}">${m.navSearch}</a></li>
</ul>
${
  everyLanguage
    ? html`<ul class="language-chooser">${UN_LANGUAGES.filter((other) => other !== lang).map(
        (other) =>
          html`<li lang="${other}" dir="${c.dir(other)}"><a href="${c.url(pagePath.home(other))}" hreflang="${other}">${nativeName(c.data, other)}</a>: ${messages(other).notFoundTitle}</li>\n`,
      )}</ul>`
    : ""
}`;
  return renderPage(c, { title: m.notFoundTitle, body, alternate: (other) => notFoundPath(other) });
}
