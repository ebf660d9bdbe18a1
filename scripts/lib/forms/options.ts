import type { Term, UnLanguage, Vocabulary } from "../vocab.ts";

/**
 * The text of a choice in a form: the label in the form's language and the id in brackets,
 * "Law (law)", "Loi (law)". The id makes the answer parse back exactly, whatever the label says.
 */
export function optionText(term: Term, lang: UnLanguage = "en"): string {
  return `${term.labels[lang] ?? term.labels.en} (${term.id})`;
}

/** The terms of a list in the order a form shows them: countries by name in the form's language, others as listed. */
export function formTerms(vocabulary: Vocabulary, lang: UnLanguage = "en"): Term[] {
  const terms = [...vocabulary.terms.values()];
  const name = (term: Term) => term.labels[lang] ?? term.labels.en;
  if (vocabulary.name === "countries") terms.sort((a, b) => name(a).localeCompare(name(b), lang));
  return terms;
}

const TRAILING_ID = /\(([A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)\)\s*$/;

/**
 * The id a form answer names: the exact option text, or the id in brackets at its end, or an
 * id or English label typed by hand (case-insensitive). Undefined when nothing matches.
 */
export function parseOption(answer: string, vocabulary: Vocabulary): string | undefined {
  const text = answer.trim();
  if (text === "") return undefined;
  for (const term of vocabulary.terms.values()) if (optionText(term) === text) return term.id;
  const bracketed = TRAILING_ID.exec(text)?.[1];
  const candidates = [bracketed, text].filter((value): value is string => value !== undefined);
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    for (const term of vocabulary.terms.values()) {
      if (term.id.toLowerCase() === lower || term.labels.en.toLowerCase() === lower) return term.id;
    }
  }
  return undefined;
}
