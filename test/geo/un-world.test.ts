import { geoArea, geoContains } from "d3-geo";
import { describe, expect, test } from "vitest";
import { BOUNDARY_CORRECTIONS, PLACES, UN_MAP_DISCLAIMER, unWorld, type WorldArea } from "../../scripts/lib/geo/un-world.ts";
import { UN_LANGUAGES } from "../../scripts/lib/vocab.ts";

/** Every area of the corrected world that contains a point (there should be exactly one). */
function areasAt(point: readonly [number, number]): WorldArea[] {
  return unWorld().filter((area) => geoContains(area.geometry, point as [number, number]));
}

describe("the world map follows UN practice, not Natural Earth's de facto borders", () => {
  test.for([
    ["Simferopol", PLACES.simferopol, "UKR"],
    ["Sevastopol", PLACES.sevastopol, "UKR"],
    ["Laayoune", PLACES.laayoune, "ESH"],
    ["Smara", PLACES.smara, "ESH"],
    ["Rabat", PLACES.rabat, "MAR"],
    ["Tan-Tan, north of 27°40′ N", PLACES.tanTan, "MAR"],
    ["Hargeisa", PLACES.hargeisa, "SOM"],
    ["North Nicosia", PLACES.northNicosia, "CYP"],
    ["Kyrenia", PLACES.kyrenia, "CYP"],
    ["Taipei", PLACES.taipei, "CHN"],
    ["Nairobi", [36.82, -1.29], "KEN"],
    ["Lima", [-77.04, -12.05], "PER"],
    ["Hanoi", [105.85, 21.03], "VNM"],
    ["Moscow", [37.62, 55.75], "RUS"],
    ["Kyiv", [30.52, 50.45], "UKR"],
    ["Kigali", [30.06, -1.94], "RWA"],
  ] as const)("%s lies in %s and in no other area", ([, point, iso3]) => {
    expect(areasAt(point).map((a) => a.iso3)).toEqual([iso3]);
  });

  test("Western Sahara is a territory shaded for no country; Kosovo and the Falkland Islands (Malvinas) are neutral too", () => {
    expect(areasAt(PLACES.laayoune)[0]!.neutral).toBe(true);
    expect(areasAt(PLACES.eastFalkland).map((a) => [a.iso3, a.neutral])).toEqual([["FLK", true]]);
    expect(areasAt(PLACES.pristina).map((a) => [a.iso3, a.neutral])).toEqual([[undefined, true]]);
    expect(areasAt(PLACES.simferopol)[0]!.neutral).toBe(false);
  });

  test("the corrections leave no area turned inside out and no code twice", () => {
    const world = unWorld();
    // A ring wound the wrong way makes d3-geo fill the rest of the sphere: area above 2π.
    for (const area of world) expect(geoArea(area.geometry), String(area.iso3)).toBeLessThan(2 * Math.PI);
    const codes = world.map((a) => a.iso3).filter((c) => c !== undefined);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain("TWN");
    // The open ocean belongs to no one.
    expect(areasAt([-30, 0])).toEqual([]);
  });

  test("each correction is documented, and the disclaimer exists in the six languages", () => {
    expect(BOUNDARY_CORRECTIONS.length).toBeGreaterThanOrEqual(6);
    expect(UN_MAP_DISCLAIMER.en).toBe(
      "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.",
    );
    for (const lang of UN_LANGUAGES) expect(UN_MAP_DISCLAIMER[lang].length, lang).toBeGreaterThan(20);
  });
});
