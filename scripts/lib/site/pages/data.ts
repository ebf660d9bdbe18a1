import { formatMessage } from "../../i18n/messages.ts";
import { apiPath, pagePath } from "../../model/urls.ts";
import { typeWords } from "../../open-data/api-docs.ts";
import { type CsvColumn, csvColumns, titleLanguages } from "../../open-data/csv.ts";
import { OPENAPI_PATH } from "../../open-data/openapi.ts";
import { SCHEMA_INDEX_PATH } from "../../open-data/schema-index.ts";
import type { PageContext } from "../../present/context.ts";
import { type Html, html } from "../../present/html.ts";
import type { SchemaCatalog } from "../../schema/catalog.ts";
import { describedIn, descriptionTexts, type Texts } from "../../schema/descriptions.ts";
import { UN_LANGUAGES, type UnLanguage } from "../../vocab.ts";
import { renderPage } from "../layout.ts";

/** The file kinds the data dictionary documents, with their schema file. */
export const DICTIONARY: Array<{ kind: string; schema: string; file: string }> = [
  { kind: "activity", schema: "activity.schema.json", file: "activities/<slug>/activity.json" },
  { kind: "narrative", schema: "narrative.schema.json", file: "activities/<slug>/<lang>.md (frontmatter)" },
  { kind: "country", schema: "country.schema.json", file: "countries/<iso3>/country.json" },
  { kind: "organization", schema: "organization.schema.json", file: "organizations/<id>/organization.json" },
];

/** One row of the data dictionary: a field of a file kind. */
export interface DictionaryField {
  name: string;
  /** The type in words of the page's language. */
  type: string;
  /** The vocabulary a value comes from, by name ("topics"). */
  vocabulary?: string;
  required: boolean;
  description: string;
  /** The language `description` is written in: the page's, or English where the schema has no translation. */
  descriptionLang: UnLanguage;
}

type Schema = Record<string, unknown>;

/** Describes the fields of a schema (a file name under schemas/), following $refs through the catalog, in `lang`. */
export function dictionaryFields(catalog: SchemaCatalog, schemaFile: string, lang: UnLanguage = "en"): DictionaryField[] {
  const schema = catalog.files.get(schemaFile);
  if (!schema) return [];
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const resolve = (node: Schema, from: string): { node: Schema; from: string; vocabulary?: string } => {
    const ref = node.$ref;
    if (typeof ref !== "string") return { node, from };
    const target = catalog.resolve(ref, from);
    if (target.vocabulary) return { node, from, vocabulary: target.vocabulary.name };
    const inner = resolve(target.schema, target.file);
    return { ...inner, node: { ...inner.node, ...node, type: node.type ?? inner.node.type } };
  };
  // The field's own description first, else the one of what it refers to ($ref): each with all its languages.
  const texts = (raw: Schema, node: Schema) => descriptionTexts(raw) ?? descriptionTexts(node);
  const describe = (raw: Schema, from: string): { type: string; vocabulary?: string; texts?: Texts } => {
    const { node, vocabulary, from: at } = resolve(raw, from);
    if (vocabulary) return { type: typeWords(lang, "string"), vocabulary, ...withTexts(descriptionTexts(raw)) };
    if (node.type === "array" && node.items) {
      const item = describe(node.items as Schema, at);
      return {
        type: formatMessage(lang, "site.typeArrayOf", { type: item.type }),
        ...(item.vocabulary ? { vocabulary: item.vocabulary } : {}),
        ...withTexts(texts(raw, node)),
      };
    }
    const https = typeof node.pattern === "string" && (node.pattern as string).startsWith("^https");
    return { type: https ? formatMessage(lang, "site.typeHttpsUrl") : typeWords(lang, node.type), ...withTexts(texts(raw, node)) };
  };
  return Object.entries((schema.properties as Record<string, Schema>) ?? {}).map(([name, property]) => {
    const described = describe(property, schemaFile);
    const translated = described.texts?.[lang];
    return {
      name,
      type: described.type,
      ...(described.vocabulary ? { vocabulary: described.vocabulary } : {}),
      required: required.has(name),
      description: translated ?? described.texts?.en ?? "",
      descriptionLang: translated !== undefined ? lang : "en",
    };
  });
}

