import { formatMessage, hasMessage, type MessageKey } from "../i18n/messages.ts";
import type { SchemaCatalog } from "../schema/catalog.ts";
import type { UnLanguage } from "../vocab.ts";

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

/**
 * How an activity.json property is asked. The words (label, description, the title's and the
 * description's placeholders) are in the message catalogs under form.field.<id>.*, in six
 * languages; the placeholders here are examples that read the same in every language.
 */
interface Presentation {
  id: string;
  type: FieldType;
  vocabulary?: string;
  placeholder?: string;
  defaultId?: string;
  part?: string;
}

/**
 * How each activity.json property is asked. A test checks that every property of the schema is
 * here, so a new field in the schema cannot be forgotten in the form.
 */
export const ACTIVITY_PRESENTATION: Record<string, Presentation[]> = {
  kind: [{ id: "kind", type: "dropdown", vocabulary: "kinds", defaultId: "activity" }],
  type: [{ id: "type", type: "dropdown", vocabulary: "types" }],
  level: [{ id: "level", type: "dropdown", vocabulary: "levels", defaultId: "national" }],
  countries: [{ id: "countries", type: "input", placeholder: "KEN, RWA, UGA" }],
  status: [{ id: "status", type: "dropdown", vocabulary: "statuses" }],
  start: [{ id: "start", type: "input", placeholder: "2019-06" }],
  end: [{ id: "end", type: "input", placeholder: "2023" }],
  lead: [{ id: "lead", type: "textarea", placeholder: "Communications Authority of Kenya | CA | https://www.ca.go.ke" }],
  partners: [{ id: "partners", type: "textarea", placeholder: "UNICEF Kenya | | https://www.unicef.org/kenya" }],
  audiences: [{ id: "audiences", type: "checkboxes", vocabulary: "audiences" }],
  topics: [{ id: "topics", type: "checkboxes", vocabulary: "topics" }],
  policyAreas: [{ id: "policy-areas", type: "checkboxes", vocabulary: "policy-areas" }],
  mnrCapabilities: [{ id: "mnr-capabilities", type: "checkboxes", vocabulary: "mnr-capabilities" }],
  sdgTargets: [{ id: "sdg-targets", type: "input", placeholder: "16.2" }],
  links: [
    {
      id: "links",
      type: "textarea",
      placeholder: "official https://www.example.go.ke/strategy\ndocument https://www.example.go.ke/strategy.pdf | National strategy (PDF)",
    },
  ],
  originalLanguage: [{ id: "language", type: "dropdown", vocabulary: "languages", defaultId: "en" }],
  contact: [
    { id: "contact-organisation", type: "input", part: "organisation", placeholder: "Communications Authority of Kenya" },
    { id: "contact-url", type: "input", part: "url", placeholder: "https://www.example.go.ke/contact" },
    { id: "contact-email", type: "input", part: "email", placeholder: "info@example.go.ke" },
    { id: "contact-phone", type: "input", part: "phone", placeholder: "+254 800 000 000" },
  ],
  related: [{ id: "related", type: "input", placeholder: "ken/be-the-cop-campaign-2015" }],
  // Not asked: the bot records a form submission as compiled by a contributor, and confirmation is the reviewers' act.
  provenance: [],
};

/** Required activity.json properties that the form does not ask because the submission bot fills them in. */
export const FILLED_IN_BY_THE_BOT: ReadonlySet<string> = new Set(["provenance"]);

/** The form fields that are not activity.json properties. */
const LOCATION_AND_STORY: Record<"country" | "title" | "officialTitles" | "summary" | "body" | "slug", Presentation & { target: FieldTarget }> = {
  country: { id: "country", type: "dropdown", vocabulary: "countries", target: { file: "location", property: "country" } },
  title: { id: "title", type: "input", target: { file: "narrative", property: "title" } },
  officialTitles: {
    id: "official-titles",
    type: "textarea",
    placeholder: "Anti-Child Pornography Act of 2009",
    target: { file: "narrative", property: "officialTitles" },
  },
  summary: { id: "summary", type: "textarea", target: { file: "narrative", property: "summary" } },
  body: { id: "body", type: "textarea", target: { file: "narrative", property: "body" } },
  slug: { id: "slug", type: "input", placeholder: "national-cop-strategy", target: { file: "location", property: "slug" } },
};

/**
 * The questions of the "new activity" form in `lang`, in order: where (country), the story
 * (language, title, summary, description), then every activity.json property in the schema's
 * order. Required flags come from the schemas; the words from the message catalogs.
 */
export function activityFormFields(catalog: SchemaCatalog, lang: UnLanguage = "en"): FormField[] {
  const activity = catalog.schemaOf("activity");
  const narrative = catalog.schemaOf("narrative");
  const properties = activity.properties as Record<string, unknown>;
  const required = new Set(activity.required as string[]);
  const narrativeRequired = new Set(narrative.required as string[]);
  const field = (presentation: Presentation, target: FieldTarget, isRequired: boolean): FormField => {
    const words = fieldWords(presentation.id, lang);
    const placeholder = words.placeholder ?? presentation.placeholder;
    return {
      id: presentation.id,
      type: presentation.type,
      label: words.label,
      description: words.description,
      required: isRequired,
      target,
      ...(placeholder ? { placeholder } : {}),
      ...(presentation.vocabulary ? { vocabulary: presentation.vocabulary } : {}),
      ...(presentation.defaultId ? { defaultId: presentation.defaultId } : {}),
    };
  };

  const fields: FormField[] = [];
  fields.push(field(LOCATION_AND_STORY.country, LOCATION_AND_STORY.country.target, true));
  const language = ACTIVITY_PRESENTATION.originalLanguage?.[0];
  if (language) fields.push(field(language, { file: "activity", property: "originalLanguage" }, required.has("originalLanguage")));
  for (const key of ["title", "officialTitles", "summary", "body"] as const) {
    const story = LOCATION_AND_STORY[key];
    fields.push(field(story, story.target, key === "body" ? true : narrativeRequired.has(key)));
  }
  for (const property of Object.keys(properties)) {
    if (property === "originalLanguage") continue;
    const presentations = ACTIVITY_PRESENTATION[property];
    if (!presentations) continue; // the coverage test fails for this property
    for (const presentation of presentations) {
      const target: FieldTarget = { file: "activity", property, ...(presentation.part ? { part: presentation.part } : {}) };
      fields.push(field(presentation, target, required.has(property) && presentation.part === undefined));
    }
  }
  fields.push(field(LOCATION_AND_STORY.slug, LOCATION_AND_STORY.slug.target, false));
  return fields;
}

/** A question's label, description and (where the catalogs have one) placeholder, in `lang`. */
export function fieldWords(id: string, lang: UnLanguage): { label: string; description: string; placeholder?: string } {
  const key = (part: string) => `form.field.${id}.${part}` as MessageKey;
  const placeholder = hasMessage(key("placeholder")) ? formatMessage(lang, key("placeholder")) : undefined;
  return {
    label: formatMessage(lang, key("label")),
    description: formatMessage(lang, key("description")),
    ...(placeholder ? { placeholder } : {}),
  };
}
