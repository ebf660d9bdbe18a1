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

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

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
