import { formatMessage } from "../i18n/messages.ts";
import type { UnLanguage, Vocabularies } from "../vocab.ts";
import { parseOption } from "./options.ts";

const URL_IN_LINE = /<?(\S+:\/\/[^\s<>|]+)>?/;

/**
 * "Name | ACRONYM | https://site" → an organisation, as the form and `npm run new` write one;
 * a web address is found wherever it is.
 */
export function readOrganisation(line: string): Record<string, string> {
  const parts = line
    .split("|")
    .map((part) => part.trim())
    .filter(Boolean);
  const organisation: Record<string, string> = {};
  for (const part of parts) {
    if (/^\S+:\/\//.test(part)) organisation.url ??= part.replace(/^<|>$/g, "");
    else if (organisation.name === undefined) organisation.name = part.replace(/\s+/g, " ");
    else organisation.acronym ??= part.replace(/\s+/g, " ");
  }
  if (organisation.name === undefined) organisation.name = organisation.url ?? line;
  return organisation;
}

/** "official https://… | title" → a link; the kind may be the id or the English label. A problem is said in `lang`. */
export function readLink(line: string, vocabularies: Vocabularies, lang: UnLanguage = "en"): { link: Record<string, string> } | { problem: string } {
  const match = URL_IN_LINE.exec(line);
  if (!match?.[1]) return { problem: formatMessage(lang, "form.problem.linkNoAddress") };
  const url = match[1].replace(/[.,;)]+$/, "");
  const before = line
    .slice(0, match.index)
    .replace(/[\s:|\-–—]+$/, "")
    .trim();
  const after = line
    .slice((match.index ?? 0) + match[0].length)
    .replace(/^[\s:|\-–—]+/, "")
    .trim();
  if (before === "") return { problem: formatMessage(lang, "form.problem.linkNoKind", { url }) };
  const type = parseOption(before, vocabularies.get("link-types"));
  if (type === undefined) return { problem: formatMessage(lang, "form.problem.linkBadKind", { kind: before }) };
  return { link: { url, type, ...(after ? { title: after.replace(/\s+/g, " ") } : {}) } };
}
