/**
 * Escaping of every value that comes from a pull request (paths, titles, logins, messages…)
 * before it goes into the bot's Markdown comment. The result renders as the same visible text,
 * but cannot make a link, an image, HTML, a comment marker, a code span, emphasis, a table cell,
 * an @-mention, an issue reference or an autolink.
 *
 * How: Markdown and HTML punctuation becomes a numeric character reference (GitHub shows the
 * character, never interprets it); and because mentions, references and autolinks are found
 * in the rendered text (after references are decoded), a word joiner (U+2060, invisible) is put
 * right after `@`, `#`, `GH-`, `://` and `www.`, which no mention, reference or autolink pattern
 * accepts. Invisible and control characters in the input are replaced by a visible mark.
 */

/** Word joiner: invisible, and not part of any login, number or domain name. */
const WJ = "\u2060";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "`": "&#96;",
  "[": "&#91;",
  "]": "&#93;",
  "(": "&#40;",
  ")": "&#41;",
  "{": "&#123;",
  "}": "&#125;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&#126;",
  "|": "&#124;",
  "\\": "&#92;",
  "!": "&#33;",
  "#": `&#35;${WJ}`,
  "+": "&#43;",
  "-": "&#45;",
  "=": "&#61;",
  $: "&#36;",
  ":": "&#58;",
  "@": `@${WJ}`,
};

const SPECIAL = /[&<>"`[\](){}*_~|\\!#+\-=$:@]/g;

/** Bidirectional controls (Trojan Source), zero-width and other format characters. */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;
/** C0 and C1 controls, including line breaks: values are shown on one line. */
const CONTROL = /[\p{Cc}]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

/** True when a text holds bidirectional controls: the comment flags them next to the value. */
export function hasBidiControls(text: string): boolean {
  return BIDI.test(text);
}

/**
 * Escapes one value for inline use in the comment, cut to `max` characters (counted before
 * escaping, by code point). Never returns an empty string for a non-empty input.
 */
export function escapeInline(value: unknown, max = 200): string {
  let text = String(value ?? "").normalize("NFC");
  text = text
    .replace(INVISIBLE, (char) => `⟦U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}⟧`)
    .replace(CONTROL, " ");
  const points = [...text];
  if (points.length > max) text = `${points.slice(0, Math.max(1, max - 1)).join("")}…`;
  let escaped = text.replace(SPECIAL, (char) => ENTITIES[char] ?? char);
  // Autolinks: "http://", "ftp://"… (the colon is already a reference; the joiner stops the
  // decoded text from matching) and "www." at any case.
  escaped = escaped.replace(/&#58;\//g, `&#58;${WJ}/`).replace(/\b(w)(ww)\./gi, `$1${WJ}$2${WJ}.`);
  // Cross-references written GH-123.
  escaped = escaped.replace(/\b(gh)&#45;/gi, `$1&#45;${WJ}`);
  return escaped;
}

/** A login, escaped and without the @ (the bot never mentions anyone in its comment). */
export function escapeLogin(login: string): string {
  return escapeInline(login.replace(/^@+/, ""), 60);
}
