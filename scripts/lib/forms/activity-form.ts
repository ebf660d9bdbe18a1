import type { SchemaCatalog } from "../schema/catalog.ts";
import type { Vocabularies } from "../vocab.ts";

/** The input types of GitHub issue forms that the forms use. */
export type FieldType = "input" | "textarea" | "dropdown" | "checkboxes";

/** Where a form answer goes. */
export type FieldTarget =
  | { file: "activity"; property: string; part?: string }
  | { file: "narrative"; property: "title" | "officialTitles" | "summary" | "body" }
  | { file: "location"; property: "country" | "slug" };

/** One question of the "new activity" form. */
export interface FormField {
  id: string;
  type: FieldType;
  label: string;
  description: string;
  required: boolean;
  target: FieldTarget;
  placeholder?: string;
  /** For dropdowns and checkboxes: the controlled list the choices come from. */
  vocabulary?: string;
  /** For dropdowns: the id chosen in advance. */
  defaultId?: string;
}

/** How an activity.json property is asked; the label and description come from the schema and vocabularies unless given here. */
interface Presentation {
  id: string;
  type: FieldType;
  vocabulary?: string;
  label?: string;
  /** Appended to the schema's description: how to write the answer. */
  how?: string;
  placeholder?: string;
  defaultId?: string;
  part?: string;
  description?: string;
}

/**
 * How each activity.json property is asked. A test checks that every property of the schema is
 * here, so a new field in the schema cannot be forgotten in the form.
 */
export const ACTIVITY_PRESENTATION: Record<string, Presentation[]> = {
  kind: [{ id: "kind", type: "dropdown", vocabulary: "kinds", label: "Kind of entry", defaultId: "activity" }],
  type: [{ id: "type", type: "dropdown", vocabulary: "types" }],
  level: [{ id: "level", type: "dropdown", vocabulary: "levels", label: "Level", defaultId: "national" }],
  countries: [
    {
      id: "countries",
      type: "input",
      label: "Countries covered (for work across several countries)",
      how: "Country names in any UN language or three-letter codes, separated by commas, such as Kenya, Rwanda, UGA. Leave empty for your own country's activity.",
      placeholder: "KEN, RWA, UGA",
    },
  ],
  status: [{ id: "status", type: "dropdown", vocabulary: "statuses", label: "Status" }],
  start: [{ id: "start", type: "input", label: "Start date", how: "A year (2019), a month (2019-06) or a day (2019-06-30).", placeholder: "2019-06" }],
  end: [{ id: "end", type: "input", label: "End date", how: "Same format as the start date. Leave empty if it has not ended.", placeholder: "2023" }],
  lead: [
    {
      id: "lead",
      type: "textarea",
      label: "Lead organisations",
      how: "One organisation per line: its name, then optionally its acronym and its website, separated by |.",
      placeholder: "Communications Authority of Kenya | CA | https://www.ca.go.ke",
    },
  ],
  partners: [
    {
      id: "partners",
      type: "textarea",
      label: "Partner organisations",
      how: "One organisation per line, written like the lead organisations.",
      placeholder: "UNICEF Kenya | | https://www.unicef.org/kenya",
    },
  ],
  audiences: [{ id: "audiences", type: "checkboxes", vocabulary: "audiences", label: "Audiences" }],
  topics: [{ id: "topics", type: "checkboxes", vocabulary: "topics", label: "Topics" }],
  policyAreas: [{ id: "policy-areas", type: "checkboxes", vocabulary: "policy-areas", label: "Policy areas" }],
  mnrCapabilities: [{ id: "mnr-capabilities", type: "checkboxes", vocabulary: "mnr-capabilities", label: "Model National Response capabilities" }],
  sdgTargets: [{ id: "sdg-targets", type: "input", label: "SDG targets", how: "Targets separated by commas, such as 16.2, 4.7.", placeholder: "16.2" }],
  links: [
    {
      id: "links",
      type: "textarea",
      label: "Sources",
      how: "One public web address (https://) per line. Start the line with the kind of source: official (the responsible body's own page), document (the text itself), news (press coverage) or evaluation (results, an audit). A title may follow after |.",
      placeholder: "official https://www.example.go.ke/strategy\ndocument https://www.example.go.ke/strategy.pdf | National strategy (PDF)",
    },
  ],
  originalLanguage: [{ id: "language", type: "dropdown", vocabulary: "languages", label: "Language of the text", defaultId: "en" }],
  contact: [
    {
      id: "contact-organisation",
      type: "input",
      part: "organisation",
      label: "Public contact: organisation",
      description: "An organisation's public channel, never a private person's details. All four contact questions are optional.",
      placeholder: "Communications Authority of Kenya",
    },
    {
      id: "contact-url",
      type: "input",
      part: "url",
      label: "Public contact: web page or form",
      description: "An https:// address.",
      placeholder: "https://www.example.go.ke/contact",
    },
    {
      id: "contact-email",
      type: "input",
      part: "email",
      label: "Public contact: generic e-mail",
      description: "A generic mailbox such as info@ or cop@, not a person's address.",
      placeholder: "info@example.go.ke",
    },
    {
      id: "contact-phone",
      type: "input",
      part: "phone",
      label: "Public contact: hotline or helpline number",
      description: "A public number, such as a helpline.",
      placeholder: "+254 800 000 000",
    },
  ],
  related: [
    {
      id: "related",
      type: "input",
      label: "Related entries",
      how: "Permalinks of other entries, separated by commas: the country code, a slash and the entry's name, such as ken/be-the-cop-campaign-2015.",
      placeholder: "ken/be-the-cop-campaign-2015",
    },
  ],
  // Not asked: the bot records a form submission as compiled by a contributor, and confirmation is the reviewers' act.
  provenance: [],
};

