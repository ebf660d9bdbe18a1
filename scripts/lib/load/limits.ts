import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageKey } from "../i18n/messages.ts";

/**
 * Bounds checked on the raw text before any parser runs. The JSON, YAML and Markdown parsers
 * (and the rules that walk their trees) recurse once per level of nesting, and the Markdown
 * parser does work that grows with the square of some constructs; an entry never comes near
 * these bounds, a hostile file does, and it then gets one clear diagnostic instead of a stack
 * overflow or minutes of work. Every scan here is one linear pass.
 */

/** Deeper than any data file needs (activity.json nests 3 levels: links, a link, its fields). */
export const MAX_JSON_DEPTH = 32;
/** Frontmatter nests 2 levels (translation: from, version, method). */
export const MAX_YAML_DEPTH = 16;
/** Block quotes and lists inside each other, counted together. */
export const MAX_MARKDOWN_NESTING = 16;
/** Emphasis, link and code marks (* _ ~ [ ] < `) in one paragraph or block. */
export const MAX_MARKS_PER_BLOCK = 1_000;
/** The same marks in a whole narrative. */
export const MAX_MARKS = 5_000;
/** List items and block quotes opened in a narrative. */
export const MAX_CONTAINERS = 1_000;
/** Headings underlined with === or --- in one narrative. */
export const MAX_UNDERLINED_HEADINGS = 100;
/** Table cells (|) on one line, and in a whole narrative. */
export const MAX_TABLE_CELLS = 100;
export const MAX_TABLE_CELLS_IN_ALL = 2_000;
/**
 * Lines in a narrative body. The Markdown parser spends about as long on a line as on a hundred
 * characters of prose; a story of a few pages has a few hundred lines.
 */
export const MAX_LINES = 3_000;

/** Where a bound is crossed, and what to tell the person who wrote the file (in English, and as catalog references for any language). */
export type LimitProblem = {
  /** Character offset in the scanned text. */
  offset: number;
} & ReturnType<typeof catalogText>;

/** A problem's words from the catalogs (limits.*), the bound as a number the reader's language writes. */
function words(key: MessageKey, limit: number): Omit<LimitProblem, "offset"> {
  return catalogText({ key, values: { limit } }, { key: `${key}Hint` as MessageKey });
}

/**
 * The first place where JSON nests deeper than `limit` (arrays and objects, strings skipped),
 * or undefined. Runs before the parser, which would overflow the stack.
 */
