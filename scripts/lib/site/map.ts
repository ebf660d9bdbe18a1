import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { UN_MAP_DISCLAIMER, unWorld } from "../geo/un-world.ts";
import type { PageContext } from "../present/context.ts";
import { type Html, html } from "../present/html.ts";
import { formatNumber } from "../present/i18n.ts";

const WIDTH = 960;
const HEIGHT = 470;

/** One country's outline, projected once per build: the same for every language. */
export interface CountryShape {
  /** ISO alpha-3, capitals; undefined for an area no code designates. */
  iso3: string | undefined;
  /** An area of unresolved status: shaded for no country, labelled for none (see geo/un-world.ts). */
  neutral: boolean;
  d: string;
}

let cached: CountryShape[] | undefined;

/** The world (Natural Earth 1:110m redrawn after UN practice) projected with Equal Earth into SVG paths. */
export function worldShapes(): CountryShape[] {
  if (cached) return cached;
  const areas = unWorld();
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: areas.map((area) => ({ type: "Feature", properties: {}, geometry: area.geometry })),
  };
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  cached = areas.map((area) => ({ iso3: area.iso3, neutral: area.neutral, d: path(area.geometry) ?? "" })).filter((shape) => shape.d !== "");
  return cached;
}

/** Which shade a count gets: 0 none, then 1, 2–4, 5–9, 10 and more. */
export function shadeOf(count: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count < 5) return 2;
  if (count < 10) return 3;
  return 4;
}

const LEGEND: Array<[0 | 1 | 2 | 3 | 4, string]> = [
  [1, "1"],
  [2, "2–4"],
  [3, "5–9"],
  [4, "10+"],
];

/**
 * The coverage map as inline SVG, drawn at build time: countries shaded by their number of
 * entries, each a link to its page with its name and count as a tooltip. The figures are
 * also given as a list next to it, for readers who cannot see the map.
 */
export function renderWorldMap(c: PageContext, counts: ReadonlyMap<string, number>, hrefOf: (iso3: string) => string | undefined): Html {
  const countries = c.data.vocabularies.get("countries");
  const withEntries = [...counts.values()].filter((n) => n > 0).length;
  const shapes = worldShapes().map((shape) => {
    if (shape.neutral) return html`<path class="neutral" d="${shape.d}"></path>`;
    const count = shape.iso3 ? (counts.get(shape.iso3) ?? 0) : 0;
    const name = shape.iso3 ? countries.terms.get(shape.iso3)?.labels[c.lang] : undefined;
    const path = html`<path class="shade-${shadeOf(count)}" d="${shape.d}">${name ? html`<title>${name}: ${c.m.entriesCount(count)}</title>` : ""}</path>`;
    // Every country has a page, with or without entries: a way in for its focal point.
    const href = shape.iso3 ? hrefOf(shape.iso3) : undefined;
    // The map is hidden from assistive technology (the list beside it carries the same facts),
    // so its links stay out of the keyboard order too.
    return href ? html`<a href="${href}" tabindex="-1">${path}</a>` : path;
  });
  return html`<figure class="world-map">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">
<defs><pattern id="neutral-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" class="hatch-ground"></rect><line x1="0" y1="0" x2="0" y2="4" class="hatch-line"></line></pattern></defs>
<g class="countries">${shapes}</g>
</svg>
<figcaption>
<p>${c.m.mapDescription(withEntries)}</p>
<span class="legend-title">${c.m.mapLegend}:</span>
<span class="legend"><span class="swatch shade-0"></span>${c.m.mapNone}</span>
${LEGEND.map(([shade, text]) => html`<span class="legend"><span class="swatch shade-${shade}"></span>${formatNumber(c.lang, Number(text.replace(/\D.*$/, "")))}${text.replace(/^\d+/, "")}</span> `)}
<span class="legend"><span class="swatch neutral"></span>${c.m.mapNeutral}</span>
<p class="map-disclaimer">${UN_MAP_DISCLAIMER[c.lang]}</p>
</figcaption>
</figure>`;
}