/** Required activity.json properties that the form does not ask because the submission bot fills them in. */
export const FILLED_IN_BY_THE_BOT: ReadonlySet<string> = new Set(["provenance"]);

/** The form fields that are not activity.json properties. */
const LOCATION_AND_STORY: Record<
  "country" | "title" | "officialTitles" | "summary" | "body" | "slug",
  Omit<FormField, "required" | "description"> & { description?: string }
> = {
  country: { id: "country", type: "dropdown", vocabulary: "countries", label: "Country", target: { file: "location", property: "country" } },
  title: {
    id: "title",
    type: "input",
    label: "Title",
    placeholder: "National Child Online Protection Strategy",
    target: { file: "narrative", property: "title" },
  },
  officialTitles: {
    id: "official-titles",
    type: "textarea",
    label: "Official titles (optional)",
    description:
      'The official title of each law or document your text quotes, exactly as it is written, one per line. A title may use words the atlas otherwise avoids, such as "child pornography" in the Philippines\' Anti-Child Pornography Act of 2009: listed here, it is quoted as it is.',
    placeholder: "Anti-Child Pornography Act of 2009",
    target: { file: "narrative", property: "officialTitles" },
  },
  summary: { id: "summary", type: "textarea", label: "Summary", target: { file: "narrative", property: "summary" } },
  body: {
    id: "body",
    type: "textarea",
    label: "Description",
    description:
      "The story, in plain language: the context, what was done, the results and the lessons learned. You may use Markdown: a line starting with ## for a section heading, - for a list, [text](https://...) for a link. No HTML and no personal data.",
    placeholder: "## Context\n\n...\n\n## What was done\n\n...",
    target: { file: "narrative", property: "body" },
  },
  slug: {
    id: "slug",
    type: "input",
    label: "Short name for the web address (optional)",
    description:
      "The entry's permanent link is made from this name and the start year, such as national-cop-strategy-2019. Leave it empty to make it from the title; fill it in (lower-case English letters, digits and hyphens) when the title is not written in Latin letters.",
    placeholder: "national-cop-strategy",
    target: { file: "location", property: "slug" },
  },
};

interface SchemaProperty {
  description?: string;
  $ref?: string;
}

/**
 * The questions of the "new activity" form, in order: where (country), the story (language,
 * title, summary, description), then every activity.json property in the schema's order.
 * Labels of listed choices, descriptions and required flags come from the schemas and vocabularies.
 */
export function activityFormFields(catalog: SchemaCatalog): FormField[] {
  const vocabularies = catalog.vocabularies;
  const activity = catalog.schemaOf("activity");
  const narrative = catalog.schemaOf("narrative");
  const properties = activity.properties as Record<string, SchemaProperty>;
  const required = new Set(activity.required as string[]);
  const narrativeProperties = narrative.properties as Record<string, SchemaProperty>;
  const narrativeRequired = new Set(narrative.required as string[]);

  const describe = (property: string, schema: SchemaProperty | undefined, how?: string) => {
    const target = schema?.$ref ? catalog.resolve(schema.$ref, "activity.schema.json") : undefined;
    const own = schema?.description ?? (target && !target.vocabulary ? (target.schema.description as string | undefined) : undefined);
    return [own ?? target?.vocabulary?.title ?? property, how].filter(Boolean).join(" ");
  };

  const fields: FormField[] = [];
  const country = LOCATION_AND_STORY.country;
  fields.push({ ...country, description: "The country whose activity this is. The entry will be filed under its folder.", required: true });
  const languagePresentation = ACTIVITY_PRESENTATION.originalLanguage?.[0];
  if (languagePresentation)
    fields.push(
      fromPresentation(
        "originalLanguage",
        languagePresentation,
        properties.originalLanguage,
        required,
        vocabularies,
        describe,
        "The language you write the title, summary and description in. Translations can be added later.",
      ),
    );
  for (const key of ["title", "officialTitles", "summary", "body"] as const) {
    const field = LOCATION_AND_STORY[key];
    fields.push({
      ...field,
      description: field.description ?? `${narrativeProperties[key]?.description ?? ""} Write it in the language chosen above.`.trim(),
      required: key === "body" ? true : narrativeRequired.has(key),
    });
  }
  for (const [property, schema] of Object.entries(properties)) {
    if (property === "originalLanguage") continue;
    const presentations = ACTIVITY_PRESENTATION[property];
    if (!presentations) continue; // the coverage test fails for this property
    for (const presentation of presentations) fields.push(fromPresentation(property, presentation, schema, required, vocabularies, describe));
  }
  const slug = LOCATION_AND_STORY.slug;
  fields.push({ ...slug, description: slug.description ?? "", required: false });
  return fields;
}

function fromPresentation(
  property: string,
  presentation: Presentation,
  schema: SchemaProperty | undefined,
  required: Set<string>,
  vocabularies: Vocabularies,
  describe: (property: string, schema: SchemaProperty | undefined, how?: string) => string,
  description?: string,
): FormField {
  const vocabulary = presentation.vocabulary ? vocabularies.get(presentation.vocabulary) : undefined;
  return {
    id: presentation.id,
    type: presentation.type,
    label: presentation.label ?? vocabulary?.labels.en ?? property,
    description: description ?? presentation.description ?? describe(property, schema, presentation.how),
    required: required.has(property) && presentation.part === undefined,
    target: { file: "activity", property, ...(presentation.part ? { part: presentation.part } : {}) },
    ...(presentation.placeholder ? { placeholder: presentation.placeholder } : {}),
    ...(presentation.vocabulary ? { vocabulary: presentation.vocabulary } : {}),
    ...(presentation.defaultId ? { defaultId: presentation.defaultId } : {}),
  };
}
