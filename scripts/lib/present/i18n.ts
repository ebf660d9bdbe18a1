import type { UnLanguage } from "../vocab.ts";

/** The interface text of the site and the report, in each of the six UN languages. */
export interface Messages {
  siteName: string;
  tagline: string;
  skipToContent: string;
  mainNavigation: string;
  languageSwitcher: string;
  navHome: string;
  navBrowse: string;
  navOwners: string;
  navYouth: string;
  navSearch: string;
  navData: string;
  navVocabularies: string;
  navReports: string;
  homeIntro: string;
  homeWhy: string;
  keyFigures: string;
  figureEntries: string;
  figureCountries: string;
  figureOrganizations: string;
  figureGoodPractices: string;
  figureConfirmed: string;
  figureLanguages: string;
  mapTitle: string;
  mapDescription: (countries: number) => string;
  mapLegend: string;
  mapNone: string;
  /** Legend of the areas of unresolved status (Western Sahara, disputed areas), shaded for no country. */
  mapNeutral: string;
  latestEntries: string;
  allEntries: string;
  noEntries: string;
  browseTitle: string;
  browseIntro: string;
  filters: string;
  any: string;
  applyFilters: string;
  resetFilters: string;
  results: (n: number) => string;
  browseBy: string;
  filterCountry: string;
  filterRegion: string;
  filterYear: string;
  filterLanguage: string;
  ownersTitle: string;
  countries: string;
  organizations: string;
  entriesCount: (n: number) => string;
  region: string;
  profile: string;
  nationalFramework: string;
  entriesOf: (name: string) => string;
  proposeEntry: string;
  proposeEntryHelp: string;
  facts: string;
  start: string;
  end: string;
  /** Shown for a fact no source states, such as an unknown status. */
  notStated: string;
  /** The entry's owner has not confirmed it yet. */
  notYetConfirmedBy: (names: string) => string;
  confirmedByOn: (names: string, date: string) => string;
  countriesCovered: string;
  lead: string;
  partners: string;
  sdgTargets: string;
  sources: string;
  contact: string;
  related: string;
  translations: string;
  original: string;
  outOfDate: string;
  translationNote: (method: string, original: string) => string;
  outOfDateNote: (original: string) => string;
  fallbackNote: (wanted: string, shownIn: string) => string;
  /** On a page that has no text in its language: the summary is the original's, the full text is on another page. */
  summaryOnlyNote: (wanted: string, shownIn: string) => string;
  readFullText: (language: string) => string;
  provenance: string;
  firstAdded: string;
  lastUpdated: string;
  pullRequest: string;
  approvedBy: string;
  viewFile: string;
  viewHistory: string;
  /** The link that opens the correction form filled in with the entry. */
  suggestCorrection: string;
  notCommitted: string;
  historyIncomplete: string;
  cite: string;
  permalink: string;
  citationIntro: string;
  downloadEntry: string;
  accessedOn: string;
  youthTitle: string;
  youthIntro: string;
  vocabulariesTitle: string;
  vocabulariesIntro: string;
  term: string;
  identifier: string;
  description: string;
  dataTitle: string;
  dataIntro: string;
  dataDownloads: string;
  dataDictionary: string;
  field: string;
  valueType: string;
  required: string;
  yes: string;
  no: string;
  fileKind: string;
  feeds: string;
  licenceNote: string;
  searchTitle: string;
  searchLabel: string;
  searchButton: string;
  searchNeedsScript: string;
  searchNoResults: string;
  searchResults: (n: number) => string;
  reportsTitle: string;
  reportsIntro: string;
  reportTitle: (year: number) => string;
  reportIntro: (year: number) => string;
  /** How the data comes about, said truthfully in the report. */
  reportDataNote: (year: number) => string;
  reportConfirmed: string;
  reportUnconfirmed: string;
  reportSummary: string;
  entriesAdded: string;
  entriesUpdated: string;
  byRegion: string;
  byType: string;
  byTopic: string;
  contributors: string;
  youthParticipation: string;
  translationsMade: string;
  count: string;
  noneThisYear: string;
  footerAbout: string;
  footerLicence: string;
  sourceCode: string;
  countryLabel: string;
  organizationLabel: string;
  page: string;
  breadcrumb: string;
  regionUncertain: string;
  /** The label of a list's pagination bar. */
  pagination: string;
  previousPage: string;
  nextPage: string;
  /** "Page 2 of 7" (numbers already formatted). */
  pageOf: (page: string, total: string) => string;
  /** Where the filters are, on list pages after the first. */
  filtersOnFirstPage: string;
  /** Shown when the filter index cannot be loaded (for example a site opened from disk). */
  filtersUnavailable: string;
  /** While the filter index loads. */
  loadingEntries: string;
  /** On a country page: the link to every entry concerning the country. */
  allConcerning: (n: number) => string;
  /** A country's standing at the United Nations, on its page. */
  unStatus: (member: boolean) => string;
  unStatusTitle: string;
  /** A country page when the atlas has nothing of it yet. */
  countryNoEntries: (name: string) => string;
  /** The heading and texts of a country's designated reviewers. */
  reviewersTitle: string;
  reviewersNone: string;
  /** The call to contribute on a country page. */
  contributeTitle: (name: string) => string;
  contributeHelp: string;
  contributeButton: string;
  updateProfile: string;
  /** On an entry page: the correction form and the file in GitHub's editor. */
  improveEntry: string;
  editOnGitHub: string;
  improveEntryHelp: string;
  /** The 404 page. */
  notFoundTitle: string;
  notFoundText: string;
  /** The button that opens the navigation on a small screen. */
  menu: string;
  /** In the footer of every page: when the data last changed (a formatted date). */
  dataUpdated: (date: string) => string;
  /** When the chosen filters leave no entry: they are listed after it, with a reset button. */
  noMatch: string;
  /** The button that unfolds the browse filters on a small screen. */
  showFilters: string;
  /** The comparison of countries. */
  navCompare: string;
  compareIntro: string;
  compareOn: string;
  compareAllRegions: string;
  /** The table's caption: what is counted, for which countries. */
  compareCaption: (dimension: string, where: string) => string;
  compareHowToRead: string;
  compareTotal: string;
  downloadTableCsv: string;
  /** The browse list's sort order. */
  sortLabel: string;
  sortNewest: string;
  sortOldest: string;
  sortTitle: string;
  sortCountry: string;
  /** Before the links that download the filtered list. */
  downloadList: string;
  downloadCsv: string;
  downloadJson: string;
  downloadPreparing: string;
  downloadFailed: string;
  /** Under the download links: what the files hold. */
  downloadHelp: string;
  /** The About page. */
  navAbout: string;
  aboutTitle: string;
  aboutIntro: string;
  aboutWhoTitle: string;
  aboutWho: string;
  aboutHowTitle: string;
  aboutHow: string;
  aboutConfirmTitle: string;
  aboutConfirm: string;
  aboutGovernanceTitle: string;
  aboutGovernance: string;
  aboutGovernanceLink: string;
  aboutContactTitle: string;
  aboutContactQuestions: string;
  aboutContactCorrection: string;
  aboutContactSecurity: string;
  /** The API and downloads page. */
  apiTitle: string;
  apiIntro: string;
  apiFilesTitle: string;
  apiFile: string;
  apiSchema: string;
  /** Heading of the tables of fields, one per API file kind. */
  apiFieldsTitle: string;
  /** The link from the open data page. */
  apiLink: string;
}

