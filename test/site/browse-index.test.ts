import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import type { SiteData } from "../../scripts/lib/model/types.ts";
import { pagePath } from "../../scripts/lib/model/urls.ts";
import { pageContext } from "../../scripts/lib/present/context.ts";
import { browseIndexFiles, browseIndexPaths, TEXT_SHARD_SIZE } from "../../scripts/lib/site/browse-index.ts";
import type { TempRepo } from "../support/repo.ts";
import { makeSyntheticRepo } from "./support/dataset.ts";

const config = resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z"));
let repo: TempRepo;
let data: SiteData;

beforeAll(() => {
  repo = makeSyntheticRepo(false);
  const loaded = loadSiteData(repo.root);
  if (!loaded.data) throw new Error("the synthetic data should be valid");
  data = loaded.data;
});

afterAll(() => repo?.cleanup());

describe("the browse index's paths", () => {
  // The build plans the files by their paths and makes them only when one is written: both lists must be the same.
  test.for([1, 2, 3, TEXT_SHARD_SIZE])("are those of the files it makes, in order, with %i entries a text shard", (shardSize) => {
    const files = browseIndexFiles(data, 10, (lang) => pageContext(data, config, lang, pagePath.browse(lang)), shardSize);
    expect(browseIndexPaths(data.entries.length, shardSize)).toEqual([...files.keys()]);
  });
});
