import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import { NO_HISTORY } from "../../scripts/lib/model/provenance.ts";
import type { SiteData } from "../../scripts/lib/model/types.ts";
import { releaseCitation, releaseFiles } from "../../scripts/lib/open-data/bundle.ts";
import { makeSyntheticRepo } from "../site/support/dataset.ts";
import type { TempRepo } from "../support/repo.ts";

const PROJECT = join(import.meta.dirname, "../..");
const documents = { licence: readFileSync(join(PROJECT, "LICENSE-DATA.md"), "utf8"), citation: readFileSync(join(PROJECT, "CITATION.cff"), "utf8") };
const config = resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2026-03-15T12:00:00Z"));

/** The files of a .tar.gz, read the way tar does: 512-byte headers, then the content padded to 512. */
function untar(archive: Uint8Array): Map<string, string> {
  const tar = gunzipSync(archive);
  const files = new Map<string, string>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join("/");
    const size = Number.parseInt(field(124, 12).trim(), 8);
    files.set(name, tar.subarray(at + 512, at + 512 + size).toString("utf8"));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

let repo: TempRepo;
let data: SiteData;

beforeAll(() => {
  repo = makeSyntheticRepo(false);
  const loaded = loadSiteData(repo.root, NO_HISTORY);
  if (!loaded.data) throw new Error(JSON.stringify(loaded.diagnostics));
  data = loaded.data;
});

afterAll(() => repo?.cleanup());

describe("the release bundle documents itself", () => {
  test("it holds the data licence, a README and CITATION.cff, and the README lists exactly the files it holds", () => {
    const files = releaseFiles("v2026.1", data, config, undefined, documents);
    const inside = untar(files.get("cop-atlas-data-v2026.1.tar.gz")!);
    const folder = "cop-atlas-data-v2026.1/";
    expect([...inside.keys()].every((name) => name.startsWith(folder))).toBe(true);
    const names = [...inside.keys()].map((name) => name.slice(folder.length));
    expect(names).toEqual(expect.arrayContaining(["LICENSE-DATA.md", "README.md", "CITATION.cff", "activities.csv", "activities.json"]));
    expect(inside.get(`${folder}LICENSE-DATA.md`)).toBe(documents.licence);
    const readme = inside.get(`${folder}README.md`)!;
    const listed = [...readme.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...names].sort());
    expect(readme).toContain("- `activities.csv`: Every activity as one row of a spreadsheet");
    expect(readme).toContain("Released 2026-03-15");
  });

  test("CITATION.cff names the version and the release date, and keeps the rest", () => {
    const files = releaseFiles("v2026.1", data, config, undefined, documents);
    const citation = parse(untar(files.get("cop-atlas-data-v2026.1.tar.gz")!).get("cop-atlas-data-v2026.1/CITATION.cff")!) as Record<string, unknown>;
    expect(citation.version).toBe("v2026.1");
    expect(citation["date-released"]).toBe("2026-03-15");
    expect(citation.license).toBe("CC-BY-4.0");
    expect(citation["cff-version"]).toBe("1.2.0");
  });

  test("a CITATION.cff that is not YAML is refused with a clear message", () => {
    expect(() => releaseCitation("title: [unclosed", "v1", new Date())).toThrow(/CITATION\.cff is not valid YAML/);
  });
});
