import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from "mdast";

/**
 * The Markdown tree of a plain body, built without the full parser, or undefined when the body
 * holds anything beyond the plain subset below: the caller then runs remark-parse with
 * remark-gfm, and the two trees are equal wherever this answers (test/validate/plain-markdown.test.ts
 * checks it over generated bodies, tricky ones included).
 *
 * Most narratives are paragraphs under ## headings, with a few bullet points, bold words and
 * links. Those need no tokenizer: one pass over the lines, with every construct whose reading
 * depends on context (indentation, emphasis with _ or single *, raw HTML, entities, escapes,
 * code, tables, reference definitions, bare web addresses that GFM turns into links, trailing
 * spaces that make line breaks, ...) sending the whole body to the parser instead. The subset:
 * - lines with no leading or trailing space, no tab, no CR and no control character;
 * - `#` to `######` headings, one space before their text, no closing #;
 * - paragraphs, whose lines start with a letter, a digit not followed by . or ), `(`, a quotation
 *   mark, `[` (a link) or `**` (bold);
 * - tight lists of `- ` items, one line each, after a blank line or a heading and before a blank
 *   line or the end;
 * - in text: `**bold**` on one line, opened after a space or a line start and closed before a space,
 *   the line end or . , ; : ? ) ; `[text](address)` with plain text and an address of URL characters.
 */
export function parsePlainMarkdown(body: string): Root | undefined {
  if (UNSUPPORTED.test(body)) return undefined;
  const lineStarts = [0];
  for (let index = body.indexOf("\n"); index !== -1; index = body.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  const point = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1, offset };
  };
  const position = (start: number, end: number) => ({ start: point(start), end: point(end) });
  const lineAt = (index: number) => {
    const start = lineStarts[index] as number;
    const next = lineStarts[index + 1];
    return { start, text: body.slice(start, next === undefined ? body.length : next - 1) };
  };

  const children: RootContent[] = [];
  // What the lines before were: a paragraph line lets a list or a lazy line continue it, and a
  // list followed by a blank line would take another item as its own.
  let previous: "blank" | "heading" | "paragraph" | "list" | "list, blank" = "blank";
  for (let index = 0; index < lineStarts.length; ) {
    const line = lineAt(index);
    if (line.text === "") {
      previous = previous.startsWith("list") ? "list, blank" : "blank";
      index++;
      continue;
    }
    // After a list and a blank line, another item would join the list and make it loose.
    if (previous === "list, blank" && line.text.startsWith("-")) return undefined;
    if (line.text.startsWith("#")) {
      const heading = parseHeading(line.text, line.start, position);
      if (!heading) return undefined;
      children.push(heading);
      previous = "heading";
      index++;
      continue;
    }
    if (line.text.startsWith("- ")) {
      if (previous === "paragraph") return undefined;
      const items: ListItem[] = [];
      let end = line.start;
      for (; index < lineStarts.length && lineAt(index).text.startsWith("- "); index++) {
        const item = lineAt(index);
        const content = item.text.slice(2);
        if (!startsPlainly(content)) return undefined;
        const phrasing = parseInline(content, item.start + 2, position);
        if (!phrasing) return undefined;
        end = item.start + item.text.length;
        const paragraph: Paragraph = { type: "paragraph", children: phrasing, position: position(item.start + 2, end) };
        items.push({ type: "listItem", spread: false, checked: null, children: [paragraph], position: position(item.start, end) });
      }
      // A line right after the last item would continue it (a lazy line).
      if (index < lineStarts.length && lineAt(index).text !== "") return undefined;
      const list: List = { type: "list", ordered: false, start: null, spread: false, children: items, position: position(line.start, end) };
      children.push(list);
      previous = "list";
      continue;
    }
    if (!startsPlainly(line.text)) return undefined;
    let last = index;
    while (last + 1 < lineStarts.length) {
      const next = lineAt(last + 1).text;
      if (next === "" || next.startsWith("#")) break;
      // A list, a setext underline or any other block start inside a paragraph: the parser decides.
      if (!startsPlainly(next)) return undefined;
      last++;
    }
    const end = lineAt(last).start + lineAt(last).text.length;
    const phrasing = parseInline(body.slice(line.start, end), line.start, position);
    if (!phrasing) return undefined;
    children.push({ type: "paragraph", children: phrasing, position: position(line.start, end) });
    previous = "paragraph";
    index = last + 1;
  }
  return { type: "root", children, position: position(0, body.length) };
}

type Positioner = (start: number, end: number) => NonNullable<Text["position"]>;