const en: Messages = {
  siteName: "COP Atlas",
  tagline: "What countries and their partners do for Child Online Protection",
  skipToContent: "Skip to content",
  mainNavigation: "Main navigation",
  languageSwitcher: "Language",
  navHome: "Home",
  navBrowse: "Browse entries",
  navOwners: "Countries and organizations",
  navYouth: "Youth participation",
  navSearch: "Search",
  navData: "Open data",
  navVocabularies: "Vocabularies",
  navReports: "Annual reports",
  homeIntro:
    "COP Atlas is an open repository of national, regional and international activities, case studies and good practices for Child Online Protection. Its entries are compiled from public sources, each with its links; Member States and organizations confirm, correct and add to them through their designated reviewers, and every entry says whether it has been confirmed.",
  homeWhy:
    "It answers a request of the ITU Council Working Group on Child Online Protection. Everything here is public, can be read in the six official languages of the United Nations and can be downloaded as open data.",
  keyFigures: "Key figures",
  figureEntries: "entries",
  figureCountries: "countries",
  figureOrganizations: "organizations",
  figureGoodPractices: "good practices",
  figureConfirmed: "confirmed entries",
  figureLanguages: "languages",
  mapTitle: "Coverage by country",
  mapDescription: (n) => `World map: ${n} countries have at least one entry. Darker shading means more entries. The same figures are listed below the map.`,
  mapLegend: "Number of entries",
  mapNone: "none",
  mapNeutral: "non-self-governing territory or area of unresolved status, not shaded",
  latestEntries: "Latest entries",
  allEntries: "All entries",
  noEntries: "No entries yet.",
  browseTitle: "Browse entries",
  browseIntro: "Every entry in COP Atlas. Choose filters to narrow the list, or follow a link under “Browse by”.",
  filters: "Filters",
  any: "Any",
  applyFilters: "Apply filters",
  resetFilters: "Reset",
  results: (n) => (n === 1 ? "1 entry" : `${n} entries`),
  browseBy: "Browse by",
  filterCountry: "Country",
  filterRegion: "ITU-D region",
  filterYear: "Year",
  filterLanguage: "Language of the text",
  ownersTitle: "Countries and organizations",
  countries: "Countries",
  organizations: "Organizations",
  entriesCount: (n) => (n === 1 ? "1 entry" : `${n} entries`),
  region: "ITU-D region",
  profile: "Profile",
  nationalFramework: "Framework and references",
  entriesOf: (name) => `Entries of ${name}`,
  proposeEntry: "Propose a new entry",
  proposeEntryHelp: "Anyone can propose an entry through a form on GitHub; the designated reviewers check it before it is published.",
  facts: "Facts",
  start: "Start",
  notStated: "Not stated",
  notYetConfirmedBy: (names) => `Not yet confirmed by ${names}`,
  confirmedByOn: (names, date) => `Confirmed by ${names} on ${date}`,
  end: "End",
  countriesCovered: "Countries covered",
  lead: "Led by",
  partners: "Partners",
  sdgTargets: "SDG targets",
  sources: "Sources",
  contact: "Contact",
  related: "Related entries",
  translations: "Languages of this entry",
  original: "original",
  outOfDate: "out of date",
  translationNote: (method, original) => `This text is a translation (${method}) of the original in ${original}.`,
  outOfDateNote: (original) => `The original in ${original} has changed since this translation was made: it may be out of date.`,
  fallbackNote: (wanted, shownIn) => `This entry is not yet available in ${wanted}. It is shown in its original language, ${shownIn}.`,
  summaryOnlyNote: (wanted, shownIn) =>
    `This entry is not yet available in ${wanted}. Its facts are below; its summary is in its original language, ${shownIn}.`,
  readFullText: (language) => `Read the full text in ${language}`,
  provenance: "History",
  firstAdded: "First added",
  lastUpdated: "Last updated",
  pullRequest: "Pull request",
  approvedBy: "Approved by",
  viewFile: "View the files",
  viewHistory: "View the history",
  suggestCorrection: "Suggest a correction",
  notCommitted: "Not yet published in the repository's history.",
  historyIncomplete: "The full history was not available when this page was built.",
  cite: "Cite this entry",
  permalink: "Permalink",
  citationIntro: "Suggested citation:",
  downloadEntry: "This entry as JSON",
  accessedOn: "accessed",
  youthTitle: "Youth participation",
  youthIntro:
    "The Working Group asked that young people's views be heard. Here are the youth consultations and the other activities in which children and young people take part.",
  vocabulariesTitle: "Vocabularies",
  vocabulariesIntro: "The controlled lists that entries use, with their labels in the six UN languages.",
  term: "Term",
  identifier: "Identifier",
  description: "Description",
  dataTitle: "Open data",
  dataIntro: "All the data of COP Atlas can be downloaded under the CC BY 4.0 licence. The addresses below are stable.",
  dataDownloads: "Downloads",
  dataDictionary: "Data dictionary",
  field: "Field",
  valueType: "Type",
  required: "Required",
  yes: "yes",
  no: "no",
  fileKind: "File",
  feeds: "News feeds (Atom)",
  licenceNote: "Data under CC BY 4.0; code under the MIT licence.",
  searchTitle: "Search",
  searchLabel: "Search entries",
  searchButton: "Search",
  searchNeedsScript: "Search needs JavaScript. Without it, use “Browse entries” and its filters.",
  searchNoResults: "No entry matches this search.",
  searchResults: (n) => (n === 1 ? "1 result" : `${n} results`),
  reportsTitle: "Annual reports",
  reportsIntro: "Each year's report to the ITU Council: the entries added and updated, by region, type and topic.",
  reportTitle: (year) => `COP Atlas: annual report ${year}`,
  reportIntro: (year) => `What was added to and updated in COP Atlas in ${year}, for the ITU Council.`,
  reportDataNote: (year) =>
    `The entries are compiled from public sources by the atlas editors or proposed by contributors; Member States and organizations confirm, correct and add to them through their designated reviewers. Confirmations are counted as of the end of ${year}.`,
  reportConfirmed: "Entries confirmed",
  reportUnconfirmed: "Entries not yet confirmed",
  reportSummary: "Summary",
  entriesAdded: "Entries added",
  entriesUpdated: "Entries updated",
  byRegion: "By ITU-D region",
  byType: "By type",
  byTopic: "By topic",
  contributors: "Countries and organizations with entries added or updated",
  youthParticipation: "Youth participation",
  translationsMade: "Translations",
  count: "Number",
  noneThisYear: "None this year.",
  footerAbout: "COP Atlas: an open repository for Child Online Protection.",
  footerLicence: "Data under CC BY 4.0, code under the MIT licence.",
  sourceCode: "Repository",
  countryLabel: "Country",
  organizationLabel: "Organization",
  page: "Page",
  breadcrumb: "Breadcrumb",
  regionUncertain: "the ITU-D region of this country is uncertain in the reference table",
  pagination: "Pages",
  previousPage: "Previous",
  nextPage: "Next",
  pageOf: (page, total) => `Page ${page} of ${total}`,
  filtersOnFirstPage: "To filter the list or browse by country, topic or year, go to the first page.",
  filtersUnavailable: "The filters could not be loaded here. Use the “Browse by” links instead.",
  loadingEntries: "Loading entries…",
  allConcerning: (n) => (n === 1 ? "See the entry concerning this country" : `See all ${n} entries concerning this country`),
  unStatusTitle: "United Nations",
  unStatus: (member) => (member ? "Member State of the United Nations" : "Non-member observer State of the United Nations"),
  countryNoEntries: (name) => `COP Atlas holds no entries of ${name} yet.`,
  reviewersTitle: "Designated reviewers",
  reviewersNone: "No reviewers have been designated yet. The secretariat designates them at the request of the country's focal point.",
  contributeTitle: (name) => `Add an activity of ${name}`,
  contributeHelp:
    "Fill in a form on GitHub (a free account is needed). A bot checks your answers and turns them into a proposal that the country's reviewers approve before it is published.",
  contributeButton: "Add an activity",
  updateProfile: "Propose reviewers or update the country profile",
  improveEntry: "Improve this entry",
  editOnGitHub: "Edit on GitHub",
  improveEntryHelp: "Corrections are checked by the country's reviewers before they are published.",
  notFoundTitle: "Page not found",
  notFoundText: "There is no page at this address. It may have moved, or the address may be mistyped. These links lead back into the atlas:",
  menu: "Menu",
  showFilters: "Show the filters",
  noMatch: "No entry matches all of these filters together. Remove one, or start again:",
  dataUpdated: (date) => `Data last updated: ${date}`,
  navCompare: "Compare countries",
  compareIntro:
    "How many entries of the atlas concern each country, by policy area or by capability of the WeProtect Model National Response. Each number leads to the list of those entries. A zero means that the atlas holds nothing yet, not that the country does nothing.",
  compareOn: "Compare on",
  compareAllRegions: "All regions",
  compareCaption: (dimension, where) => `Number of entries per country and ${dimension.toLowerCase()}: ${where}`,
  compareHowToRead: "The table scrolls sideways on small screens; the first column stays readable.",
  compareTotal: "All entries",
  downloadTableCsv: "Download this table (CSV)",
  sortLabel: "Sort by",
  sortNewest: "Newest first",
  sortOldest: "Oldest first",
  sortTitle: "Title",
  sortCountry: "Country or organisation",
  downloadList: "Download this list:",
  downloadCsv: "CSV (spreadsheet)",
  downloadJson: "JSON",
  downloadPreparing: "Preparing the file…",
  downloadFailed: "The file could not be prepared. Try again, or download all the data from the open data page.",
  downloadHelp: "The files have the columns and fields of activities.csv and activities.json, explained on the API and downloads page.",
  navAbout: "About",
  aboutTitle: "About COP Atlas",
  aboutIntro:
    "COP Atlas is an open repository of what countries and stakeholders do for child online protection: laws, strategies, hotlines, campaigns, research, case studies and good practices. It answers the call of the ITU Council Working Group on Child Online Protection for an online repository of countries’ activities. Everything is public: no login, no tracker.",
  aboutWhoTitle: "Who runs it",
  aboutWho:
    "The secretariat, the maintainers of the repository, keeps the schemas, vocabularies, tools and lists of reviewers, reviews the entries of countries that have not designated reviewers yet, and prepares the annual report to Council. Each country’s entries are approved by the reviewers that country has designated.",
  aboutHowTitle: "How entries are compiled",
  aboutHow:
    "Entries are compiled from public sources, and each links to them. Anyone may propose one, most often a Member State’s focal point for child online protection, through a form, GitHub’s web editor or their own computer. Every proposal is checked automatically (required facts, sources, no personal data, recommended terminology) and reviewed before it is published.",
  aboutConfirmTitle: "How entries are confirmed",
  aboutConfirm:
    "An entry is confirmed when the designated reviewers of a country or organisation it concerns approve it. Every entry says who compiled it and who has confirmed it; an entry that no one has confirmed yet says so.",
  aboutGovernanceTitle: "Governance",
  aboutGovernance:
    "A country’s reviewers are designated by its administration, in writing to the secretariat, and recorded in the repository through a reviewed change; no one can approve their own work or add themselves as a reviewer. Changes to the schemas, vocabularies and tools are proposed in public and decided by the secretariat, which consults focal points and reviewers. The code and the data are published under open licences.",
  aboutGovernanceLink: "The governance rules in full (English)",
  aboutContactTitle: "Contact",
  aboutContactQuestions: "Questions and suggestions: ask in the repository’s Discussions",
  aboutContactCorrection: "An error in an entry: use “Suggest a correction” on its page",
  aboutContactSecurity: "A security problem, or personal data in an entry: report it privately",
  apiTitle: "API and downloads",
  apiIntro:
    "Every file is static and public, free to reuse under the CC BY 4.0 licence with attribution. The API is described in OpenAPI 3.1 and each JSON file by a JSON Schema; the tables below are made from those schemas, so they always match the files. The descriptions of the fields are in English.",
  apiFilesTitle: "Files",
  apiFile: "File",
  apiSchema: "Schema",
  apiFieldsTitle: "Fields of the JSON files",
  apiLink: "Every API field explained",
};

