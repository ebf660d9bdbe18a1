import { createRequire } from "node:module";
import { geoContains } from "d3-geo";
import type { MultiPolygon, Polygon, Position } from "geojson";
import countriesCodes from "i18n-iso-countries";
import polygonClipping from "polygon-clipping";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * One area of the world map. Natural Earth (through world-atlas) draws de facto borders; the
 * corrections below redraw them after the practice of the United Nations' own maps, so that
 * the map of a site that reports to an ITU Council working group takes no side the UN does
 * not take.
 */
export interface WorldArea {
  /** ISO 3166-1 alpha-3 of the State or territory; undefined for an area no code designates. */
  iso3: string | undefined;
  /**
   * True for an area whose status is unresolved (a non-self-governing territory, a disputed
   * sovereignty, an area of special status): it is shaded for no country and carries no label.
   */
  neutral: boolean;
  /** In d3-geo's winding order (exterior rings clockwise), like world-atlas itself. */
  geometry: Polygon | MultiPolygon;
}

/** A corrected feature before it is sorted into areas. */
interface Shape {
  id: string | undefined;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** Places the corrections rely on, as [longitude, latitude]. */
export const PLACES = {
  simferopol: [34.1, 44.95],
  sevastopol: [33.52, 44.6],
  laayoune: [-13.2, 27.15],
  smara: [-11.67, 26.74],
  rabat: [-6.84, 34.02],
  tanTan: [-11.1, 28.44],
  hargeisa: [44.06, 9.56],
  northNicosia: [33.36, 35.2],
  kyrenia: [33.32, 35.33],
  taipei: [121.56, 25.03],
  pristina: [21.17, 42.66],
  eastFalkland: [-58.7, -51.7],
} as const satisfies Record<string, [number, number]>;

/**
 * The Morocco–Western Sahara boundary of UN maps: the parallel 27°40′ N from the Atlantic to
 * the Algerian border. Natural Earth instead gives Morocco everything west of the berm.
 */
const WESTERN_SAHARA_NORTH = 27 + 40 / 60;

/** Each change from Natural Earth's de facto view, with the reason; test/geo checks each redrawn area. */
export const BOUNDARY_CORRECTIONS: readonly string[] = [
  "Crimea (with Sevastopol) is drawn as part of Ukraine, not of the Russian Federation (General Assembly resolution 68/262).",
  "Western Sahara, a non-self-governing territory, is drawn whole and separate from Morocco, up to the parallel 27°40′ N; it is shaded for no country.",
  "The area Natural Earth calls Somaliland is drawn as part of Somalia.",
  "The northern part of Cyprus is drawn as part of Cyprus.",
  "Taiwan is drawn as part of China (General Assembly resolution 2758 (XXVI)), as on UN maps.",
  "Kosovo (in the context of Security Council resolution 1244 (1999)) and the Falkland Islands (Malvinas), whose sovereignty is disputed, are shaded for no country and carry no label.",
  "Jammu and Kashmir keeps Natural Earth's outlines along the Line of Control: the final status of Jammu and Kashmir has not yet been agreed upon by the parties, and this small-scale map draws no separate line for it.",
];

/**
 * The UN's standard map disclaimer, shown under every map. The English text is the UN's;
 * the other five are the editors' translations, to be replaced by the UN's published
 * wording in each language once it has been checked against a UN map in that language.
 */
export const UN_MAP_DISCLAIMER = {
  en: "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.",
  fr: "Les frontières et les noms indiqués et les désignations employées sur cette carte n’impliquent ni reconnaissance ni acceptation officielles de la part de l’Organisation des Nations Unies.",
  es: "Los límites y los nombres que figuran en este mapa y las denominaciones empleadas en él no implican su aprobación o aceptación oficial por las Naciones Unidas.",
  ru: "Показанные на этой карте границы и названия и используемые на ней обозначения не означают их официального одобрения или признания Организацией Объединенных Наций.",
  ar: "لا تعني الحدود والأسماء المبينة على هذه الخريطة، ولا التسميات المستخدمة فيها، أن الأمم المتحدة تؤيدها أو تقبلها رسمياً.",
  zh: "本地图所示边界和名称以及所用称谓并不意味着联合国对其正式认可或接受。",
} as const;

let cached: WorldArea[] | undefined;

/** The world of world-atlas (Natural Earth 1:110m) redrawn after UN practice; computed once. */
export function unWorld(): WorldArea[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-110m.json") as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes: Shape[] = feature(topology, topology.objects.countries).features.map((f) => ({
    id: f.id === undefined ? undefined : String(f.id),
    name: f.properties.name,
    geometry: f.geometry as Polygon | MultiPolygon,
  }));
  cached = correctBoundaries(shapes).map((shape) => {
    const iso3 = shape.id === undefined ? undefined : countriesCodes.numericToAlpha3(shape.id);
    return { iso3, neutral: iso3 === undefined || NEUTRAL.has(iso3), geometry: shape.geometry };
  });
  return cached;
}

