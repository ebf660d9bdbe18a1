import { type Html, html } from "../present/html.ts";

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart as inline SVG (no script, no style attribute: colours are
 * presentation attributes, so it passes the site's CSP and prints in any renderer).
 */
export function barChart(title: string, bars: readonly Bar[], options: { rtl?: boolean; id: string }): Html {
  const fontSize = 13;
  const lineHeight = 16;
  const labelWidth = 260;
  const barWidth = 320;
  const width = labelWidth + barWidth + 60;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rtl = options.rtl ?? false;
  let y = 5;
  const rows = bars.map((bar) => {
    // A label wider than its column wraps onto more lines instead of running off the chart.
    const lines = wrapLabel(bar.label, labelWidth - 16, fontSize);
    const rowHeight = Math.max(26, lines.length * lineHeight + 10);
    const top = y;
    y += rowHeight;
    const middle = top + rowHeight / 2;
    const length = Math.round((bar.value / max) * barWidth);
    // In a right-to-left report the labels sit on the right and the bars grow to the left. The
    // chart states its direction (an Arabic page would otherwise lend it its own), and a text's
    // anchor is the side next to its bar: in right-to-left text "start" is the right-hand side.
    const labelX = rtl ? width - 8 : labelWidth - 8;
    const barX = rtl ? width - labelWidth - length : labelWidth;
    const valueX = rtl ? barX - 6 : barX + length + 6;
    const firstBaseline = middle - ((lines.length - 1) * lineHeight) / 2 + 4.5;
    return html`<g>
<text x="${labelX}" y="${firstBaseline}" text-anchor="${rtl ? "start" : "end"}" font-size="${fontSize}" fill="#1a1a1a">${lines.map(
      (line, i) => html`<tspan x="${labelX}" y="${firstBaseline + i * lineHeight}">${line}</tspan>`,
    )}</text>
<rect x="${barX}" y="${middle - 9}" width="${Math.max(length, 1)}" height="18" fill="#1d5b8f"></rect>
<text x="${valueX}" y="${middle + 4.5}" text-anchor="start" font-size="${fontSize}" fill="#1a1a1a">${bar.value}</text>
</g>`;
  });
  const height = y + 5;
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" direction="${rtl ? "rtl" : "ltr"}" role="img" aria-labelledby="${options.id}" xmlns="http://www.w3.org/2000/svg">
<title id="${options.id}">${title}</title>
${rows}
</svg>`;
}

/** Wide characters (Chinese, Japanese, Korean, full-width forms) take a full em; others at most 0.62 em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** A generous estimate of a text's width in pixels: SVG cannot measure text before it is drawn. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? fontSize : fontSize * 0.62;
  return width;
}

/**
 * Splits a label into lines that fit `maxWidth` by the estimate: at spaces, and between any two
 * characters of a script written without spaces (Chinese); a word longer than a line is cut.
 */
export function wrapLabel(label: string, maxWidth: number, fontSize: number): string[] {
  const words = label.split(/(?<=\s)|(?=[\u2e80-\ua4cf\uf900-\ufaff])|(?<=[\u2e80-\ua4cf\uf900-\ufaff])/u).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && estimateTextWidth(line + word.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += word;
    while (estimateTextWidth(line.trimEnd(), fontSize) > maxWidth) {
      let cut = line.length - 1;
      while (cut > 1 && estimateTextWidth(line.slice(0, cut), fontSize) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines.length > 0 ? lines : [""];
}