const fr: Messages = {
  siteName: "COP Atlas",
  tagline: "Ce que font les pays et leurs partenaires pour la protection des enfants en ligne",
  skipToContent: "Aller au contenu",
  mainNavigation: "Navigation principale",
  languageSwitcher: "Langue",
  navHome: "Accueil",
  navBrowse: "Parcourir les entrées",
  navOwners: "Pays et organisations",
  navYouth: "Participation des jeunes",
  navSearch: "Rechercher",
  navData: "Données ouvertes",
  navVocabularies: "Vocabulaires",
  navReports: "Rapports annuels",
  homeIntro:
    "COP Atlas est un répertoire ouvert des activités nationales, régionales et internationales, des études de cas et des bonnes pratiques en matière de protection des enfants en ligne. Ses entrées sont compilées à partir de sources publiques, chacune avec ses liens ; les États Membres et les organisations les confirment, les corrigent et les complètent par l'intermédiaire de leurs relecteurs désignés, et chaque entrée indique si elle a été confirmée.",
  homeWhy:
    "Il répond à une demande du Groupe de travail du Conseil de l'UIT sur la protection en ligne des enfants. Tout y est public, lisible dans les six langues officielles des Nations Unies et téléchargeable en données ouvertes.",
  keyFigures: "Chiffres clés",
  figureEntries: "entrées",
  figureCountries: "pays",
  figureOrganizations: "organisations",
  figureGoodPractices: "bonnes pratiques",
  figureConfirmed: "entrées confirmées",
  figureLanguages: "langues",
  mapTitle: "Couverture par pays",
  mapDescription: (n) =>
    `Carte du monde : ${n} pays ont au moins une entrée. Plus la teinte est foncée, plus il y a d'entrées. Les mêmes chiffres figurent sous la carte.`,
  mapLegend: "Nombre d'entrées",
  mapNone: "aucune",
  mapNeutral: "territoire non autonome ou zone au statut non réglé, sans couleur",
  latestEntries: "Dernières entrées",
  allEntries: "Toutes les entrées",
  noEntries: "Aucune entrée pour l'instant.",
  browseTitle: "Parcourir les entrées",
  browseIntro: "Toutes les entrées de COP Atlas. Choisissez des filtres pour réduire la liste, ou suivez un lien sous « Parcourir par ».",
  filters: "Filtres",
  any: "Tous",
  applyFilters: "Appliquer les filtres",
  resetFilters: "Réinitialiser",
  results: (n) => (n <= 1 ? `${n} entrée` : `${n} entrées`),
  browseBy: "Parcourir par",
  filterCountry: "Pays",
  filterRegion: "Région UIT-D",
  filterYear: "Année",
  filterLanguage: "Langue du texte",
  ownersTitle: "Pays et organisations",
  countries: "Pays",
  organizations: "Organisations",
  entriesCount: (n) => (n <= 1 ? `${n} entrée` : `${n} entrées`),
  region: "Région UIT-D",
  profile: "Profil",
  nationalFramework: "Cadre et références",
  entriesOf: (name) => `Entrées : ${name}`,
  proposeEntry: "Proposer une nouvelle entrée",
  proposeEntryHelp: "Chacun peut proposer une entrée au moyen d'un formulaire sur GitHub ; les relecteurs désignés la vérifient avant sa publication.",
  facts: "Faits",
  start: "Début",
  notStated: "Non précisé",
  notYetConfirmedBy: (names) => `Pas encore confirmé par : ${names}`,
  confirmedByOn: (names, date) => `Confirmé le ${date} par : ${names}`,
  end: "Fin",
  countriesCovered: "Pays concernés",
  lead: "Sous la direction de",
  partners: "Partenaires",
  sdgTargets: "Cibles des ODD",
  sources: "Sources",
  contact: "Contact",
  related: "Entrées liées",
  translations: "Langues de cette entrée",
  original: "original",
  outOfDate: "pas à jour",
  translationNote: (method, original) => `Ce texte est une traduction (${method}) de l'original en ${original}.`,
  outOfDateNote: (original) => `L'original en ${original} a changé depuis cette traduction : elle n'est peut-être plus à jour.`,
  fallbackNote: (wanted, shownIn) => `Cette entrée n'est pas encore disponible en ${wanted}. Elle est présentée dans sa langue originale, ${shownIn}.`,
  summaryOnlyNote: (wanted, shownIn) =>
    `Cette entrée n'est pas encore disponible en ${wanted}. Ses données figurent ci-dessous ; son résumé est dans sa langue originale, ${shownIn}.`,
  readFullText: (language) => `Lire le texte intégral en ${language}`,
  provenance: "Historique",
  firstAdded: "Ajoutée le",
  lastUpdated: "Mise à jour le",
  pullRequest: "Demande de fusion",
  approvedBy: "Approuvée par",
  viewFile: "Voir les fichiers",
  viewHistory: "Voir l'historique",
  suggestCorrection: "Proposer une correction",
  notCommitted: "Pas encore publiée dans l'historique du dépôt.",
  historyIncomplete: "L'historique complet n'était pas disponible lors de la création de cette page.",
  cite: "Citer cette entrée",
  permalink: "Lien permanent",
  citationIntro: "Citation proposée :",
  downloadEntry: "Cette entrée en JSON",
  accessedOn: "consulté le",
  youthTitle: "Participation des jeunes",
  youthIntro:
    "Le Groupe de travail a demandé que l'avis des jeunes soit entendu. Voici les consultations de jeunes et les autres activités auxquelles participent les enfants et les jeunes.",
  vocabulariesTitle: "Vocabulaires",
  vocabulariesIntro: "Les listes contrôlées qu'utilisent les entrées, avec leurs libellés dans les six langues de l'ONU.",
  term: "Terme",
  identifier: "Identifiant",
  description: "Description",
  dataTitle: "Données ouvertes",
  dataIntro: "Toutes les données de COP Atlas peuvent être téléchargées sous licence CC BY 4.0. Les adresses ci-dessous sont stables.",
  dataDownloads: "Téléchargements",
  dataDictionary: "Dictionnaire des données",
  field: "Champ",
  valueType: "Type",
  required: "Obligatoire",
  yes: "oui",
  no: "non",
  fileKind: "Fichier",
  feeds: "Fils d'actualité (Atom)",
  licenceNote: "Données sous CC BY 4.0 ; code sous licence MIT.",
  searchTitle: "Rechercher",
  searchLabel: "Rechercher dans les entrées",
  searchButton: "Rechercher",
  searchNeedsScript: "La recherche nécessite JavaScript. Sans lui, utilisez « Parcourir les entrées » et ses filtres.",
  searchNoResults: "Aucune entrée ne correspond à cette recherche.",
  searchResults: (n) => (n <= 1 ? `${n} résultat` : `${n} résultats`),
  reportsTitle: "Rapports annuels",
  reportsIntro: "Le rapport de chaque année au Conseil de l'UIT : les entrées ajoutées et mises à jour, par région, type et thème.",
  reportTitle: (year) => `COP Atlas : rapport annuel ${year}`,
  reportIntro: (year) => `Ce qui a été ajouté à COP Atlas et mis à jour en ${year}, pour le Conseil de l'UIT.`,
  reportDataNote: (year) =>
    `Les entrées sont compilées à partir de sources publiques par les éditeurs de l'atlas ou proposées par des contributeurs ; les États Membres et les organisations les confirment, les corrigent et les complètent par l'intermédiaire de leurs relecteurs désignés. Les confirmations sont comptées à la fin de ${year}.`,
  reportConfirmed: "Entrées confirmées",
  reportUnconfirmed: "Entrées pas encore confirmées",
  reportSummary: "Résumé",
  entriesAdded: "Entrées ajoutées",
  entriesUpdated: "Entrées mises à jour",
  byRegion: "Par région UIT-D",
  byType: "Par type",
  byTopic: "Par thème",
  contributors: "Pays et organisations dont des entrées ont été ajoutées ou mises à jour",
  youthParticipation: "Participation des jeunes",
  translationsMade: "Traductions",
  count: "Nombre",
  noneThisYear: "Aucune cette année.",
  footerAbout: "COP Atlas : un répertoire ouvert pour la protection des enfants en ligne.",
  footerLicence: "Données sous CC BY 4.0, code sous licence MIT.",
  sourceCode: "Dépôt",
  countryLabel: "Pays",
  organizationLabel: "Organisation",
  page: "Page",
  breadcrumb: "Fil d'Ariane",
  regionUncertain: "la région UIT-D de ce pays est incertaine dans la table de référence",
  pagination: "Pages",
  previousPage: "Précédente",
  nextPage: "Suivante",
  pageOf: (page, total) => `Page ${page} sur ${total}`,
  filtersOnFirstPage: "Pour filtrer la liste ou parcourir par pays, thème ou année, allez à la première page.",
  filtersUnavailable: "Les filtres n'ont pas pu être chargés ici. Utilisez plutôt les liens « Parcourir par ».",
  loadingEntries: "Chargement des entrées…",
  allConcerning: (n) => (n <= 1 ? "Voir l'entrée concernant ce pays" : `Voir les ${n} entrées concernant ce pays`),
  unStatusTitle: "Organisation des Nations Unies",
  unStatus: (member) =>
    member ? "État Membre de l'Organisation des Nations Unies" : "État non membre doté du statut d'observateur auprès de l'Organisation des Nations Unies",
  countryNoEntries: (name) => `COP Atlas ne contient encore aucune entrée pour ce pays : ${name}.`,
  reviewersTitle: "Relecteurs désignés",
  reviewersNone: "Aucun relecteur n'a encore été désigné. Le secrétariat les désigne à la demande du point focal du pays.",
  contributeTitle: (name) => `Ajouter une activité : ${name}`,
  contributeHelp:
    "Remplissez un formulaire sur GitHub (un compte gratuit est nécessaire). Un robot vérifie vos réponses et en fait une proposition que les relecteurs du pays approuvent avant sa publication.",
  contributeButton: "Ajouter une activité",
  updateProfile: "Proposer des relecteurs ou mettre à jour le profil du pays",
  improveEntry: "Améliorer cette entrée",
  editOnGitHub: "Modifier sur GitHub",
  improveEntryHelp: "Les corrections sont vérifiées par les relecteurs du pays avant leur publication.",
  notFoundTitle: "Page introuvable",
  notFoundText:
    "Aucune page ne se trouve à cette adresse. Elle a peut-être été déplacée, ou l'adresse contient une faute de frappe. Ces liens ramènent dans l'atlas :",
  menu: "Menu",
  showFilters: "Afficher les filtres",
  noMatch: "Aucune entrée ne correspond à tous ces filtres à la fois. Retirez-en un, ou recommencez :",
  dataUpdated: (date) => `Données mises à jour le ${date}`,
  navCompare: "Comparer les pays",
  compareIntro:
    "Combien d'entrées de l'atlas concernent chaque pays, par domaine d'action ou par capacité du modèle de réponse nationale de WeProtect. Chaque nombre mène à la liste de ces entrées. Un zéro signifie que l'atlas ne contient encore rien, non que le pays ne fait rien.",
  compareOn: "Comparer selon",
  compareAllRegions: "Toutes les régions",
  compareCaption: (dimension, where) => `Nombre d'entrées par pays et par élément (${dimension.toLowerCase()}) : ${where}`,
  compareHowToRead: "Sur un petit écran, le tableau défile horizontalement ; la première colonne reste lisible.",
  compareTotal: "Toutes les entrées",
  downloadTableCsv: "Télécharger ce tableau (CSV)",
  sortLabel: "Trier par",
  sortNewest: "Les plus récentes d’abord",
  sortOldest: "Les plus anciennes d’abord",
  sortTitle: "Titre",
  sortCountry: "Pays ou organisation",
  downloadList: "Télécharger cette liste :",
  downloadCsv: "CSV (tableur)",
  downloadJson: "JSON",
  downloadPreparing: "Préparation du fichier…",
  downloadFailed: "Le fichier n’a pas pu être préparé. Réessayez, ou téléchargez toutes les données depuis la page des données ouvertes.",
  downloadHelp: "Les fichiers ont les colonnes et les champs d’activities.csv et d’activities.json, expliqués sur la page API et téléchargements.",
  navAbout: "À propos",
  aboutTitle: "À propos de COP Atlas",
  aboutIntro:
    "COP Atlas est un répertoire ouvert de ce que font les pays et les parties prenantes pour la protection des enfants en ligne : lois, stratégies, lignes d’assistance, campagnes, recherches, études de cas et bonnes pratiques. Il répond à la demande du Groupe de travail du Conseil de l’UIT sur la protection des enfants en ligne d’un répertoire en ligne des activités des pays. Tout est public : ni compte, ni traceur.",
  aboutWhoTitle: "Qui le gère",
  aboutWho:
    "Le secrétariat, qui maintient le dépôt, gère les schémas, les vocabulaires, les outils et les listes d’examinateurs, examine les entrées des pays qui n’ont pas encore désigné d’examinateurs et prépare le rapport annuel au Conseil. Les entrées de chaque pays sont approuvées par les examinateurs que ce pays a désignés.",
  aboutHowTitle: "Comment les entrées sont rassemblées",
  aboutHow:
    "Les entrées sont établies à partir de sources publiques, vers lesquelles chacune renvoie. Chacun peut en proposer une, le plus souvent le point focal d’un État Membre pour la protection des enfants en ligne, au moyen d’un formulaire, de l’éditeur web de GitHub ou de son propre ordinateur. Chaque proposition est vérifiée automatiquement (faits requis, sources, absence de données personnelles, terminologie recommandée) puis examinée avant d’être publiée.",
  aboutConfirmTitle: "Comment les entrées sont confirmées",
  aboutConfirm:
    "Une entrée est confirmée lorsque les examinateurs désignés d’un pays ou d’une organisation qu’elle concerne l’approuvent. Chaque entrée indique qui l’a établie et qui l’a confirmée ; une entrée que personne n’a encore confirmée le dit.",
  aboutGovernanceTitle: "Gouvernance",
  aboutGovernance:
    "Les examinateurs d’un pays sont désignés par son administration, par écrit au secrétariat, et inscrits dans le dépôt par une modification examinée ; nul ne peut approuver son propre travail ni s’ajouter comme examinateur. Les modifications des schémas, des vocabulaires et des outils sont proposées publiquement et décidées par le secrétariat, qui consulte les points focaux et les examinateurs. Le code et les données sont publiés sous licences ouvertes.",
  aboutGovernanceLink: "Les règles de gouvernance complètes (en anglais)",
  aboutContactTitle: "Contact",
  aboutContactQuestions: "Questions et suggestions : posez-les dans les Discussions du dépôt",
  aboutContactCorrection: "Une erreur dans une entrée : utilisez « Proposer une correction » sur sa page",
  aboutContactSecurity: "Un problème de sécurité, ou des données personnelles dans une entrée : signalez-le en privé",
  apiTitle: "API et téléchargements",
  apiIntro:
    "Chaque fichier est statique et public, librement réutilisable sous licence CC BY 4.0 avec attribution. L’API est décrite en OpenAPI 3.1 et chaque fichier JSON par un schéma JSON ; les tableaux ci-dessous sont produits à partir de ces schémas et correspondent donc toujours aux fichiers. Les descriptions des champs sont en anglais.",
  apiFilesTitle: "Fichiers",
  apiFile: "Fichier",
  apiSchema: "Schéma",
  apiFieldsTitle: "Champs des fichiers JSON",
  apiLink: "Tous les champs de l’API expliqués",
};

