import type { Diagnostic } from "../diagnostics.ts";
import { type MessageKey, type MessageRef, type MessageValue, type MessageValues, renderMessage } from "../i18n/messages.ts";
import type { UnLanguage } from "../vocab.ts";
import type { FormProblem } from "./read-form.ts";

/** The label a form shows for a property of the entry (and, for the public contact, one of its parts), if it asks it. */
export type LabelOf = (property: string, part?: string) => string | undefined;

/** A field path as the validator writes it: links[1].url, contact.email, start; with ": " when it starts a sentence. */
const FIELD_PATH = /^([A-Za-z][A-Za-z0-9]*)((?:\[\d+\]|\.[A-Za-z][A-Za-z0-9]*)*)(: )?$/;

/** The values of a validator message that hold a field path. */
const PATH_VALUES = ["where", "field", "first"];

interface Path {
  property: string;
  index?: number;
  part?: string;
}

function parsePath(text: string): { path: Path; sentenceStart: boolean } | undefined {
  const match = FIELD_PATH.exec(text);
  if (!match?.[1]) return undefined;
  const rest = [...(match[2] ?? "").matchAll(/\[(\d+)\]|\.([A-Za-z][A-Za-z0-9]*)/g)];
  const index = rest.find((segment) => segment[1] !== undefined)?.[1];
  const part = rest.find((segment) => segment[2] !== undefined)?.[2];
  return {
    path: { property: match[1], ...(index !== undefined ? { index: Number(index) } : {}), ...(part !== undefined ? { part } : {}) },
    sentenceStart: match[3] !== undefined,
  };
}

/**
 * What a person who filled in a form calls a field: the question's label for a property, and for
 * an item of a list its number from 1 ("The address of source 2", not "links[1].url").
 */
function fieldPhrase(path: Path, labelOf: LabelOf): MessageValue {
  const label = (path.part !== undefined ? labelOf(path.property, path.part) : undefined) ?? labelOf(path.property) ?? path.property;
  if (path.index === undefined) return label;
  const number = path.index + 1;
  if (path.property === "links") return { key: "submission.path.link", values: { part: path.part ?? "other", number } };
  if (path.property === "lead" || path.property === "partners")
    return { key: "submission.path.organisation", values: { part: path.part ?? "other", number, field: label } };
  return { key: "submission.path.item", values: { number, field: label } };
}

/**
 * Messages whose words are about the files (officialTitles, the frontmatter), and what a reply to
 * a form says instead, about its questions.
 */
const FORM_WORDING: Readonly<Partial<Record<MessageKey, (labelOf: LabelOf) => MessageRef>>> = {
  "terminology.quotedTitleHint": (labelOf) => ({ key: "submission.plain.quotedTitleHint", values: { field: labelOf("officialTitles") ?? "" } }),
  "narratives.topHeading": () => ({ key: "submission.plain.topHeading" }),
};

function inFormWords(ref: MessageRef, labelOf: LabelOf): MessageRef {
  return FORM_WORDING[ref.key]?.(labelOf) ?? ref;
}

/**
 * A validator diagnostic as a form's reply says it: in `lang`, under the question it is about,
 * with every field path turned into words and no file name. `fallbackField` names the question
 * when the message itself does not say which field it is about (found from the line it points at).
 */
export function plainProblem(diagnostic: Diagnostic, lang: UnLanguage, labelOf: LabelOf, fallbackField?: string): FormProblem {
  const text = diagnostic.text;
  if (!text) return { ...(fallbackField ? { field: fallbackField } : {}), message: diagnostic.message, ...(diagnostic.hint ? { hint: diagnostic.hint } : {}) };
  let field = fallbackField;
  let namesItself = false;
  const values: Record<string, MessageValue> = { ...text.message.values };
  for (const name of PATH_VALUES) {
    const value = values[name];
    const parsed = typeof value === "string" ? parsePath(value) : undefined;
    if (!parsed) continue;
    const { path, sentenceStart } = parsed;
    const phrase = fieldPhrase(path, labelOf);
    if (name === "first") {
      values[name] = phrase;
      continue;
    }
    field = labelOf(path.property) ?? field;
    const wholeQuestion = path.index === undefined && path.part === undefined;
    if (sentenceStart) {
      // The bullet already names the question: "Start date: Start date: …" would say it twice.
      values[name] = wholeQuestion && field !== undefined ? "" : { key: "submission.where", values: { field: phrase } };
    } else {
      values[name] = phrase;
      if (wholeQuestion) namesItself = true;
    }
  }
  const message = inFormWords({ key: text.message.key, values: values as MessageValues }, labelOf);
  return {
    ...(field && !namesItself ? { field } : {}),
    message: renderMessage(lang, message),
    ...(text.hint
      ? { hint: renderMessage(lang, inFormWords(text.hint, labelOf)) }
      : (text.hintTexts?.[lang] ?? diagnostic.hint)
        ? { hint: text.hintTexts?.[lang] ?? diagnostic.hint }
        : {}),
  };
}