const withTexts = (texts: Texts | undefined): { texts?: Texts } => (texts ? { texts } : {});

/** A table cell with text in `textLang`: marked with its language and direction when it is not the page's. */
export function cellIn(c: PageContext, textLang: string, text: string): Html {
  return textLang === c.lang ? html`<td>${text}</td>` : html`<td lang="${textLang}" dir="${c.dir(textLang)}">${text}</td>`;
}

/** Open data: the stable download addresses and the data dictionary generated from the schemas. */
export function renderDataPage(c: PageContext): string {
  const { m, lang } = c;
  const downloads: Array<[string, string, string]> = [
    [apiPath.index(), "index.json", "application/json"],
    [apiPath.activities(), "activities.json", "application/json"],
    [apiPath.csv(), "activities.csv", "text/csv"],
    [apiPath.vocabularies(), "vocabularies.json", "application/json"],
    [apiPath.feedAll(lang), "all.atom", "application/atom+xml"],
    [OPENAPI_PATH, "openapi.json", "application/json"],
    [SCHEMA_INDEX_PATH, "schemas.json", "application/json"],
    ["sitemap.xml", "sitemap.xml", "application/xml"],
  ];
  const body = html`<h1>${m.dataTitle}</h1>
<p class="lead">${m.dataIntro}</p>
<section aria-labelledby="downloads-heading">
<h2 id="downloads-heading">${m.dataDownloads}</h2>
<p><a href="${c.url(pagePath.api(lang))}">${m.apiLink}</a></p>
<ul class="downloads">
${downloads.map(([path, name, type]) => html`<li><a href="${c.url(path)}" type="${type}" download="${name}" dir="ltr">${path}</a></li>\n`)}</ul>
<p dir="ltr"><code>api/v1/countries/&lt;iso3&gt;.json</code>, <code>api/v1/organizations/&lt;id&gt;.json</code>, <code>api/v1/activities/&lt;owner&gt;/&lt;slug&gt;.json</code>, <code>api/v1/feeds/&lt;lang&gt;/countries/&lt;iso3&gt;.atom</code>, <code>api/v1/schemas/</code></p>
<p>${m.licenceNote}</p>
</section>
<section aria-labelledby="dictionary-heading">
<h2 id="dictionary-heading">${m.dataDictionary}</h2>
${DICTIONARY.map(({ kind, schema, file }) => {
  const document = c.data.schemas.get(schema);
  const fields = dictionaryFields(c.data.catalog, schema, lang);
  const about = document ? describedIn(lang, document) : undefined;
  return html`<section aria-labelledby="dict-${kind}">
<h3 id="dict-${kind}" dir="ltr"><code>${file}</code></h3>
${about ? html`<p>${about}</p>` : ""}
<p><a href="${c.url(apiPath.schema(schema))}" type="application/schema+json" dir="ltr">${schema}</a></p>
<div class="table-wrap" role="region" aria-labelledby="dict-${kind}" tabindex="0">
<table>
<thead><tr><th scope="col">${m.field}</th><th scope="col">${m.valueType}</th><th scope="col">${m.required}</th><th scope="col">${m.description}</th></tr></thead>
<tbody>
${fields.map(
  (f) =>
    html`<tr><th scope="row" dir="ltr"><code>${f.name}</code></th><td>${f.type}${
      f.vocabulary
        ? html` (<a href="${c.url(pagePath.vocabulary(lang, f.vocabulary))}">${c.data.vocabularies.lists.get(f.vocabulary)?.labels[lang] ?? f.vocabulary}</a>)`
        : ""
    }</td><td>${f.required ? m.yes : m.no}</td>${cellIn(c, f.descriptionLang, f.description)}</tr>\n`,
)}</tbody>
</table>
</div>
</section>
`;
})}
${csvDictionary(c)}
</section>`;
  return renderPage(c, { title: m.dataTitle, body, alternate: (other) => pagePath.data(other), section: "data" });
}

