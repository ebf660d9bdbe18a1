/**
 * Escaping of every value that comes from a pull request (paths, titles, logins, messages…)
 * before it goes into the bot's Markdown comment. The result renders as the same visible text,
 * but cannot make a link, an image, HTML, a comment marker, a code span, emphasis, a table cell,
 * an @-mention, an issue reference or an autolink.
 *
 * How: Markdown and HTML punctuation becomes a numeric character reference (GitHub shows the
 * character, never interprets it), and so do `-`, `+`, `=` and `1.` where they would open a
 * block; because mentions, references and autolinks are found in the rendered text (after
 * references are decoded), a word joiner (U+2060, invisible) is put right after `@`, `#`,
 * `GH-`, `:` in `://` and `www`, which no mention, reference or autolink pattern accepts.
 * Invisible and control characters in the input are replaced by a visible mark, and runs of
 * white space by one space.
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
  $: "&#36;",
  "@": `@${WJ}`,
};

const SPECIAL = /[&<>"`[\](){}*_~|\\!#$@]/g;
/** Characters that open a block (list, heading underline, rule) only at the start of a line. */
const LEADING = /^[-+=]/;

/** Bidirectional controls (Trojan Source), zero-width and other format characters. */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;
/** C0 and C1 controls, including line breaks and tabs: values are shown on one line. */
const CONTROL = /[\p{Cc}]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

/** True when a text holds bidirectional controls: the comment flags them next to the value. */
export function hasBidiControls(text: string): boolean {
  return BIDI.test(text);
}

const FSI = "\u2068";
const PDI = "\u2069";

/**
 * Where a text's FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE pairs are, when they are
 * balanced: a matched isolate only keeps its content from reordering the sentence around it (the
 * message catalogs put one around an Arabic title in an English sentence, or a Latin term in an
 * Arabic one), so it cannot disguise anything. An unmatched mark, or any other control, is not kept.
 */
function balancedIsolates(text: string): ReadonlySet<number> {
  const kept = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === FSI) open.push(i);
    else if (text[i] === PDI && open.length > 0) {
      kept.add(open.pop() as number);
      kept.add(i);
    }
  }
  return kept;
}

/**
 * Escapes one value for inline use in the comment, cut to `max` characters (counted before
 * escaping, by code point). Never returns an empty string for a non-empty input. With
 * `isolates`, balanced first-strong isolates are kept as they are (a validator's message in
 * Arabic around a Latin term); every other invisible character is shown as a mark.
 */
export function escapeInline(value: unknown, max = 200, { isolates = false } = {}): string {
  let text = String(value ?? "").normalize("NFC");
  const kept = isolates ? balancedIsolates(text) : new Set<number>();
  text = text
    .replace(INVISIBLE, (char, at: number) => (kept.has(at) ? char : `⟦U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}⟧`))
    .replace(CONTROL, " ")
    // Runs of spaces could indent a code block or break a line: one space is enough.
    .replace(/ {2,}/g, " ")
    .trim();
  const points = [...text];
  if (points.length > max) text = `${points.slice(0, Math.max(1, max - 1)).join("")}…`;
  // A cut can drop the end of a kept isolate: close it, so that it never runs past the value.
  if (isolates) text += PDI.repeat(Math.max(0, text.split(FSI).length - text.split(PDI).length));
  let escaped = text.replace(SPECIAL, (char) => ENTITIES[char] ?? char);
  escaped = escaped
    // Block syntax where a value starts a line: "- item", "+ item", "===", "1. item".
    .replace(LEADING, (char) => `&#${char.codePointAt(0)};`)
    .replace(/^(\d+)\./, "$1&#46;")
    // Autolinks: "https://", "ftp://"… and "www" at any case, even at the end (the comment may
    // put a full stop after the value); references written GH-123.
    .replace(/:\/\//g, `:${WJ}//`)
    .replace(/(w)(?=ww)/gi, `$1${WJ}`)
    .replace(/(gh)-/gi, `$1-${WJ}`);
  return escaped;
}

/** A login, escaped and without the @ (the bot never mentions anyone in its comment). */
export function escapeLogin(login: string): string {
  return escapeInline(login.replace(/^@+/, ""), 60);
}
