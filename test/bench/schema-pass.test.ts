import { expect, test } from "vitest";
import { schemaPass } from "../../scripts/lib/bench/schema-pass.ts";
import { diskSource, memorySource, overlaySource, scopedSource } from "../../scripts/lib/load/source.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { baselineFiles, PROJECT_ROOT } from "../support/repo.ts";

test("the schema pass counts the activity.json files it checks and those that fail their schema", () => {
  const files = baselineFiles();
  const [activity, text] = Object.entries(files).find(([path]) => path.endsWith("/activity.json")) ?? [];
  if (!activity || !text) throw new Error("the baseline has no activity.json");
  const broken = activity.replace(/activities\/[^/]+\//, "activities/broken-entry/");
  const source = overlaySource(
    scopedSource(diskSource(PROJECT_ROOT), ["schemas"]),
    memorySource({ ...files, [broken]: JSON.stringify({ ...JSON.parse(text), kind: "not-a-kind" }), "countries/ken/activities/torn/activity.json": "{" }),
  );
  expect(schemaPass(source, loadCatalog(PROJECT_ROOT))).toEqual({ files: 3, invalid: 2 });
});
