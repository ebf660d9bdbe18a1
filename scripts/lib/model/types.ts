/**
 * The data model of everything COP Atlas publishes: the site, the open data API and the
 * annual report all read these types, and nothing else. The facts are the generated types of
 * the schemas (scripts/lib/types/data.generated.ts, `npm run types`), so adding a field is:
 * edit the schema, run `npm run types`, follow the compiler.
 */

import type { SchemaCatalog } from "../schema/catalog.ts";
import type {
  Activity,
  Contact,
  CountryProfile,
  Link,
  NarrativeFrontmatter,
  Organisation,
  OrganisationProfile,
  TranslationMethod,
} from "../types/data.generated.ts";
import type { UnLanguage, Vocabularies } from "../vocab.ts";
import type { EntryProvenance, History } from "./provenance.ts";

export type { Activity, Contact, CountryProfile, Link, NarrativeFrontmatter, Organisation, OrganisationProfile };

/** How a narrative came to be in its language: the original, or a translation by one of the methods. */
export type NarrativeStatus = "original" | TranslationMethod;

/** One <lang>.md, ready to render. */
export interface SiteNarrative {
  lang: string;
  title: NarrativeFrontmatter["title"];
  summary: NarrativeFrontmatter["summary"];
  /** The Markdown body (rendered by site/markdown.ts). */
  body: string;
  status: NarrativeStatus;
  /** A translation whose original changed after it was made. */
  outOfDate: boolean;
  /** The fingerprint of this text (originals only: what translations name). */
  version?: string;
  /** The version of the original a translation translates. */
  translates?: string;
}

/** A country or an organisation, with its profile. */
export interface SiteOwner {
  type: "country" | "organization";
  /** "rwa" or "eu": the folder name, validated. */
  id: string;
  /** "countries/rwa". */
  dir: string;
  /** The name in each interface language (countries from the vocabulary; organisations from their profile). */
  names: Record<UnLanguage, string>;
  /** The language each name is really in (an organisation without a French name shows its English one). */
  nameLangs: Record<UnLanguage, string>;
  acronym?: OrganisationProfile["acronym"];
  /** ISO alpha-3 in capitals, countries only. */
  iso3?: string;
  region?: CountryProfile["region"];
  regions?: NonNullable<OrganisationProfile["regions"]>;
  category?: OrganisationProfile["category"];
  level?: OrganisationProfile["level"];
  links: Link[];
  contact?: Contact;
  /** The GitHub logins of the designated reviewers on the built branch (countries and organisations). */
  reviewers: string[];
  entries: SiteEntry[];
}

/** An entry, ready to render. */
export interface SiteEntry {
  owner: SiteOwner;
  slug: string;
  /** "rwa/national-cop-policy-2019". */
  permalink: string;
  /** "countries/rwa/activities/national-cop-policy-2019". */
  dir: string;
  /** activity.json, as the schema guarantees it once validation passed. */
  facts: Activity;
  narratives: Map<string, SiteNarrative>;
  /** The original language (the authority). */
  original: string;
  /** The year it started, when known: what the year filter uses. */
  year: number | undefined;
  /** ISO alpha-3 codes of every country it concerns. */
  countries: string[];
  /** ITU-D regions of those countries (or of the organisation). */
  regions: string[];
  provenance: EntryProvenance;
  /** Files in the folder, for the API and the links to GitHub. */
  files: string[];
}

/** Everything the site, the open data and the report are made of. */
export interface SiteData {
  /** The schemas and vocabularies: ask it for a schema, a vocabulary or where a `$ref` leads. */
  catalog: SchemaCatalog;
  vocabularies: Vocabularies;
  /** Schema documents by file name ("activity.schema.json", "vocab/topics.json"), as published. */
  schemas: ReadonlyMap<string, Record<string, unknown>>;
  owners: SiteOwner[];
  entries: SiteEntry[];
  byPermalink: Map<string, SiteEntry>;
  history: History;
}