const es: Messages = {
  siteName: "COP Atlas",
  tagline: "Lo que hacen los países y sus asociados por la protección de la infancia en línea",
  skipToContent: "Ir al contenido",
  mainNavigation: "Navegación principal",
  languageSwitcher: "Idioma",
  navHome: "Inicio",
  navBrowse: "Explorar las entradas",
  navOwners: "Países y organizaciones",
  navYouth: "Participación juvenil",
  navSearch: "Buscar",
  navData: "Datos abiertos",
  navVocabularies: "Vocabularios",
  navReports: "Informes anuales",
  homeIntro:
    "COP Atlas es un repositorio abierto de actividades nacionales, regionales e internacionales, estudios de caso y buenas prácticas de protección de la infancia en línea. Sus entradas se compilan a partir de fuentes públicas, cada una con sus enlaces; los Estados Miembros y las organizaciones las confirman, corrigen y completan por medio de sus revisores designados, y cada entrada indica si ha sido confirmada.",
  homeWhy:
    "Responde a una petición del Grupo de Trabajo del Consejo de la UIT sobre la Protección de la Infancia en Línea. Todo es público, puede leerse en los seis idiomas oficiales de las Naciones Unidas y descargarse como datos abiertos.",
  keyFigures: "Cifras clave",
  figureEntries: "entradas",
  figureCountries: "países",
  figureOrganizations: "organizaciones",
  figureGoodPractices: "buenas prácticas",
  figureConfirmed: "entradas confirmadas",
  figureLanguages: "idiomas",
  mapTitle: "Cobertura por país",
  mapDescription: (n) =>
    `Mapa del mundo: ${n} países tienen al menos una entrada. Cuanto más oscuro el color, más entradas. Las mismas cifras figuran debajo del mapa.`,
  mapLegend: "Número de entradas",
  mapNone: "ninguna",
  mapNeutral: "territorio no autónomo o zona de estatuto no resuelto, sin color",
  latestEntries: "Últimas entradas",
  allEntries: "Todas las entradas",
  noEntries: "Todavía no hay entradas.",
  browseTitle: "Explorar las entradas",
  browseIntro: "Todas las entradas de COP Atlas. Elija filtros para acotar la lista o siga un enlace en «Explorar por».",
  filters: "Filtros",
  any: "Todos",
  applyFilters: "Aplicar los filtros",
  resetFilters: "Restablecer",
  results: (n) => (n === 1 ? "1 entrada" : `${n} entradas`),
  browseBy: "Explorar por",
  filterCountry: "País",
  filterRegion: "Región UIT-D",
  filterYear: "Año",
  filterLanguage: "Idioma del texto",
  ownersTitle: "Países y organizaciones",
  countries: "Países",
  organizations: "Organizaciones",
  entriesCount: (n) => (n === 1 ? "1 entrada" : `${n} entradas`),
  region: "Región UIT-D",
  profile: "Perfil",
  nationalFramework: "Marco y referencias",
  entriesOf: (name) => `Entradas: ${name}`,
  proposeEntry: "Proponer una nueva entrada",
  proposeEntryHelp: "Cualquiera puede proponer una entrada mediante un formulario en GitHub; los revisores designados la comprueban antes de publicarla.",
  facts: "Datos",
  start: "Inicio",
  notStated: "No consta",
  notYetConfirmedBy: (names) => `Aún no confirmado por: ${names}`,
  confirmedByOn: (names, date) => `Confirmado el ${date} por: ${names}`,
  end: "Fin",
  countriesCovered: "Países abarcados",
  lead: "Dirigido por",
  partners: "Asociados",
  sdgTargets: "Metas de los ODS",
  sources: "Fuentes",
  contact: "Contacto",
  related: "Entradas relacionadas",
  translations: "Idiomas de esta entrada",
  original: "original",
  outOfDate: "desactualizada",
  translationNote: (method, original) => `Este texto es una traducción (${method}) del original en ${original}.`,
  outOfDateNote: (original) => `El original en ${original} ha cambiado desde que se hizo esta traducción: puede estar desactualizada.`,
  fallbackNote: (wanted, shownIn) => `Esta entrada aún no está disponible en ${wanted}. Se muestra en su idioma original, ${shownIn}.`,
  summaryOnlyNote: (wanted, shownIn) =>
    `Esta entrada aún no está disponible en ${wanted}. Sus datos figuran a continuación; su resumen está en su idioma original, ${shownIn}.`,
  readFullText: (language) => `Leer el texto completo en ${language}`,
  provenance: "Historial",
  firstAdded: "Añadida el",
  lastUpdated: "Actualizada el",
  pullRequest: "Solicitud de cambios",
  approvedBy: "Aprobada por",
  viewFile: "Ver los archivos",
  viewHistory: "Ver el historial",
  suggestCorrection: "Proponer una corrección",
  notCommitted: "Aún no publicada en el historial del repositorio.",
  historyIncomplete: "El historial completo no estaba disponible al generar esta página.",
  cite: "Citar esta entrada",
  permalink: "Enlace permanente",
  citationIntro: "Cita sugerida:",
  downloadEntry: "Esta entrada en JSON",
  accessedOn: "consultado el",
  youthTitle: "Participación juvenil",
  youthIntro:
    "El Grupo de Trabajo pidió que se escuchara la opinión de los jóvenes. Aquí están las consultas juveniles y las demás actividades en las que participan niños, niñas y jóvenes.",
  vocabulariesTitle: "Vocabularios",
  vocabulariesIntro: "Las listas controladas que usan las entradas, con sus etiquetas en los seis idiomas de las Naciones Unidas.",
  term: "Término",
  identifier: "Identificador",
  description: "Descripción",
  dataTitle: "Datos abiertos",
  dataIntro: "Todos los datos de COP Atlas pueden descargarse con la licencia CC BY 4.0. Las direcciones siguientes son estables.",
  dataDownloads: "Descargas",
  dataDictionary: "Diccionario de datos",
  field: "Campo",
  valueType: "Tipo",
  required: "Obligatorio",
  yes: "sí",
  no: "no",
  fileKind: "Archivo",
  feeds: "Canales de noticias (Atom)",
  licenceNote: "Datos con licencia CC BY 4.0; código con licencia MIT.",
  searchTitle: "Buscar",
  searchLabel: "Buscar en las entradas",
  searchButton: "Buscar",
  searchNeedsScript: "La búsqueda necesita JavaScript. Sin él, use «Explorar las entradas» y sus filtros.",
  searchNoResults: "Ninguna entrada coincide con esta búsqueda.",
  searchResults: (n) => (n === 1 ? "1 resultado" : `${n} resultados`),
  reportsTitle: "Informes anuales",
  reportsIntro: "El informe de cada año al Consejo de la UIT: las entradas añadidas y actualizadas, por región, tipo y tema.",
  reportTitle: (year) => `COP Atlas: informe anual ${year}`,
  reportIntro: (year) => `Lo que se añadió y actualizó en COP Atlas en ${year}, para el Consejo de la UIT.`,
  reportDataNote: (year) =>
    `Las entradas se compilan a partir de fuentes públicas por los editores del atlas o las proponen colaboradores; los Estados Miembros y las organizaciones las confirman, corrigen y completan por medio de sus revisores designados. Las confirmaciones se cuentan al final de ${year}.`,
  reportConfirmed: "Entradas confirmadas",
  reportUnconfirmed: "Entradas aún no confirmadas",
  reportSummary: "Resumen",
  entriesAdded: "Entradas añadidas",
  entriesUpdated: "Entradas actualizadas",
  byRegion: "Por región UIT-D",
  byType: "Por tipo",
  byTopic: "Por tema",
  contributors: "Países y organizaciones con entradas añadidas o actualizadas",
  youthParticipation: "Participación juvenil",
  translationsMade: "Traducciones",
  count: "Número",
  noneThisYear: "Ninguna este año.",
  footerAbout: "COP Atlas: un repositorio abierto para la protección de la infancia en línea.",
  footerLicence: "Datos con licencia CC BY 4.0, código con licencia MIT.",
  sourceCode: "Repositorio",
  countryLabel: "País",
  organizationLabel: "Organización",
  page: "Página",
  breadcrumb: "Ruta de navegación",
  regionUncertain: "la región UIT-D de este país es incierta en la tabla de referencia",
  pagination: "Páginas",
  previousPage: "Anterior",
  nextPage: "Siguiente",
  pageOf: (page, total) => `Página ${page} de ${total}`,
  filtersOnFirstPage: "Para filtrar la lista o explorar por país, tema o año, vaya a la primera página.",
  filtersUnavailable: "No se pudieron cargar los filtros aquí. Use los enlaces de «Explorar por».",
  loadingEntries: "Cargando las entradas…",
  allConcerning: (n) => (n === 1 ? "Ver la entrada relativa a este país" : `Ver las ${n} entradas relativas a este país`),
  unStatusTitle: "Naciones Unidas",
  unStatus: (member) => (member ? "Estado Miembro de las Naciones Unidas" : "Estado observador no miembro de las Naciones Unidas"),
  countryNoEntries: (name) => `COP Atlas aún no contiene entradas de este país: ${name}.`,
  reviewersTitle: "Revisores designados",
  reviewersNone: "Todavía no se han designado revisores. La secretaría los designa a petición del punto focal del país.",
  contributeTitle: (name) => `Añadir una actividad: ${name}`,
  contributeHelp:
    "Rellene un formulario en GitHub (se necesita una cuenta gratuita). Un bot comprueba sus respuestas y las convierte en una propuesta que los revisores del país aprueban antes de publicarla.",
  contributeButton: "Añadir una actividad",
  updateProfile: "Proponer revisores o actualizar el perfil del país",
  improveEntry: "Mejorar esta entrada",
  editOnGitHub: "Editar en GitHub",
  improveEntryHelp: "Los revisores del país comprueban las correcciones antes de publicarlas.",
  notFoundTitle: "Página no encontrada",
  notFoundText: "No hay ninguna página en esta dirección. Puede que se haya movido o que la dirección tenga un error. Estos enlaces llevan de vuelta al atlas:",
  menu: "Menú",
  showFilters: "Mostrar los filtros",
  noMatch: "Ninguna entrada cumple todos estos filtros a la vez. Quite uno o vuelva a empezar:",
  dataUpdated: (date) => `Datos actualizados el ${date}`,
  navCompare: "Comparar países",
  compareIntro:
    "Cuántas entradas del atlas se refieren a cada país, por ámbito de política o por capacidad del Modelo de Respuesta Nacional de WeProtect. Cada número lleva a la lista de esas entradas. Un cero significa que el atlas aún no contiene nada, no que el país no haga nada.",
  compareOn: "Comparar según",
  compareAllRegions: "Todas las regiones",
  compareCaption: (dimension, where) => `Número de entradas por país y elemento (${dimension.toLowerCase()}): ${where}`,
  compareHowToRead: "En pantallas pequeñas la tabla se desplaza horizontalmente; la primera columna sigue siendo legible.",
  compareTotal: "Todas las entradas",
  downloadTableCsv: "Descargar esta tabla (CSV)",
  sortLabel: "Ordenar por",
  sortNewest: "Más recientes primero",
  sortOldest: "Más antiguas primero",
  sortTitle: "Título",
  sortCountry: "País u organización",
  downloadList: "Descargar esta lista:",
  downloadCsv: "CSV (hoja de cálculo)",
  downloadJson: "JSON",
  downloadPreparing: "Preparando el archivo…",
  downloadFailed: "No se pudo preparar el archivo. Inténtelo de nuevo o descargue todos los datos desde la página de datos abiertos.",
  downloadHelp: "Los archivos tienen las columnas y los campos de activities.csv y activities.json, explicados en la página API y descargas.",
  navAbout: "Acerca de",
  aboutTitle: "Acerca de COP Atlas",
  aboutIntro:
    "COP Atlas es un repositorio abierto de lo que hacen los países y las partes interesadas para la protección de la infancia en línea: leyes, estrategias, líneas de ayuda, campañas, investigaciones, estudios de caso y buenas prácticas. Responde a la petición del Grupo de Trabajo del Consejo de la UIT sobre la Protección de la Infancia en Línea de un repositorio en línea de las actividades de los países. Todo es público: sin registro ni rastreadores.",
  aboutWhoTitle: "Quién lo gestiona",
  aboutWho:
    "La secretaría, que mantiene el repositorio, gestiona los esquemas, los vocabularios, las herramientas y las listas de revisores, revisa las entradas de los países que aún no han designado revisores y prepara el informe anual al Consejo. Las entradas de cada país las aprueban los revisores que ese país ha designado.",
  aboutHowTitle: "Cómo se recopilan las entradas",
  aboutHow:
    "Las entradas se recopilan a partir de fuentes públicas, a las que cada una enlaza. Cualquiera puede proponer una, casi siempre el punto focal de un Estado Miembro para la protección de la infancia en línea, mediante un formulario, el editor web de GitHub o su propio ordenador. Cada propuesta se comprueba automáticamente (datos obligatorios, fuentes, ausencia de datos personales, terminología recomendada) y se revisa antes de publicarse.",
  aboutConfirmTitle: "Cómo se confirman las entradas",
  aboutConfirm:
    "Una entrada queda confirmada cuando la aprueban los revisores designados de un país u organización al que se refiere. Cada entrada indica quién la recopiló y quién la ha confirmado; una entrada que nadie ha confirmado todavía lo indica.",
  aboutGovernanceTitle: "Gobernanza",
  aboutGovernance:
    "Los revisores de un país los designa su administración, por escrito a la secretaría, y se registran en el repositorio mediante un cambio revisado; nadie puede aprobar su propio trabajo ni añadirse como revisor. Los cambios en los esquemas, los vocabularios y las herramientas se proponen en público y los decide la secretaría, que consulta a los puntos focales y a los revisores. El código y los datos se publican con licencias abiertas.",
  aboutGovernanceLink: "Las normas de gobernanza completas (en inglés)",
  aboutContactTitle: "Contacto",
  aboutContactQuestions: "Preguntas y sugerencias: plantéelas en las Discussions del repositorio",
  aboutContactCorrection: "Un error en una entrada: use «Sugerir una corrección» en su página",
  aboutContactSecurity: "Un problema de seguridad o datos personales en una entrada: comuníquelo de forma privada",
  apiTitle: "API y descargas",
  apiIntro:
    "Cada archivo es estático y público, de libre reutilización con la licencia CC BY 4.0 citando la fuente. La API se describe en OpenAPI 3.1 y cada archivo JSON con un esquema JSON; las tablas siguientes se generan a partir de esos esquemas, por lo que siempre coinciden con los archivos. Las descripciones de los campos están en inglés.",
  apiFilesTitle: "Archivos",
  apiFile: "Archivo",
  apiSchema: "Esquema",
  apiFieldsTitle: "Campos de los archivos JSON",
  apiLink: "Todos los campos de la API explicados",
};

