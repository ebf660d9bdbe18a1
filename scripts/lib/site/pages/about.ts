import { confirmationOf } from "../../model/queries.ts";
import { pagePath } from "../../model/urls.ts";
import type { PageContext } from "../../present/context.ts";
import { html } from "../../present/html.ts";
import { figures } from "../components.ts";
import { renderPage } from "../layout.ts";

/**
 * The About page: who runs the atlas, how entries are compiled and confirmed, its governance
 * and how to reach the people behind it. The figures are the data's own, so the page never
 * claims more confirmation than there is.
 */
export function renderAboutPage(c: PageContext): string {
  const { m, lang, data } = c;
  const repo = c.config.repositoryUrl;
  const confirmed = data.entries.filter((e) => confirmationOf(e) === "confirmed").length;
  const body = html`<h1>${m.aboutTitle}</h1>
<p class="lead">${m.aboutIntro}</p>
<section aria-labelledby="about-who">
<h2 id="about-who">${m.aboutWhoTitle}</h2>
<p>${m.aboutWho}</p>
</section>
<section aria-labelledby="about-how">
<h2 id="about-how">${m.aboutHowTitle}</h2>
<p>${m.aboutHow}</p>
</section>
<section aria-labelledby="about-confirm">
<h2 id="about-confirm">${m.aboutConfirmTitle}</h2>
<p>${m.aboutConfirm}</p>
${figures(c, [
  [data.entries.length, m.figureEntries],
  [confirmed, m.figureConfirmed],
])}
</section>
<section aria-labelledby="about-governance">
<h2 id="about-governance">${m.aboutGovernanceTitle}</h2>
<p>${m.aboutGovernance}</p>
${repo ? html`<p><a href="${repo}/blob/${encodeURIComponent(c.config.branch)}/GOVERNANCE.md" hreflang="en" rel="noopener noreferrer">${m.aboutGovernanceLink}</a></p>` : ""}
<p>${m.footerLicence}</p>
</section>
<section aria-labelledby="about-contact">
<h2 id="about-contact">${m.aboutContactTitle}</h2>
<ul class="contact-links">
${repo ? html`<li><a href="${repo}/discussions" rel="noopener noreferrer">${m.aboutContactQuestions}</a></li>` : ""}
<li><a href="${c.url(pagePath.browse(lang))}">${m.aboutContactCorrection}</a></li>
${repo ? html`<li><a href="${repo}/security/advisories/new" rel="noopener noreferrer">${m.aboutContactSecurity}</a></li>` : ""}
</ul>
</section>`;
  return renderPage(c, { title: m.aboutTitle, description: m.aboutIntro, body, alternate: (other) => pagePath.about(other), section: "about" });
}
