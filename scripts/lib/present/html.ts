import { FORBIDDEN_CHARACTERS } from "../rules/characters.ts";

/**
 * HTML built from strings, escaped by default. Every template of the site goes through
 * `html`: an interpolated value is text unless it is already `Html` (built here, or the
 * output of the sanitized Markdown pipeline). That is what keeps data out of markup.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * The markup characters, and the characters HTML and XML 1.0 do not allow in a document: C0
 * controls other than tab, line feed and carriage return, DEL and the C1 controls,
 * noncharacters (U+FFFE ...) and lone surrogates (with the u flag, [\uD800-\uDFFF] only matches a
 * surrogate that is not half of a pair). The validator refuses them; this is the last line.
 */
const UNSAFE = new RegExp(`[&<>"']|${FORBIDDEN_CHARACTERS.source}`, "gu");

/** Replaces the characters an HTML or XML document may not hold with U+FFFD; markup is untouched. */
export function withoutForbiddenCharacters(text: string): string {
  // The whole HTML of each narrative goes through here, and the u flag's search for noncharacters
  // is slow: a cheap test first, as in escapeHtml (it was 40% of the rest of the Markdown pipeline).
  if (!MAYBE_FORBIDDEN.test(text)) return text;
  return text.replace(FORBIDDEN_CHARACTERS, "\uFFFD");
}

/**
 * Every string FORBIDDEN_CHARACTERS matches is matched here too, without the u flag: the
 * controls, any surrogate (so every astral character, whose noncharacters U+1FFFE ... are pairs)
 * and the noncharacters of the first plane.
 */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * Escapes text for HTML content and double- or single-quoted attribute values; characters a
 * document may not hold become U+FFFD. The result is also valid XML 1.0 text and attribute content.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a cheap test first, as a build escapes millions of strings.
  if (!MAYBE_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => ESCAPES[c] ?? "\uFFFD");
}

/**
 * Every string UNSAFE matches is matched here too, without the u flag: the markup characters, the
 * controls, any surrogate (so every astral character, whose noncharacters U+1FFFE ... are pairs)
 * and the noncharacters of the first plane. A match only means UNSAFE must look.
 */
const MAYBE_UNSAFE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Escapes text for XML 1.0 content and attribute values: the same escaping as escapeHtml. */
export const escapeXml = escapeHtml;

/** Marks a string as trusted HTML. Only for markup built by this module or sanitized Markdown. */
export function trusted(value: string): Html {
  return new Html(value);
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text` unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** Joins fragments without escaping them again. */
export function join(parts: readonly Value[], separator = ""): Html {
  return new Html(
    parts
      .map(render)
      .filter((part) => part !== "")
      .join(separator),
  );
}

/** Only web addresses we are willing to put in an href: https (or http) and relative paths we built. */
export function safeExternalUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    if (parsed.username || parsed.password) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** The rel of every link that leaves the site (checklist item 26). */
export const EXTERNAL_REL = "noopener noreferrer nofollow ugc";

/** A link to another site, or the text alone when the address is not one we accept. */
export function externalLink(url: string, text: Value, extra?: { hreflang?: string }): Html {
  const href = safeExternalUrl(url);
  if (!href) return html`<span>${text}</span>`;
  return html`<a href="${href}" rel="${EXTERNAL_REL}"${extra?.hreflang ? html` hreflang="${extra.hreflang}"` : ""}>${text}</a>`;
}