/** Non-self-governing territories and disputed sovereignties that Natural Earth draws on their own. */
const NEUTRAL = new Set(["ESH", "FLK"]);

/** ISO 3166-1 numeric codes of the features the corrections touch, as world-atlas spells them. */
const NUMERIC = { russia: "643", ukraine: "804", morocco: "504", westernSahara: "732", somalia: "706", cyprus: "196", china: "156", taiwan: "158" };

/**
 * Applies BOUNDARY_CORRECTIONS to Natural Earth's features. Throws when the source no longer
 * has the shape a correction expects: a new map source must be reviewed, never drawn unchecked.
 */
export function correctBoundaries(input: readonly Shape[]): Shape[] {
  const shapes = input.map((s) => ({ ...s }));
  const byId = (id: string): Shape => {
    const found = shapes.find((s) => s.id === id);
    if (!found) throw new Error(`map: the source has no feature ${id}; review scripts/lib/geo/un-world.ts before using it`);
    return found;
  };
  const byName = (name: string): Shape => {
    const found = shapes.find((s) => s.id === undefined && s.name === name);
    if (!found) throw new Error(`map: the source has no feature named ${name}; review scripts/lib/geo/un-world.ts before using it`);
    return found;
  };
  const absorb = (into: Shape, ...parts: Array<Polygon | MultiPolygon>) => {
    into.geometry = forD3(polygonClipping.union(toClip(into.geometry), ...parts.map(toClip)));
  };
  const remove = (shape: Shape) => shapes.splice(shapes.indexOf(shape), 1);

  // Crimea: Natural Earth draws it as a separate polygon of Russia's multipolygon.
  const russia = byId(NUMERIC.russia);
  const russianParts = polygonsOf(russia.geometry);
  const crimea = russianParts.find((p) => geoContains({ type: "Polygon", coordinates: p }, PLACES.simferopol));
  if (!crimea) throw new Error("map: Crimea is no longer a separate part of the Russian Federation's outline; review scripts/lib/geo/un-world.ts");
  russia.geometry = { type: "MultiPolygon", coordinates: russianParts.filter((p) => p !== crimea) };
  absorb(byId(NUMERIC.ukraine), { type: "Polygon", coordinates: crimea });

  // Western Sahara: everything of "Morocco" south of 27°40′ N belongs to the territory.
  const morocco = byId(NUMERIC.morocco);
  const south: Polygon = {
    type: "Polygon",
    coordinates: [
      [
        [-20, 20],
        [-20, WESTERN_SAHARA_NORTH],
        [-4, WESTERN_SAHARA_NORTH],
        [-4, 20],
        [-20, 20],
      ],
    ],
  };
  const moroccanSouth = polygonClipping.intersection(toClip(morocco.geometry), toClip(south));
  if (moroccanSouth.length === 0) throw new Error("map: Morocco's outline no longer reaches into Western Sahara; review scripts/lib/geo/un-world.ts");
  morocco.geometry = forD3(polygonClipping.difference(toClip(morocco.geometry), toClip(south)));
  absorb(byId(NUMERIC.westernSahara), forD3(moroccanSouth));

  const somaliland = byName("Somaliland");
  absorb(byId(NUMERIC.somalia), somaliland.geometry);
  remove(somaliland);
  const northCyprus = byName("N. Cyprus");
  absorb(byId(NUMERIC.cyprus), northCyprus.geometry);
  remove(northCyprus);
  const taiwan = byId(NUMERIC.taiwan);
  absorb(byId(NUMERIC.china), taiwan.geometry);
  remove(taiwan);
  return shapes;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * polygon-clipping works in the plane, which is exact enough for these areas: none crosses the
 * antimeridian or comes near a pole (Russia, which does, is only split, never clipped).
 */
function toClip(geometry: Polygon | MultiPolygon): polygonClipping.MultiPolygon {
  return polygonsOf(geometry) as polygonClipping.MultiPolygon;
}

/**
 * polygon-clipping returns exterior rings counter-clockwise (the GeoJSON standard); d3-geo
 * reads a counter-clockwise exterior as "the whole sphere but this", so each ring is wound
 * the way d3-geo and world-atlas expect: exteriors clockwise, holes counter-clockwise.
 */
function forD3(polygons: polygonClipping.MultiPolygon): MultiPolygon {
  return {
    type: "MultiPolygon",
    coordinates: polygons.map((rings) => rings.map((ring, i) => (isClockwise(ring) === (i === 0) ? ring : [...ring].reverse()))),
  };
}

/** The shoelace sum, with latitude pointing up: positive for a clockwise ring. */
function isClockwise(ring: readonly Position[]): boolean {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += (ring[i + 1]![0]! - ring[i]![0]!) * (ring[i + 1]![1]! + ring[i]![1]!);
  return sum > 0;
}