/** What a column of activities.csv holds, in the page's language. */
export function csvColumnText(c: PageContext, column: CsvColumn): string {
  const { m } = c;
  const text = column.titleLanguage
    ? m["csvColumn.title"](c.languageName(column.titleLanguage))
    : (m as unknown as Readonly<Record<string, string | undefined>>)[`csvColumn.${column.name}`];
  if (text === undefined) throw new Error(`no site.csvColumn.${column.name} in the catalogs`);
  return column.list ? `${text} ${m.csvIsList}` : text;
}

/** The columns of activities.csv and how its list cells are encoded, in the page's language. */
export function csvDictionary(c: PageContext): Html {
  const { m } = c;
  return html`<section aria-labelledby="dict-csv">
<h3 id="dict-csv" dir="ltr"><code>${apiPath.csv()}</code></h3>
<p>${m.csvListEncoding}</p>
<div class="table-wrap" role="region" aria-labelledby="dict-csv" tabindex="0">
<table>
<thead><tr><th scope="col">${m.field}</th><th scope="col">${m.description}</th></tr></thead>
<tbody>
${csvColumns(titleLanguages(c.data.entries)).map(
  (column) => html`<tr><th scope="row" dir="ltr"><code>${column.name}</code></th><td>${csvColumnText(c, column)}</td></tr>\n`,
)}</tbody>
</table>
</div>
</section>
`;
}

/** The list of vocabularies. */
export function renderVocabulariesPage(c: PageContext): string {
  const { m, lang } = c;
  const lists = [...c.data.vocabularies.lists.values()];
  const body = html`<h1>${m.vocabulariesTitle}</h1>
<p class="lead">${m.vocabulariesIntro}</p>
<ul class="vocabularies">
${lists.map((list) => html`<li><a href="${c.url(pagePath.vocabulary(lang, list.name))}">${list.labels[lang] ?? list.title}</a> <span class="count">(${list.terms.size})</span></li>\n`)}</ul>`;
  return renderPage(c, { title: m.vocabulariesTitle, body, alternate: (other) => pagePath.vocabularies(other), section: "data" });
}

/** One vocabulary: every term with its identifier and its labels in the six languages. */
export function renderVocabularyPage(c: PageContext, name: string): string {
  const { m, lang } = c;
  const list = c.data.vocabularies.get(name);
  const title = list.labels[lang] ?? list.title;
  const others = UN_LANGUAGES.filter((l) => l !== lang);
  const body = html`<nav class="breadcrumb" aria-label="${c.m.breadcrumb}"><ol>
<li><a href="${c.url(pagePath.vocabularies(lang))}">${m.vocabulariesTitle}</a></li>
<li><a href="${c.url(pagePath.vocabulary(lang, name))}" aria-current="page">${title}</a></li>
</ol></nav>
<h1>${title}</h1>
<p><a href="${c.url(apiPath.vocabulary(name))}" type="application/json" dir="ltr">${apiPath.vocabulary(name)}</a></p>
<div class="table-wrap" role="region" aria-label="${title}" tabindex="0">
<table class="vocabulary">
<thead><tr><th scope="col">${m.identifier}</th><th scope="col">${m.term}</th>${others.map((l) => html`<th scope="col" lang="${l}">${c.languageName(l)}</th>`)}<th scope="col">${m.description}</th></tr></thead>
<tbody>
${[...list.terms.values()].map(
  (term) =>
    html`<tr><td dir="ltr"><code>${term.id}</code></td><th scope="row">${term.labels[lang]}</th>${others.map(
      (l) => html`<td lang="${l}" dir="${c.dir(l)}">${term.labels[l]}</td>`,
    )}${cellIn(c, term.descriptions?.[lang] !== undefined || lang === "en" ? lang : "en", describedIn(lang, term) ?? "")}</tr>\n`,
)}</tbody>
</table>
</div>`;
  return renderPage(c, { title, body, alternate: (other) => pagePath.vocabulary(other, name), section: "data" });
}

export type { Html };