const ru: Messages = {
  siteName: "COP Atlas",
  tagline: "Что делают страны и их партнеры для защиты детей в онлайновой среде",
  skipToContent: "Перейти к содержанию",
  mainNavigation: "Основная навигация",
  languageSwitcher: "Язык",
  navHome: "Главная",
  navBrowse: "Все записи",
  navOwners: "Страны и организации",
  navYouth: "Участие молодежи",
  navSearch: "Поиск",
  navData: "Открытые данные",
  navVocabularies: "Словари",
  navReports: "Ежегодные отчеты",
  homeIntro:
    "COP Atlas — открытый репозиторий национальных, региональных и международных мероприятий, тематических исследований и примеров передового опыта в области защиты детей в онлайновой среде. Записи составляются по открытым источникам, каждая со ссылками на них; государства-члены и организации подтверждают, исправляют и дополняют их через назначенных рецензентов, и в каждой записи указано, подтверждена ли она.",
  homeWhy:
    "Он создан по просьбе Рабочей группы Совета МСЭ по защите ребенка в онлайновой среде. Все материалы открыты, доступны на шести официальных языках Организации Объединенных Наций и могут быть загружены как открытые данные.",
  keyFigures: "Основные показатели",
  figureEntries: "записей",
  figureCountries: "стран",
  figureOrganizations: "организаций",
  figureGoodPractices: "примеров передового опыта",
  figureConfirmed: "подтверждённых записей",
  figureLanguages: "языков",
  mapTitle: "Охват по странам",
  mapDescription: (n) =>
    `Карта мира: число стран, у которых есть хотя бы одна запись, — ${n}. Чем темнее цвет, тем больше записей. Те же данные приведены под картой.`,
  mapLegend: "Число записей",
  mapNone: "нет",
  mapNeutral: "несамоуправляющаяся территория или район с неурегулированным статусом, без заливки",
  latestEntries: "Последние записи",
  allEntries: "Все записи",
  noEntries: "Записей пока нет.",
  browseTitle: "Все записи",
  browseIntro: "Все записи COP Atlas. Выберите фильтры, чтобы сузить список, или перейдите по ссылке в разделе «Выбрать по».",
  filters: "Фильтры",
  any: "Любой",
  applyFilters: "Применить фильтры",
  resetFilters: "Сбросить",
  results: (n) => `Записей: ${n}`,
  browseBy: "Выбрать по",
  filterCountry: "Страна",
  filterRegion: "Регион МСЭ-D",
  filterYear: "Год",
  filterLanguage: "Язык текста",
  ownersTitle: "Страны и организации",
  countries: "Страны",
  organizations: "Организации",
  entriesCount: (n) => `Записей: ${n}`,
  region: "Регион МСЭ-D",
  profile: "Профиль",
  nationalFramework: "Нормативная база и ссылки",
  entriesOf: (name) => `Записи: ${name}`,
  proposeEntry: "Предложить новую запись",
  proposeEntryHelp: "Любой может предложить запись через форму на GitHub; назначенные рецензенты проверяют ее перед публикацией.",
  facts: "Факты",
  start: "Начало",
  notStated: "Не указано",
  notYetConfirmedBy: (names) => `Ещё не подтверждено: ${names}`,
  confirmedByOn: (names, date) => `Подтверждено ${date}: ${names}`,
  end: "Окончание",
  countriesCovered: "Охваченные страны",
  lead: "Руководство",
  partners: "Партнеры",
  sdgTargets: "Задачи ЦУР",
  sources: "Источники",
  contact: "Контакты",
  related: "Связанные записи",
  translations: "Языки этой записи",
  original: "оригинал",
  outOfDate: "устарел",
  translationNote: (method, original) => `Этот текст — перевод (${method}) оригинала на языке: ${original}.`,
  outOfDateNote: (original) => `Оригинал (${original}) изменился после выполнения этого перевода: перевод может быть устаревшим.`,
  fallbackNote: (wanted, shownIn) => `Эта запись пока недоступна на языке: ${wanted}. Она показана на языке оригинала: ${shownIn}.`,
  summaryOnlyNote: (wanted, shownIn) =>
    `Эта запись пока недоступна на языке: ${wanted}. Ниже приведены её сведения; краткое описание дано на языке оригинала: ${shownIn}.`,
  readFullText: (language) => `Читать полный текст на языке: ${language}`,
  provenance: "История",
  firstAdded: "Добавлено",
  lastUpdated: "Обновлено",
  pullRequest: "Запрос на слияние",
  approvedBy: "Одобрено",
  viewFile: "Посмотреть файлы",
  viewHistory: "Посмотреть историю",
  suggestCorrection: "Предложить исправление",
  notCommitted: "Еще не опубликовано в истории репозитория.",
  historyIncomplete: "Полная история была недоступна при создании этой страницы.",
  cite: "Как цитировать",
  permalink: "Постоянная ссылка",
  citationIntro: "Рекомендуемая ссылка:",
  downloadEntry: "Эта запись в формате JSON",
  accessedOn: "дата обращения",
  youthTitle: "Участие молодежи",
  youthIntro:
    "Рабочая группа просила, чтобы мнение молодежи было услышано. Здесь собраны молодежные консультации и другие мероприятия, в которых участвуют дети и молодые люди.",
  vocabulariesTitle: "Словари",
  vocabulariesIntro: "Контролируемые списки, которые используются в записях, с названиями на шести языках ООН.",
  term: "Термин",
  identifier: "Идентификатор",
  description: "Описание",
  dataTitle: "Открытые данные",
  dataIntro: "Все данные COP Atlas можно загрузить на условиях лицензии CC BY 4.0. Адреса ниже постоянны.",
  dataDownloads: "Загрузки",
  dataDictionary: "Словарь данных",
  field: "Поле",
  valueType: "Тип",
  required: "Обязательное",
  yes: "да",
  no: "нет",
  fileKind: "Файл",
  feeds: "Ленты новостей (Atom)",
  licenceNote: "Данные — по лицензии CC BY 4.0; код — по лицензии MIT.",
  searchTitle: "Поиск",
  searchLabel: "Поиск по записям",
  searchButton: "Найти",
  searchNeedsScript: "Для поиска нужен JavaScript. Без него воспользуйтесь разделом «Все записи» и его фильтрами.",
  searchNoResults: "Ни одна запись не соответствует запросу.",
  searchResults: (n) => `Найдено: ${n}`,
  reportsTitle: "Ежегодные отчеты",
  reportsIntro: "Ежегодный отчет Совету МСЭ: добавленные и обновленные записи по регионам, типам и темам.",
  reportTitle: (year) => `COP Atlas: ежегодный отчет за ${year} год`,
  reportIntro: (year) => `Что было добавлено и обновлено в COP Atlas в ${year} году, для Совета МСЭ.`,
  reportDataNote: (year) =>
    `Записи составляются редакцией атласа по открытым источникам или предлагаются участниками; государства-члены и организации подтверждают, исправляют и дополняют их через назначенных рецензентов. Подтверждения учтены по состоянию на конец ${year} года.`,
  reportConfirmed: "Подтверждённые записи",
  reportUnconfirmed: "Ещё не подтверждённые записи",
  reportSummary: "Сводка",
  entriesAdded: "Добавлено записей",
  entriesUpdated: "Обновлено записей",
  byRegion: "По регионам МСЭ-D",
  byType: "По типам",
  byTopic: "По темам",
  contributors: "Страны и организации, записи которых были добавлены или обновлены",
  youthParticipation: "Участие молодежи",
  translationsMade: "Переводы",
  count: "Число",
  noneThisYear: "В этом году нет.",
  footerAbout: "COP Atlas — открытый репозиторий по защите детей в онлайновой среде.",
  footerLicence: "Данные — по лицензии CC BY 4.0, код — по лицензии MIT.",
  sourceCode: "Репозиторий",
  countryLabel: "Страна",
  organizationLabel: "Организация",
  page: "Страница",
  breadcrumb: "Навигационная цепочка",
  regionUncertain: "отнесение этой страны к региону МСЭ-D в справочной таблице не подтверждено",
  pagination: "Страницы",
  previousPage: "Предыдущая",
  nextPage: "Следующая",
  pageOf: (page, total) => `Страница ${page} из ${total}`,
  filtersOnFirstPage: "Чтобы отфильтровать список или выбрать записи по стране, теме или году, перейдите на первую страницу.",
  filtersUnavailable: "Не удалось загрузить фильтры. Воспользуйтесь ссылками в разделе «Выбрать по».",
  loadingEntries: "Загрузка записей…",
  allConcerning: (n) => `Все записи, касающиеся этой страны (${n})`,
  unStatusTitle: "Организация Объединенных Наций",
  unStatus: (member) => (member ? "Государство — член Организации Объединенных Наций" : "Государство, не являющееся членом ООН, со статусом наблюдателя"),
  countryNoEntries: (name) => `В COP Atlas пока нет записей по этой стране: ${name}.`,
  reviewersTitle: "Назначенные рецензенты",
  reviewersNone: "Рецензенты ещё не назначены. Секретариат назначает их по просьбе координатора страны.",
  contributeTitle: (name) => `Добавить мероприятие: ${name}`,
  contributeHelp:
    "Заполните форму на GitHub (нужна бесплатная учётная запись). Бот проверит ответы и превратит их в предложение, которое рецензенты страны утверждают до публикации.",
  contributeButton: "Добавить мероприятие",
  updateProfile: "Предложить рецензентов или обновить профиль страны",
  improveEntry: "Улучшить эту запись",
  editOnGitHub: "Изменить на GitHub",
  improveEntryHelp: "Исправления проверяются рецензентами страны до публикации.",
  notFoundTitle: "Страница не найдена",
  notFoundText: "По этому адресу нет страницы. Возможно, она перемещена или в адресе опечатка. Эти ссылки ведут обратно в атлас:",
  menu: "Меню",
  showFilters: "Показать фильтры",
  noMatch: "Ни одна запись не соответствует всем этим фильтрам сразу. Уберите один из них или начните заново:",
  dataUpdated: (date) => `Данные обновлены: ${date}`,
  navCompare: "Сравнение стран",
  compareIntro:
    "Сколько записей атласа касается каждой страны — по областям политики или по возможностям Типовой национальной модели реагирования WeProtect. Каждое число ведёт к списку этих записей. Ноль означает, что в атласе пока ничего нет, а не что страна ничего не делает.",
  compareOn: "Сравнивать по",
  compareAllRegions: "Все регионы",
  compareCaption: (dimension, where) => `Число записей по странам и элементам (${dimension.toLowerCase()}): ${where}`,
  compareHowToRead: "На маленьком экране таблица прокручивается по горизонтали; первый столбец остаётся читаемым.",
  compareTotal: "Все записи",
  downloadTableCsv: "Скачать эту таблицу (CSV)",
  sortLabel: "Сортировка",
  sortNewest: "Сначала новые",
  sortOldest: "Сначала старые",
  sortTitle: "Название",
  sortCountry: "Страна или организация",
  downloadList: "Скачать этот список:",
  downloadCsv: "CSV (таблица)",
  downloadJson: "JSON",
  downloadPreparing: "Подготовка файла…",
  downloadFailed: "Не удалось подготовить файл. Повторите попытку или скачайте все данные на странице открытых данных.",
  downloadHelp: "Файлы содержат те же столбцы и поля, что activities.csv и activities.json; они описаны на странице «API и загрузки».",
  navAbout: "О проекте",
  aboutTitle: "О COP Atlas",
  aboutIntro:
    "COP Atlas — открытое хранилище сведений о том, что страны и заинтересованные стороны делают для защиты детей в онлайновой среде: законы, стратегии, телефоны доверия, кампании, исследования, тематические исследования и передовой опыт. Оно отвечает на призыв Рабочей группы Совета МСЭ по защите детей в онлайновой среде создать онлайновое хранилище сведений о деятельности стран. Всё открыто: без входа в систему и без трекеров.",
  aboutWhoTitle: "Кто им управляет",
  aboutWho:
    "Секретариат, сопровождающий репозиторий, ведёт схемы, словари, инструменты и списки рецензентов, рассматривает записи стран, которые ещё не назначили рецензентов, и готовит ежегодный доклад Совету. Записи каждой страны утверждают рецензенты, назначенные этой страной.",
  aboutHowTitle: "Как составляются записи",
  aboutHow:
    "Записи составляются по открытым источникам, и каждая даёт на них ссылки. Предложить запись может любой, чаще всего координатор государства-члена по защите детей в онлайновой среде, — через форму, веб-редактор GitHub или на своём компьютере. Каждое предложение проверяется автоматически (обязательные сведения, источники, отсутствие персональных данных, рекомендуемая терминология) и рассматривается до публикации.",
  aboutConfirmTitle: "Как подтверждаются записи",
  aboutConfirm:
    "Запись считается подтверждённой, когда её одобряют назначенные рецензенты страны или организации, к которой она относится. В каждой записи указано, кто её составил и кто её подтвердил; если запись ещё никто не подтвердил, об этом сказано.",
  aboutGovernanceTitle: "Управление",
  aboutGovernance:
    "Рецензентов страны назначает её администрация письменным обращением в секретариат; они вносятся в репозиторий через рассмотренное изменение, и никто не может одобрить собственную работу или сам назначить себя рецензентом. Изменения схем, словарей и инструментов предлагаются открыто и решаются секретариатом после консультаций с координаторами и рецензентами. Код и данные публикуются под открытыми лицензиями.",
  aboutGovernanceLink: "Полные правила управления (на английском языке)",
  aboutContactTitle: "Контакты",
  aboutContactQuestions: "Вопросы и предложения: задайте их в разделе Discussions репозитория",
  aboutContactCorrection: "Ошибка в записи: воспользуйтесь ссылкой «Предложить исправление» на её странице",
  aboutContactSecurity: "Проблема безопасности или персональные данные в записи: сообщите о них конфиденциально",
  apiTitle: "API и загрузки",
  apiIntro:
    "Все файлы статичны и открыты; их можно свободно использовать по лицензии CC BY 4.0 со ссылкой на источник. API описан в OpenAPI 3.1, а каждый файл JSON — схемой JSON; таблицы ниже построены по этим схемам и поэтому всегда соответствуют файлам. Описания полей даны на английском языке.",
  apiFilesTitle: "Файлы",
  apiFile: "Файл",
  apiSchema: "Схема",
  apiFieldsTitle: "Поля файлов JSON",
  apiLink: "Описание всех полей API",
};