/**
 * Anything outside the subset, wherever it is: carriage returns, tabs, control characters, a byte
 * order mark, leading or trailing spaces on a line, code, raw HTML and autolinks, escapes, entities,
 * tables, images, footnotes and reference definitions.
 */
const UNSUPPORTED = /[\r\t\u0000-\u0008\u000b-\u001f\u007f\ufeff`<>\\&|]|(?:^|\n) | (?:\n|$)|!\[|\[\^|\]:/;

/** Text GFM could turn into a link on its own, or emphasis and strike-through other than `**`. */
const NOT_PLAIN_TEXT = /[_~*@[\]]|www\.|https?:|mailto:|xmpp:/i;

/** The characters an address may have in the subset: no spaces, brackets, quotes or escapes. */
const ADDRESS = /^[A-Za-z0-9\-._~:/?#=%+,;@]+$/;

/** A line whose first characters start nothing but a paragraph (or continue one). */
function startsPlainly(text: string): boolean {
  if (/^\d+[.)]/.test(text)) return false;
  if (/^[\p{L}\p{N}("'“‘«„]/u.test(text)) return true;
  if (text.startsWith("[")) return true;
  return /^\*\*[\p{L}\p{N}]/u.test(text);
}

function parseHeading(text: string, start: number, position: Positioner): Heading | undefined {
  const match = /^(#{1,6}) (?=\S)/.exec(text);
  if (!match) return undefined;
  const content = text.slice(match[0].length);
  // A closing sequence of # would not be part of the text: the parser knows where it starts.
  if (content.endsWith("#") || !startsPlainly(content)) return undefined;
  const phrasing = parseInline(content, start + match[0].length, position);
  if (!phrasing) return undefined;
  return { type: "heading", depth: (match[1] as string).length as Heading["depth"], children: phrasing, position: position(start, start + text.length) };
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ASTERISK = 0x2a;

/** Text with `**bold**` and `[links](address)` only, as the parser would read it, or undefined. */
function parseInline(text: string, base: number, position: Positioner): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  let plainFrom = 0;
  const plain = (end: number): boolean => {
    if (end === plainFrom) return true;
    const value = text.slice(plainFrom, end);
    if (NOT_PLAIN_TEXT.test(value)) return false;
    nodes.push({ type: "text", value, position: position(base + plainFrom, base + end) });
    return true;
  };
  for (let index = 0; index < text.length; ) {
    // By code, not by one-character string: a character of a script beyond Latin-1 would be a new
    // string each time, the garbage of every letter of an Arabic, Chinese or Russian narrative.
    const code = text.charCodeAt(index);
    if (code === OPEN_BRACKET) {
      const close = text.indexOf("](", index);
      const end = close === -1 ? -1 : text.indexOf(")", close + 2);
      if (end === -1) return undefined;
      const label = text.slice(index + 1, close);
      const url = text.slice(close + 2, end);
      if (label === "" || label.includes("\n") || NOT_PLAIN_TEXT.test(label) || !ADDRESS.test(url)) return undefined;
      if (!plain(index)) return undefined;
      const link: Link = {
        type: "link",
        title: null,
        url,
        children: [{ type: "text", value: label, position: position(base + index + 1, base + close) }],
        position: position(base + index, base + end + 1),
      };
      nodes.push(link);
      index = end + 1;
      plainFrom = index;
    } else if (code === ASTERISK) {
      // Bold opens after a space or a line start, before a letter or digit, and closes on the same line.
      const before = index === 0 ? "\n" : text[index - 1];
      if (text[index + 1] !== "*" || (before !== " " && before !== "\n") || !/^[\p{L}\p{N}]/u.test(text.slice(index + 2, index + 4))) return undefined;
      const close = text.indexOf("**", index + 2);
      if (close === -1) return undefined;
      const inner = text.slice(index + 2, close);
      const after = text[close + 2];
      if (inner.includes("\n") || NOT_PLAIN_TEXT.test(inner) || !/[\p{L}\p{N}]$/u.test(inner)) return undefined;
      if (after !== undefined && !" \n.,;:?)".includes(after)) return undefined;
      if (!plain(index)) return undefined;
      const strong: Strong = {
        type: "strong",
        children: [{ type: "text", value: inner, position: position(base + index + 2, base + close) }],
        position: position(base + index, base + close + 2),
      };
      nodes.push(strong);
      index = close + 2;
      plainFrom = index;
    } else if (code === CLOSE_BRACKET) {
      return undefined;
    } else {
      index++;
    }
  }
  return plain(text.length) ? nodes : undefined;
}
