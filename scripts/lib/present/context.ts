import type { SiteConfig } from "../model/config.ts";
import type { SiteData, SiteOwner } from "../model/types.ts";
import { relativeUrl } from "../model/urls.ts";
import { UN_LANGUAGES, type UnLanguage } from "../vocab.ts";
import { type Html, html } from "./html.ts";
import { type Messages, messages } from "./i18n.ts";

/** What every template needs: the data, the configuration, the reader's language and where the page is. */
export interface PageContext {
  data: SiteData;
  config: SiteConfig;
  lang: UnLanguage;
  m: Messages;
  /** This page's path under dist/. */
  path: string;
  /** A relative URL from this page to another file of the site. */
  url(to: string): string;
  /** The label of a vocabulary term in the reader's language (the id itself if unknown). */
  label(list: string, id: string): string;
  /** The writing direction of a language. */
  dir(lang: string): "rtl" | "ltr";
  /** The name of a language in the reader's language. */
  languageName(lang: string): string;
  /** A country or organisation name in the reader's language, with its real language. */
  ownerName(owner: SiteOwner): Html;
}

/** Makes the context of one page. */
export function pageContext(data: SiteData, config: SiteConfig, lang: UnLanguage, path: string): PageContext {
  const m = messages(lang);
  const languages = data.vocabularies.get("languages");
  const dir = (code: string) => (languages.terms.get(code)?.meta?.dir === "rtl" ? "rtl" : "ltr");
  const context: PageContext = {
    data,
    config,
    lang,
    m,
    path,
    url: (to) => relativeUrl(path, to),
    label: (list, id) => data.vocabularies.lists.get(list)?.terms.get(id)?.labels[lang] ?? id,
    dir,
    languageName: (code) => languages.terms.get(code)?.labels[lang] ?? code,
    ownerName: (owner) => {
      const nameLang = owner.nameLangs[lang];
      return nameLang === lang ? html`${owner.names[lang]}` : html`<span lang="${nameLang}" dir="${dir(nameLang)}">${owner.names[lang]}</span>`;
    },
  };
  return context;
}

/** Native names of the six interface languages, for the language switcher. */
export function nativeName(data: SiteData, lang: UnLanguage): string {
  const term = data.vocabularies.get("languages").terms.get(lang);
  return (term?.meta?.native as string | undefined) ?? term?.labels[lang] ?? lang;
}

export { UN_LANGUAGES };
