import { formatMessage } from "../../i18n/messages.ts";
import { apiPath, pagePath } from "../../model/urls.ts";
import { apiFields, dataDescriptions } from "../../open-data/api-docs.ts";
import { API_SCHEMAS } from "../../open-data/api-schemas.ts";
import { OPENAPI_PATH } from "../../open-data/openapi.ts";
import type { PageContext } from "../../present/context.ts";
import { html } from "../../present/html.ts";
import { renderPage } from "../layout.ts";
import { cellIn, csvDictionary } from "./data.ts";

/** Each API file kind the page documents: where the files are and the schema that describes them. */
export const API_FILES: ReadonlyArray<{ schema: keyof typeof API_SCHEMAS; file: string }> = [
  { schema: "index", file: apiPath.index() },
  { schema: "activities", file: apiPath.activities() },
  { schema: "activity", file: "api/v1/activities.json → activities[]" },
  { schema: "activity-file", file: "api/v1/activities/<owner>/<slug>.json" },
  { schema: "owner", file: "api/v1/countries/<iso3>.json, api/v1/organizations/<id>.json" },
  { schema: "vocabularies", file: apiPath.vocabularies() },
  { schema: "vocabulary", file: "api/v1/vocabularies/<name>.json" },
];

/**
 * The API and downloads page: every field of every API file, generated from the published API
 * schemas (and, for the facts an activity shares with activity.json, from the data schema), so
 * that the page says what the files hold and cannot drift from them.
 */
export function renderApiPage(c: PageContext): string {
  const { m, lang } = c;
  const fromData = dataDescriptions(c.data.catalog, "activity.schema.json");
  const body = html`<nav class="breadcrumb" aria-label="${m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.data(lang))}">${m.dataTitle}</a></li>
<li><a href="${c.url(pagePath.api(lang))}" aria-current="page">${m.apiTitle}</a></li>
</ol></nav>
<h1>${m.apiTitle}</h1>
<p class="lead">${m.apiIntro}</p>
<section aria-labelledby="api-files">
<h2 id="api-files">${m.apiFilesTitle}</h2>
<ul class="downloads">
<li><a href="${c.url(OPENAPI_PATH)}" type="application/json" dir="ltr">${OPENAPI_PATH}</a> (OpenAPI 3.1)</li>
<li><a href="${c.url(apiPath.csv())}" type="text/csv" dir="ltr">${apiPath.csv()}</a></li>
${API_FILES.map(({ schema, file }) => html`<li><a href="#api-${schema}" dir="ltr">${file}</a></li>\n`)}</ul>
${csvDictionary(c)}
</section>
<section aria-labelledby="api-fields">
<h2 id="api-fields">${m.apiFieldsTitle}</h2>
${API_FILES.map(({ schema, file }) => {
  const document = API_SCHEMAS[schema] as unknown as Record<string, unknown>;
  const fields = apiFields(document, schema === "activity" ? fromData : undefined, lang);
  return html`<section aria-labelledby="api-${schema}">
<h3 id="api-${schema}" dir="ltr"><code>${file}</code></h3>
<p>${formatMessage(lang, `api.schema.${schema}`)} · <a href="${c.url(apiPath.apiSchema(schema))}" type="application/schema+json" dir="ltr">${m.apiSchema}</a></p>
<div class="table-wrap" role="region" aria-labelledby="api-${schema}" tabindex="0">
<table>
<thead><tr><th scope="col">${m.field}</th><th scope="col">${m.valueType}</th><th scope="col">${m.required}</th><th scope="col">${m.description}</th></tr></thead>
<tbody>
${fields.map(
  (f) =>
    html`<tr><th scope="row" dir="ltr"><code>${f.path}</code></th><td${f.literal ? html` dir="ltr"` : ""}>${f.type}</td><td>${f.required ? m.yes : m.no}</td>${cellIn(c, f.descriptionLang, f.description)}</tr>\n`,
)}</tbody>
</table>
</div>
</section>
`;
})}</section>`;
  return renderPage(c, { title: m.apiTitle, body, alternate: (other) => pagePath.api(other), section: "data" });
}
