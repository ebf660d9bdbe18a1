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
  const rowHeight = 26;
  const labelWidth = 260;
  const barWidth = 320;
  const width = labelWidth + barWidth + 60;
  const height = bars.length * rowHeight + 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rtl = options.rtl ?? false;
  const rows = bars.map((bar, i) => {
    const y = 5 + i * rowHeight;
    const length = Math.round((bar.value / max) * barWidth);
    // In a right-to-left report the labels sit on the right and the bars grow to the left.
    const labelX = rtl ? width - 8 : labelWidth - 8;
    const barX = rtl ? width - labelWidth - length : labelWidth;
    const valueX = rtl ? barX - 6 : barX + length + 6;
    return html`<g>
<text x="${labelX}" y="${y + 17}" text-anchor="end" font-size="13" fill="#1a1a1a"${rtl ? html` direction="rtl"` : ""}>${bar.label}</text>
<rect x="${barX}" y="${y + 4}" width="${Math.max(length, 1)}" height="${rowHeight - 8}" fill="#1d5b8f"></rect>
<text x="${valueX}" y="${y + 17}" text-anchor="${rtl ? "end" : "start"}" font-size="13" fill="#1a1a1a">${bar.value}</text>
</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${options.id}" xmlns="http://www.w3.org/2000/svg">
<title id="${options.id}">${title}</title>
${rows}
</svg>`;
}