const ar: Messages = {
  siteName: "COP Atlas",
  tagline: "ما تقوم به البلدان وشركاؤها لحماية الأطفال على الإنترنت",
  skipToContent: "الانتقال إلى المحتوى",
  mainNavigation: "التنقل الرئيسي",
  languageSwitcher: "اللغة",
  navHome: "الصفحة الرئيسية",
  navBrowse: "تصفح المدخلات",
  navOwners: "البلدان والمنظمات",
  navYouth: "مشاركة الشباب",
  navSearch: "البحث",
  navData: "البيانات المفتوحة",
  navVocabularies: "المفردات",
  navReports: "التقارير السنوية",
  homeIntro:
    "أطلس حماية الأطفال على الإنترنت (COP Atlas) مستودع مفتوح للأنشطة الوطنية والإقليمية والدولية ودراسات الحالة والممارسات الجيدة في مجال حماية الأطفال على الإنترنت. تُجمع مدخلاته من مصادر عامة، ولكل مدخل روابطه؛ وتؤكدها الدول الأعضاء والمنظمات وتصححها وتضيف إليها عن طريق مراجعيها المعيَّنين، ويبيّن كل مدخل ما إذا كان قد أُكِّد.",
  homeWhy:
    "وهو يلبي طلباً من فريق العمل التابع لمجلس الاتحاد الدولي للاتصالات المعني بحماية الأطفال على الإنترنت. كل ما فيه متاح للجمهور، ويمكن قراءته باللغات الرسمية الست للأمم المتحدة وتنزيله كبيانات مفتوحة.",
  keyFigures: "أرقام رئيسية",
  figureEntries: "مدخلات",
  figureCountries: "بلدان",
  figureOrganizations: "منظمات",
  figureGoodPractices: "ممارسات جيدة",
  figureConfirmed: "مدخلات مؤكَّدة",
  figureLanguages: "لغات",
  mapTitle: "التغطية حسب البلد",
  mapDescription: (n) => `خريطة العالم: عدد البلدان التي لها مدخل واحد على الأقل ${n}. كلما كان اللون أغمق زاد عدد المدخلات. وترد الأرقام نفسها تحت الخريطة.`,
  mapLegend: "عدد المدخلات",
  mapNone: "لا شيء",
  mapNeutral: "إقليم غير متمتع بالحكم الذاتي أو منطقة لم يُحسم وضعها، دون تلوين",
  latestEntries: "أحدث المدخلات",
  allEntries: "جميع المدخلات",
  noEntries: "لا توجد مدخلات بعد.",
  browseTitle: "تصفح المدخلات",
  browseIntro: "جميع مدخلات COP Atlas. اختر عوامل التصفية لتضييق القائمة، أو اتبع رابطاً تحت «التصفح حسب».",
  filters: "عوامل التصفية",
  any: "الكل",
  applyFilters: "تطبيق عوامل التصفية",
  resetFilters: "إعادة الضبط",
  results: (n) => `عدد المدخلات: ${n}`,
  browseBy: "التصفح حسب",
  filterCountry: "البلد",
  filterRegion: "منطقة قطاع التنمية",
  filterYear: "السنة",
  filterLanguage: "لغة النص",
  ownersTitle: "البلدان والمنظمات",
  countries: "البلدان",
  organizations: "المنظمات",
  entriesCount: (n) => `عدد المدخلات: ${n}`,
  region: "منطقة قطاع التنمية",
  profile: "الملف التعريفي",
  nationalFramework: "الإطار والمراجع",
  entriesOf: (name) => `مدخلات ${name}`,
  proposeEntry: "اقتراح مدخل جديد",
  proposeEntryHelp: "يمكن لأي شخص اقتراح مدخل عبر استمارة على GitHub، ويتحقق منه المراجعون المعيَّنون قبل نشره.",
  facts: "الوقائع",
  start: "البداية",
  notStated: "غير مذكور",
  notYetConfirmedBy: (names) => `لم يؤكَّد بعد من قِبَل: ${names}`,
  confirmedByOn: (names, date) => `أُكِّد في ${date} من قِبَل: ${names}`,
  end: "النهاية",
  countriesCovered: "البلدان المشمولة",
  lead: "بقيادة",
  partners: "الشركاء",
  sdgTargets: "غايات أهداف التنمية المستدامة",
  sources: "المصادر",
  contact: "الاتصال",
  related: "مدخلات ذات صلة",
  translations: "لغات هذا المدخل",
  original: "الأصل",
  outOfDate: "غير محدَّثة",
  translationNote: (method, original) => `هذا النص ترجمة (${method}) للأصل باللغة ${original}.`,
  outOfDateNote: (original) => `تغيَّر الأصل باللغة ${original} منذ إعداد هذه الترجمة، فقد لا تكون محدَّثة.`,
  fallbackNote: (wanted, shownIn) => `هذا المدخل غير متاح بعد باللغة ${wanted}. وهو معروض بلغته الأصلية، ${shownIn}.`,
  summaryOnlyNote: (wanted, shownIn) => `هذا المدخل غير متاح بعد باللغة ${wanted}. ترد بياناته أدناه، وملخّصه بلغته الأصلية، ${shownIn}.`,
  readFullText: (language) => `اقرأ النص الكامل باللغة ${language}`,
  provenance: "السجل",
  firstAdded: "أضيف في",
  lastUpdated: "آخر تحديث",
  pullRequest: "طلب الدمج",
  approvedBy: "اعتمده",
  viewFile: "عرض الملفات",
  viewHistory: "عرض السجل",
  suggestCorrection: "اقتراح تصحيح",
  notCommitted: "لم يُنشر بعد في سجل المستودع.",
  historyIncomplete: "لم يكن السجل الكامل متاحاً عند إنشاء هذه الصفحة.",
  cite: "الاستشهاد بهذا المدخل",
  permalink: "الرابط الدائم",
  citationIntro: "الاستشهاد المقترح:",
  downloadEntry: "هذا المدخل بصيغة JSON",
  accessedOn: "تاريخ الاطلاع",
  youthTitle: "مشاركة الشباب",
  youthIntro: "طلب فريق العمل أن تُسمع آراء الشباب. وهنا تجد مشاورات الشباب والأنشطة الأخرى التي يشارك فيها الأطفال والشباب.",
  vocabulariesTitle: "المفردات",
  vocabulariesIntro: "القوائم المضبوطة التي تستخدمها المدخلات، مع تسمياتها باللغات الست للأمم المتحدة.",
  term: "المصطلح",
  identifier: "المعرِّف",
  description: "الوصف",
  dataTitle: "البيانات المفتوحة",
  dataIntro: "يمكن تنزيل جميع بيانات COP Atlas بموجب ترخيص CC BY 4.0. والعناوين أدناه ثابتة.",
  dataDownloads: "التنزيلات",
  dataDictionary: "قاموس البيانات",
  field: "الحقل",
  valueType: "النوع",
  required: "إلزامي",
  yes: "نعم",
  no: "لا",
  fileKind: "الملف",
  feeds: "موجزات الأخبار (Atom)",
  licenceNote: "البيانات بموجب ترخيص CC BY 4.0، والشفرة بموجب ترخيص MIT.",
  searchTitle: "البحث",
  searchLabel: "البحث في المدخلات",
  searchButton: "بحث",
  searchNeedsScript: "يتطلب البحث JavaScript. ومن دونه، استخدم «تصفح المدخلات» وعوامل التصفية فيه.",
  searchNoResults: "لا يوجد مدخل يطابق هذا البحث.",
  searchResults: (n) => `عدد النتائج: ${n}`,
  reportsTitle: "التقارير السنوية",
  reportsIntro: "التقرير السنوي المقدَّم إلى مجلس الاتحاد: المدخلات المضافة والمحدَّثة حسب المنطقة والنوع والموضوع.",
  reportTitle: (year) => `COP Atlas: التقرير السنوي لعام ${year}`,
  reportIntro: (year) => `ما أضيف إلى COP Atlas وما حُدِّث فيه في عام ${year}، لمجلس الاتحاد.`,
  reportDataNote: (year) =>
    `يجمع محررو الأطلس المدخلات من مصادر عامة أو يقترحها مساهمون؛ وتؤكدها الدول الأعضاء والمنظمات وتصححها وتضيف إليها عن طريق مراجعيها المعيَّنين. وتُحسب حالات التأكيد كما كانت في نهاية عام ${year}.`,
  reportConfirmed: "المدخلات المؤكَّدة",
  reportUnconfirmed: "المدخلات التي لم تؤكَّد بعد",
  reportSummary: "الملخص",
  entriesAdded: "المدخلات المضافة",
  entriesUpdated: "المدخلات المحدَّثة",
  byRegion: "حسب منطقة قطاع التنمية",
  byType: "حسب النوع",
  byTopic: "حسب الموضوع",
  contributors: "البلدان والمنظمات التي أضيفت مدخلاتها أو حُدِّثت",
  youthParticipation: "مشاركة الشباب",
  translationsMade: "الترجمات",
  count: "العدد",
  noneThisYear: "لا شيء هذا العام.",
  footerAbout: "COP Atlas: مستودع مفتوح لحماية الأطفال على الإنترنت.",
  footerLicence: "البيانات بموجب ترخيص CC BY 4.0، والشفرة بموجب ترخيص MIT.",
  sourceCode: "المستودع",
  countryLabel: "البلد",
  organizationLabel: "المنظمة",
  page: "الصفحة",
  breadcrumb: "مسار التنقل",
  regionUncertain: "انتماء هذا البلد إلى منطقة قطاع التنمية غير مؤكد في الجدول المرجعي",
  pagination: "الصفحات",
  previousPage: "السابقة",
  nextPage: "التالية",
  pageOf: (page, total) => `الصفحة ${page} من ${total}`,
  filtersOnFirstPage: "لتصفية القائمة أو التصفح حسب البلد أو الموضوع أو السنة، انتقل إلى الصفحة الأولى.",
  filtersUnavailable: "تعذر تحميل عوامل التصفية هنا. استخدم روابط «التصفح حسب» بدلاً منها.",
  loadingEntries: "جارٍ تحميل المدخلات…",
  allConcerning: (n) => `جميع المدخلات المتعلقة بهذا البلد (${n})`,
  unStatusTitle: "الأمم المتحدة",
  unStatus: (member) => (member ? "دولة عضو في الأمم المتحدة" : "دولة غير عضو لها صفة المراقب في الأمم المتحدة"),
  countryNoEntries: (name) => `لا يتضمن COP Atlas أي مدخلات بعد عن هذا البلد: ${name}.`,
  reviewersTitle: "المراجعون المعيَّنون",
  reviewersNone: "لم يُعيَّن أي مراجع بعد. تعيّن الأمانة المراجعين بناءً على طلب جهة الاتصال في البلد.",
  contributeTitle: (name) => `إضافة نشاط: ${name}`,
  contributeHelp: "املأ استمارة على GitHub (يلزم حساب مجاني). يتحقق روبوت من إجاباتك ويحوّلها إلى اقتراح يوافق عليه مراجعو البلد قبل نشره.",
  contributeButton: "إضافة نشاط",
  updateProfile: "اقتراح مراجعين أو تحديث ملف البلد",
  improveEntry: "تحسين هذا المُدخل",
  editOnGitHub: "التعديل على GitHub",
  improveEntryHelp: "يتحقق مراجعو البلد من التصحيحات قبل نشرها.",
  notFoundTitle: "الصفحة غير موجودة",
  notFoundText: "لا توجد صفحة في هذا العنوان. ربما نُقلت أو أن في العنوان خطأ. تعيدك هذه الروابط إلى الأطلس:",
  menu: "القائمة",
  showFilters: "إظهار عوامل التصفية",
  noMatch: "لا يطابق أي مُدخل جميع عوامل التصفية هذه معاً. أزل أحدها، أو ابدأ من جديد:",
  dataUpdated: (date) => `آخر تحديث للبيانات: ${date}`,
  navCompare: "مقارنة البلدان",
  compareIntro:
    "عدد مدخلات الأطلس المتعلقة بكل بلد، حسب مجال السياسات أو حسب قدرات النموذج الوطني للاستجابة الصادر عن WeProtect. يقود كل رقم إلى قائمة تلك المدخلات. ويعني الصفر أن الأطلس لا يتضمن شيئاً بعد، لا أن البلد لا يفعل شيئاً.",
  compareOn: "المقارنة حسب",
  compareAllRegions: "جميع المناطق",
  compareCaption: (dimension, where) => `عدد المدخلات حسب البلد و(${dimension}): ${where}`,
  compareHowToRead: "على الشاشات الصغيرة يُمرَّر الجدول أفقياً، ويبقى العمود الأول مقروءاً.",
  compareTotal: "جميع المدخلات",
  downloadTableCsv: "تنزيل هذا الجدول (CSV)",
  sortLabel: "ترتيب حسب",
  sortNewest: "الأحدث أولاً",
  sortOldest: "الأقدم أولاً",
  sortTitle: "العنوان",
  sortCountry: "البلد أو المنظمة",
  downloadList: "تنزيل هذه القائمة:",
  downloadCsv: "CSV (جدول بيانات)",
  downloadJson: "JSON",
  downloadPreparing: "جارٍ إعداد الملف…",
  downloadFailed: "تعذّر إعداد الملف. حاول مرة أخرى، أو نزّل جميع البيانات من صفحة البيانات المفتوحة.",
  downloadHelp: "تحتوي الملفات على أعمدة وحقول activities.csv وactivities.json، المشروحة في صفحة واجهة البرمجة والتنزيلات.",
  navAbout: "حول الأطلس",
  aboutTitle: "حول أطلس COP",
  aboutIntro:
    "أطلس COP مستودع مفتوح لما تفعله البلدان وأصحاب المصلحة لحماية الأطفال على الإنترنت: القوانين والاستراتيجيات وخطوط المساعدة والحملات والبحوث ودراسات الحالة والممارسات الجيدة. وهو يلبي دعوة فريق العمل التابع لمجلس الاتحاد الدولي للاتصالات المعني بحماية الأطفال على الإنترنت إلى إنشاء مستودع إلكتروني لأنشطة البلدان. كل شيء علني: لا تسجيل دخول ولا أدوات تتبع.",
  aboutWhoTitle: "من يديره",
  aboutWho:
    "تتولى الأمانة، وهي القائمة على صيانة المستودع، إدارة المخططات والمفردات والأدوات وقوائم المراجعين، وتراجع مدخلات البلدان التي لم تعيّن مراجعين بعد، وتعدّ التقرير السنوي إلى المجلس. ويوافق على مدخلات كل بلد المراجعون الذين عيّنهم ذلك البلد.",
  aboutHowTitle: "كيف تُجمع المدخلات",
  aboutHow:
    "تُجمع المدخلات من مصادر علنية، ويرتبط كل منها بمصادره. ويمكن لأي شخص أن يقترح مدخلاً، وغالباً ما يكون جهة الاتصال المعنية بحماية الأطفال على الإنترنت في دولة عضو، عبر استمارة أو محرر الويب في GitHub أو من حاسوبه الخاص. ويُفحص كل اقتراح آلياً (الوقائع المطلوبة والمصادر وخلوه من البيانات الشخصية والمصطلحات الموصى بها) ثم يُراجع قبل نشره.",
  aboutConfirmTitle: "كيف تُؤكَّد المدخلات",
  aboutConfirm:
    "يصبح المدخل مؤكَّداً عندما يوافق عليه المراجعون المعيَّنون لبلد أو منظمة يخصّها. ويذكر كل مدخل من جمعه ومن أكّده، ويذكر المدخل الذي لم يؤكده أحد بعد ذلك صراحة.",
  aboutGovernanceTitle: "الحوكمة",
  aboutGovernance:
    "تعيّن إدارةُ كل بلد مراجعيه بكتاب إلى الأمانة، ويُسجَّلون في المستودع بتغيير تجري مراجعته؛ ولا يجوز لأحد أن يوافق على عمله بنفسه أو أن يضيف نفسه مراجعاً. وتُقترح التغييرات على المخططات والمفردات والأدوات علناً وتقررها الأمانة بعد التشاور مع جهات الاتصال والمراجعين. ويُنشر الرمز والبيانات بتراخيص مفتوحة.",
  aboutGovernanceLink: "قواعد الحوكمة كاملة (بالإنكليزية)",
  aboutContactTitle: "الاتصال",
  aboutContactQuestions: "الأسئلة والاقتراحات: اطرحها في قسم Discussions في المستودع",
  aboutContactCorrection: "خطأ في مدخل: استخدم «اقتراح تصحيح» في صفحته",
  aboutContactSecurity: "مشكلة أمنية أو بيانات شخصية في مدخل: أبلغ عنها بشكل خاص",
  apiTitle: "واجهة البرمجة والتنزيلات",
  apiIntro:
    "كل ملف ثابت وعلني، ويمكن إعادة استخدامه بحرية بموجب ترخيص CC BY 4.0 مع نسبة المصدر. وتوصف واجهة البرمجة بمواصفة OpenAPI 3.1 ويوصف كل ملف JSON بمخطط JSON؛ وتُولَّد الجداول أدناه من هذه المخططات، فتطابق الملفات دائماً. وأوصاف الحقول بالإنكليزية.",
  apiFilesTitle: "الملفات",
  apiFile: "الملف",
  apiSchema: "المخطط",
  apiFieldsTitle: "حقول ملفات JSON",
  apiLink: "شرح جميع حقول واجهة البرمجة",
};