export function jsonDepthProblem(text: string, limit = MAX_JSON_DEPTH): LimitProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > limit) {
        return { offset: index, ...words("limits.jsonDepth", limit) };
      }
    } else if (code === 0x5d || code === 0x7d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * The first place where YAML frontmatter nests deeper than `limit`: flow collections ([ { )
 * outside quotes, and block nesting by indentation and "- " markers. Conservative: it may count a
 * level the parser would not, never the other way round.
 */
export function yamlDepthProblem(text: string, limit = MAX_YAML_DEPTH): LimitProblem | undefined {
  const problem = (offset: number): LimitProblem => ({ offset, ...words("limits.yamlDepth", limit) });
  const indents: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const end = text.indexOf("\n", lineStart);
    const lineEnd = end < 0 ? text.length : end;
    let column = lineStart;
    while (column < lineEnd && (text[column] === " " || text[column] === "\t")) column++;
    if (column < lineEnd && text[column] !== "#" && text[column] !== "\r") {
      const indent = column - lineStart;
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
      let sequences = 0;
      while (text[column] === "-" && (text[column + 1] === " " || text[column + 1] === "\t")) {
        sequences++;
        column += 2;
        while (text[column] === " " || text[column] === "\t") column++;
      }
      if (indents.length + sequences > limit) return problem(lineStart);
      let flow = 0;
      let quote = "";
      for (let index = column; index < lineEnd; index++) {
        const char = text[index];
        if (quote) {
          if (char === quote) quote = "";
          else if (char === "\\" && quote === '"') index++;
        } else if (char === '"' || char === "'") quote = char;
        else if (char === "[" || char === "{") {
          flow++;
          if (indents.length + sequences + flow > limit) return problem(index);
        } else if (char === "]" || char === "}") flow = Math.max(0, flow - 1);
        else if (char === "#" && (text[index - 1] === " " || text[index - 1] === "\t")) break;
      }
    }
    if (end < 0) break;
    lineStart = end + 1;
  }
  return undefined;
}

/** Emphasis, link, HTML and code marks, and table pipes. */
const MARKS_AND_PIPES = /[*_~[\]<`|]/g;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*\r?$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t\r]|$)/;
const QUOTE_MARKER = /^[ \t]*>[ \t]?/;

const problems = {
  lines: (): Omit<LimitProblem, "offset"> => words("limits.lines", MAX_LINES),
  nesting: (): Omit<LimitProblem, "offset"> => words("limits.nesting", MAX_MARKDOWN_NESTING),
  containers: (): Omit<LimitProblem, "offset"> => words("limits.containers", MAX_CONTAINERS),
  underlined: (): Omit<LimitProblem, "offset"> => words("limits.underlined", MAX_UNDERLINED_HEADINGS),
  cells: (perLine: boolean): Omit<LimitProblem, "offset"> =>
    catalogText(
      { key: perLine ? "limits.cellsLine" : "limits.cellsAll", values: { limit: perLine ? MAX_TABLE_CELLS : MAX_TABLE_CELLS_IN_ALL } },
      { key: "limits.cellsHint" },
    ),
  marks: (inBlock: boolean): Omit<LimitProblem, "offset"> =>
    catalogText(
      { key: inBlock ? "limits.marksBlock" : "limits.marksAll", values: { limit: inBlock ? MAX_MARKS_PER_BLOCK : MAX_MARKS } },
      { key: "limits.marksHint" },
    ),
};

/**
 * The first bound a Markdown body crosses, or undefined. Measured on this parser (micromark): its
 * time grows with the square of the list items and block quotes it opens and of the emphasis and
 * link marks in a paragraph, and it spends on each line or table cell what a hundred characters of
 * prose cost. So: lines, nesting, opened containers, marks (per block and in all), underlined
 * headings and table cells are counted, and the scan stops at the first bound crossed.
 */
export function markdownProblem(body: string): LimitProblem | undefined {
  /** Content columns of the list items that may still be open, innermost last. */
  const items: number[] = [];
  const counts = { lines: 0, containers: 0, marks: 0, marksInBlock: 0, underlined: 0, cells: 0 };
  let blockStart = 0;
  let previousQuotes = 0;
  let previousBlank = true;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const at = (offset: number, problem: Omit<LimitProblem, "offset">): LimitProblem => ({ offset, ...problem });
    if (++counts.lines > MAX_LINES) return at(lineStart, problems.lines());
    const end = body.indexOf("\n", lineStart);
    const lineEnd = end < 0 ? body.length : end;
    const line = body.slice(lineStart, lineEnd);
    const blank = line.trim() === "";
    if (blank) {
      counts.marksInBlock = 0;
      previousQuotes = 0;
    } else {
      if (previousBlank) blockStart = lineStart;
      // Containers at the start of the line: block quote markers, then list markers.
      let rest = line;
      let quotes = 0;
      for (let quote = QUOTE_MARKER.exec(rest); quote; quote = QUOTE_MARKER.exec(rest)) {
        if (++quotes > MAX_MARKDOWN_NESTING) return at(lineStart, problems.nesting());
        rest = rest.slice(quote[0].length);
      }
      // A quote marker beyond those of the line before opens a block quote.
      counts.containers += Math.max(0, quotes - previousQuotes);
      previousQuotes = quotes;
      const indent = columns(/^[ \t]*/.exec(rest)?.[0] ?? "");
      while (items.length > 0 && (items.at(-1) ?? 0) > indent) items.pop();
      let column = indent;
      rest = rest.trimStart();
      for (let marker = LIST_MARKER.exec(rest); marker; marker = LIST_MARKER.exec(rest)) {
        const after = rest.slice(marker[0].length);
        column += marker[0].length + Math.max(1, columns(/^[ \t]*/.exec(after)?.[0] ?? ""));
        items.push(column);
        counts.containers++;
        if (quotes + items.length > MAX_MARKDOWN_NESTING) return at(lineStart, problems.nesting());
        rest = after.trimStart();
      }
      // Quotes and lists may go on nesting on the same line (- > - > x): each opens one more.
      let inner = 0;
      for (let marker = QUOTE_MARKER.exec(rest) ?? LIST_MARKER.exec(rest); marker; marker = QUOTE_MARKER.exec(rest) ?? LIST_MARKER.exec(rest)) {
        inner++;
        counts.containers++;
        if (quotes + items.length + inner > MAX_MARKDOWN_NESTING) return at(lineStart, problems.nesting());
        rest = rest.slice(marker[0].length).trimStart();
      }
      if (quotes + items.length > MAX_MARKDOWN_NESTING) return at(lineStart, problems.nesting());
      if (counts.containers > MAX_CONTAINERS) return at(lineStart, problems.containers());
      if (!previousBlank && UNDERLINE.test(line) && ++counts.underlined > MAX_UNDERLINED_HEADINGS) return at(lineStart, problems.underlined());
      let pipes = 0;
      // Only the marks and pipes of the line are visited: most characters are prose.
      for (const found of line.matchAll(MARKS_AND_PIPES)) {
        const char = found[0];
        const index = lineStart + found.index;
        if (char === "|") {
          pipes++;
          counts.cells++;
          if (pipes > MAX_TABLE_CELLS || counts.cells > MAX_TABLE_CELLS_IN_ALL) return at(index, problems.cells(pipes > MAX_TABLE_CELLS));
        } else {
          counts.marks++;
          counts.marksInBlock++;
          if (counts.marksInBlock > MAX_MARKS_PER_BLOCK) return at(blockStart, problems.marks(true));
          if (counts.marks > MAX_MARKS) return at(index, problems.marks(false));
        }
      }
    }
    previousBlank = blank;
    if (end < 0) break;
    lineStart = end + 1;
  }
  return undefined;
}

/** 1000 → "1,000". */

/** The width of leading white space, with tabs to the next multiple of four. */
function columns(space: string): number {
  let width = 0;
  for (const char of space) width = char === "\t" ? width + 4 - (width % 4) : width + 1;
  return width;
}
