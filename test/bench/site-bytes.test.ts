import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { filesWithSizes, renderSiteSize, type SiteFileType, siteFileType, sizeBySiteFileType } from "../../scripts/lib/bench/site-bytes.ts";

test.for([
  ["fr/countries/ken/activities/safer-chat-2021/index.html", "entry pages"],
  ["ar/organizations/unicef/activities/report-2020/index.html", "entry pages"],
  ["en/countries/ken/index.html", "owner pages"],
  ["en/countries/ken/page/2/index.html", "owner pages"],
  ["zh/browse/index.html", "browse pages"],
  ["zh/browse/page/3/index.html", "browse pages"],
  ["ru/browse/topic/grooming/index.html", "facet lists"],
  ["ru/browse/topic/grooming/page/2/index.html", "facet lists"],
  ["es/about/index.html", "other pages"],
  ["404.html", "other pages"],
  ["api/v1/activities/ken/safer-chat-2021.json", "API: entries"],
  ["api/v1/feeds/en/all.atom", "API: feeds"],
  ["api/v1/activities.json", "API: other"],
  ["pagefind/fragment/en_1.pf_fragment", "search index"],
  ["browse-index/en/text-0.json", "browse index"],
  ["sitemap.xml", "sitemap"],
  ["sitemap-2.xml", "sitemap"],
  ["assets/site.css", "assets and schemas"],
  ["schemas/activity.schema.json", "assets and schemas"],
] as Array<[string, SiteFileType]>)("%s is counted as %s", ([path, type]) => {
  expect(siteFileType(path)).toBe(type);
});

test("a built folder's bytes add up per type, and the breakdown reads per entry, largest first", () => {
  const root = mkdtempSync(join(tmpdir(), "cop-atlas-site-bytes-"));
  try {
    const write = (path: string, bytes: number) => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), "x".repeat(bytes));
    };
    write("en/countries/ken/activities/a/index.html", 3072);
    write("fr/countries/ken/activities/a/index.html", 1024);
    write("api/v1/activities/ken/a.json", 1024);
    write("sitemap.xml", 100);
    const size = sizeBySiteFileType(filesWithSizes(root));
    expect(size).toEqual({
      pages: 2,
      files: 4,
      bytes: 5220,
      byType: { "entry pages": { files: 2, bytes: 4096 }, "API: entries": { files: 1, bytes: 1024 }, sitemap: { files: 1, bytes: 100 } },
    });
    const lines = renderSiteSize(size, 2).split("\n");
    expect(lines[0]).toMatch(/^entry pages +2\.0 KiB\/entry +2 files +2\.0 KiB\/file$/);
    expect(lines.at(-1)).toMatch(/^whole site +2\.5 KiB\/entry +4 files +2 pages$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