const zh: Messages = {
  siteName: "COP Atlas",
  tagline: "各国及其伙伴在儿童在线保护方面的行动",
  skipToContent: "跳到正文",
  mainNavigation: "主导航",
  languageSwitcher: "语言",
  navHome: "首页",
  navBrowse: "浏览条目",
  navOwners: "国家和组织",
  navYouth: "青年参与",
  navSearch: "搜索",
  navData: "开放数据",
  navVocabularies: "词表",
  navReports: "年度报告",
  homeIntro:
    "COP Atlas 是一个开放的资料库，收录儿童在线保护方面的国家、区域和国际活动、案例研究和良好做法。条目依据公开来源汇编，每条均附来源链接；会员国和相关组织通过其指定审核人确认、更正和补充条目，每个条目均注明是否已经确认。",
  homeWhy: "它回应了国际电联理事会保护上网儿童工作组的要求。所有内容均公开，可用联合国六种正式语文阅读，并可作为开放数据下载。",
  keyFigures: "关键数字",
  figureEntries: "个条目",
  figureCountries: "个国家",
  figureOrganizations: "个组织",
  figureGoodPractices: "项良好做法",
  figureConfirmed: "个已确认条目",
  figureLanguages: "种语言",
  mapTitle: "按国家分列的覆盖情况",
  mapDescription: (n) => `世界地图：有 ${n} 个国家至少有一个条目。颜色越深，条目越多。地图下方列出了相同的数字。`,
  mapLegend: "条目数",
  mapNone: "无",
  mapNeutral: "非自治领土或地位未定地区，不着色",
  latestEntries: "最新条目",
  allEntries: "全部条目",
  noEntries: "尚无条目。",
  browseTitle: "浏览条目",
  browseIntro: "COP Atlas 的全部条目。选择筛选条件以缩小列表，或点击“按类别浏览”下的链接。",
  filters: "筛选",
  any: "全部",
  applyFilters: "应用筛选",
  resetFilters: "重置",
  results: (n) => `${n} 个条目`,
  browseBy: "按类别浏览",
  filterCountry: "国家",
  filterRegion: "国际电联发展部门区域",
  filterYear: "年份",
  filterLanguage: "文本语言",
  ownersTitle: "国家和组织",
  countries: "国家",
  organizations: "组织",
  entriesCount: (n) => `${n} 个条目`,
  region: "国际电联发展部门区域",
  profile: "概况",
  nationalFramework: "框架和参考资料",
  entriesOf: (name) => `${name}的条目`,
  proposeEntry: "提议新条目",
  proposeEntryHelp: "任何人都可以通过 GitHub 上的表格提议条目；指定审核人在发布前对其进行核实。",
  facts: "基本信息",
  start: "开始",
  notStated: "未说明",
  notYetConfirmedBy: (names) => `尚未经以下方面确认：${names}`,
  confirmedByOn: (names, date) => `已于${date}经以下方面确认：${names}`,
  end: "结束",
  countriesCovered: "涵盖国家",
  lead: "牵头方",
  partners: "合作伙伴",
  sdgTargets: "可持续发展目标具体目标",
  sources: "来源",
  contact: "联系方式",
  related: "相关条目",
  translations: "本条目的语言版本",
  original: "原文",
  outOfDate: "已过时",
  translationNote: (method, original) => `本文是${original}原文的译文（${method}）。`,
  outOfDateNote: (original) => `${original}原文在此译文完成后已有改动：译文可能已过时。`,
  fallbackNote: (wanted, shownIn) => `本条目尚无${wanted}版本，现以其原文语言（${shownIn}）显示。`,
  summaryOnlyNote: (wanted, shownIn) => `本条目尚无${wanted}版本。以下为其基本信息，摘要为原文语言（${shownIn}）。`,
  readFullText: (language) => `阅读${language}全文`,
  provenance: "历史记录",
  firstAdded: "首次添加",
  lastUpdated: "最近更新",
  pullRequest: "合并请求",
  approvedBy: "批准人",
  viewFile: "查看文件",
  viewHistory: "查看历史",
  suggestCorrection: "建议更正",
  notCommitted: "尚未发布到资料库的历史记录中。",
  historyIncomplete: "生成本页时无法获得完整的历史记录。",
  cite: "引用本条目",
  permalink: "永久链接",
  citationIntro: "建议引用格式：",
  downloadEntry: "本条目的 JSON 数据",
  accessedOn: "访问日期",
  youthTitle: "青年参与",
  youthIntro: "工作组要求倾听青年的意见。这里汇集了青年磋商以及儿童和青年参与的其他活动。",
  vocabulariesTitle: "词表",
  vocabulariesIntro: "条目使用的受控词表，附联合国六种语文的标签。",
  term: "术语",
  identifier: "标识符",
  description: "说明",
  dataTitle: "开放数据",
  dataIntro: "COP Atlas 的全部数据均可按 CC BY 4.0 许可下载。以下地址保持不变。",
  dataDownloads: "下载",
  dataDictionary: "数据字典",
  field: "字段",
  valueType: "类型",
  required: "必填",
  yes: "是",
  no: "否",
  fileKind: "文件",
  feeds: "新闻订阅源（Atom）",
  licenceNote: "数据采用 CC BY 4.0 许可；代码采用 MIT 许可。",
  searchTitle: "搜索",
  searchLabel: "搜索条目",
  searchButton: "搜索",
  searchNeedsScript: "搜索需要 JavaScript。没有 JavaScript 时，请使用“浏览条目”及其筛选功能。",
  searchNoResults: "没有与此搜索相符的条目。",
  searchResults: (n) => `${n} 个结果`,
  reportsTitle: "年度报告",
  reportsIntro: "每年向国际电联理事会提交的报告：按区域、类型和主题分列的新增和更新条目。",
  reportTitle: (year) => `COP Atlas：${year} 年度报告`,
  reportIntro: (year) => `${year} 年 COP Atlas 新增和更新的内容，供国际电联理事会参阅。`,
  reportDataNote: (year) =>
    `条目由图集编辑依据公开来源汇编，或由贡献者提议；会员国和相关组织通过其指定审核人确认、更正和补充条目。确认情况按 ${year} 年年底统计。`,
  reportConfirmed: "已确认条目",
  reportUnconfirmed: "尚未确认条目",
  reportSummary: "摘要",
  entriesAdded: "新增条目",
  entriesUpdated: "更新条目",
  byRegion: "按国际电联发展部门区域",
  byType: "按类型",
  byTopic: "按主题",
  contributors: "有条目新增或更新的国家和组织",
  youthParticipation: "青年参与",
  translationsMade: "翻译",
  count: "数量",
  noneThisYear: "本年度无。",
  footerAbout: "COP Atlas：儿童在线保护开放资料库。",
  footerLicence: "数据采用 CC BY 4.0 许可，代码采用 MIT 许可。",
  sourceCode: "资料库",
  countryLabel: "国家",
  organizationLabel: "组织",
  page: "页",
  breadcrumb: "导航路径",
  regionUncertain: "参考表中该国所属的国际电联发展部门区域尚不确定",
  pagination: "分页",
  previousPage: "上一页",
  nextPage: "下一页",
  pageOf: (page, total) => `第 ${page} 页，共 ${total} 页`,
  filtersOnFirstPage: "如需筛选列表或按国家、主题或年份浏览，请前往第一页。",
  filtersUnavailable: "无法在此加载筛选条件。请改用“按类别浏览”下的链接。",
  loadingEntries: "正在加载条目…",
  allConcerning: (n) => `查看与该国有关的全部 ${n} 个条目`,
  unStatusTitle: "联合国",
  unStatus: (member) => (member ? "联合国会员国" : "联合国非会员观察员国"),
  countryNoEntries: (name) => `COP Atlas 尚未收录该国的条目：${name}。`,
  reviewersTitle: "指定审核人",
  reviewersNone: "尚未指定审核人。秘书处应该国联络人的请求指定审核人。",
  contributeTitle: (name) => `添加活动：${name}`,
  contributeHelp: "在 GitHub 上填写表单（需要一个免费账户）。机器人会检查您的回答，并将其转为提案，经该国审核人批准后发布。",
  contributeButton: "添加活动",
  updateProfile: "推荐审核人或更新国家概况",
  improveEntry: "改进此条目",
  editOnGitHub: "在 GitHub 上编辑",
  improveEntryHelp: "更正在发布前由该国审核人检查。",
  notFoundTitle: "未找到页面",
  notFoundText: "此地址没有页面。页面可能已移动，或地址输入有误。以下链接可返回图集：",
  menu: "菜单",
  showFilters: "显示筛选条件",
  noMatch: "没有条目同时符合所有这些筛选条件。请去掉其中一个，或重新开始：",
  dataUpdated: (date) => `数据最后更新：${date}`,
  navCompare: "国家比较",
  compareIntro:
    "图集中与每个国家有关的条目数量，按政策领域或 WeProtect 国家示范应对模式的能力分列。每个数字都链接到这些条目的列表。零表示图集尚未收录任何内容，而不是该国没有采取任何行动。",
  compareOn: "比较维度",
  compareAllRegions: "所有区域",
  compareCaption: (dimension, where) => `按国家和${dimension}分列的条目数：${where}`,
  compareHowToRead: "在小屏幕上，表格可横向滚动；第一列始终可读。",
  compareTotal: "全部条目",
  downloadTableCsv: "下载此表（CSV）",
  sortLabel: "排序方式",
  sortNewest: "最新优先",
  sortOldest: "最早优先",
  sortTitle: "标题",
  sortCountry: "国家或组织",
  downloadList: "下载此列表：",
  downloadCsv: "CSV（电子表格）",
  downloadJson: "JSON",
  downloadPreparing: "正在准备文件…",
  downloadFailed: "无法准备文件。请重试，或在开放数据页面下载全部数据。",
  downloadHelp: "文件的列和字段与 activities.csv 和 activities.json 相同，说明见“API 与下载”页面。",
  navAbout: "关于",
  aboutTitle: "关于 COP Atlas",
  aboutIntro:
    "COP Atlas 是一个开放的资料库，收录各国和利益攸关方为保护上网儿童所做的工作：法律、战略、求助热线、宣传活动、研究、案例研究和良好做法。它响应国际电联理事会保护上网儿童工作组关于建立各国活动在线资料库的要求。一切公开：无需登录，没有跟踪器。",
  aboutWhoTitle: "由谁运行",
  aboutWho:
    "秘书处负责维护资料库，管理模式、词表、工具和审核人名单，审核尚未指定审核人的国家的条目，并编写提交理事会的年度报告。每个国家的条目由该国指定的审核人批准。",
  aboutHowTitle: "条目如何汇编",
  aboutHow:
    "条目根据公开来源汇编，每个条目都附有来源链接。任何人都可以提出条目，通常是会员国负责保护上网儿童的联络人，可通过表单、GitHub 网页编辑器或自己的计算机提交。每项提议在发布前都会经过自动检查（必填事实、来源、不含个人数据、推荐术语）和审核。",
  aboutConfirmTitle: "条目如何确认",
  aboutConfirm: "当条目所涉国家或组织的指定审核人批准后，该条目即被确认。每个条目都注明由谁汇编、由谁确认；尚未被确认的条目也会注明。",
  aboutGovernanceTitle: "治理",
  aboutGovernance:
    "一国的审核人由该国主管部门书面通知秘书处指定，并通过经审核的更改记入资料库；任何人都不能批准自己的工作，也不能将自己添加为审核人。对模式、词表和工具的更改公开提出，由秘书处在征求联络人和审核人意见后决定。代码和数据以开放许可发布。",
  aboutGovernanceLink: "完整的治理规则（英文）",
  aboutContactTitle: "联系",
  aboutContactQuestions: "问题和建议：请在资料库的 Discussions 中提出",
  aboutContactCorrection: "条目有误：请使用条目页面上的“建议更正”",
  aboutContactSecurity: "安全问题或条目中的个人数据：请私下报告",
  apiTitle: "API 与下载",
  apiIntro:
    "所有文件都是静态、公开的，可按 CC BY 4.0 许可注明出处后自由再利用。API 以 OpenAPI 3.1 描述，每个 JSON 文件都有 JSON 模式；下表由这些模式生成，因此始终与文件一致。字段说明为英文。",
  apiFilesTitle: "文件",
  apiFile: "文件",
  apiSchema: "模式",
  apiFieldsTitle: "JSON 文件的字段",
  apiLink: "所有 API 字段说明",
};

export const MESSAGES: Record<UnLanguage, Messages> = { ar, zh, en, fr, ru, es };

/** The interface text in one language. */
export function messages(lang: UnLanguage): Messages {
  return MESSAGES[lang];
}

/** The BCP 47 tag used for dates and numbers in each interface language. */
export const LOCALES: Record<UnLanguage, string> = { ar: "ar", zh: "zh-Hans", en: "en-GB", fr: "fr-FR", ru: "ru-RU", es: "es-ES" };

/** A date (ISO string or partial date "2019", "2019-06") written for readers of a language. */
export function formatDate(lang: UnLanguage, value: string): string {
  const parts = value.slice(0, 10).split("-").map(Number);
  const [year, month, day] = parts;
  if (!year) return value;
  if (parts.length === 1) return String(year);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  return dateFormatter(lang, parts.length === 2 ? "month" : "day").format(date);
}

/** Formatters are costly to make and a build formats hundreds of thousands of dates: one per language and precision. */
const DATE_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(lang: UnLanguage, precision: "month" | "day"): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let formatter = DATE_FORMATTERS.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      precision === "month" ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    // Latin digits everywhere: the data, the citations and the filters use them.
    formatter = new Intl.DateTimeFormat(`${LOCALES[lang]}-u-nu-latn`, options);
    DATE_FORMATTERS.set(key, formatter);
  }
  return formatter;
}

/** A number written for readers of a language, with Latin digits. */
export function formatNumber(lang: UnLanguage, value: number): string {
  let formatter = NUMBER_FORMATTERS.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(`${LOCALES[lang]}-u-nu-latn`);
    NUMBER_FORMATTERS.set(lang, formatter);
  }
  return formatter.format(value);
}

const NUMBER_FORMATTERS = new Map<UnLanguage, Intl.NumberFormat>();
