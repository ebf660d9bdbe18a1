import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import { readHistory } from "../../scripts/lib/model/provenance.ts";
import type { SiteData } from "../../scripts/lib/model/types.ts";
import { computeAnnualReport, reportYears } from "../../scripts/lib/report-annual/compute.ts";
import { renderAnnualReport } from "../../scripts/lib/report-annual/document.ts";
import type { TempRepo } from "../support/repo.ts";
import { hasGit, makeSyntheticRepo } from "./support/dataset.ts";

const config = resolveSiteConfig({ COP_ATLAS_SITE_URL: "https://atlas.example.org/" }, new Date("2025-12-31T00:00:00Z"));
let repo: TempRepo;
let data: SiteData;

describe.skipIf(!hasGit())("the annual report of a year with known entries", () => {
  beforeAll(() => {
    repo = makeSyntheticRepo(true);
    const loaded = loadSiteData(repo.root, readHistory(repo.root));
    data = loaded.data!;
  });
  afterAll(() => repo?.cleanup());

  test("the years with changes", () => {
    expect(reportYears(data)).toEqual([2025, 2024]);
  });

  test("2024: the first four entries added, nothing updated", () => {
    const report = computeAnnualReport(data, 2024);
    expect(report.added.map((e) => e.permalink).sort()).toEqual([
      "bra/reporting-portal-2016",
      "fra/school-workshops-2019",
      "ken/helpline-2018",
      "ken/safer-chat-2021",
    ]);
    expect(report.updated).toEqual([]);
    // ken/safer-chat-2021 was confirmed only in 2025.
    expect(report.confirmation).toEqual({ confirmed: 0, unconfirmed: 4 });
    expect(report.byRegion).toEqual([
      { id: "africa", added: 2, updated: 0 },
      { id: "americas", added: 1, updated: 0 },
      { id: "europe", added: 1, updated: 0 },
    ]);
    // Translations that came with the entries: ar and fr of safer-chat, en of school-workshops.
    expect(report.translations).toEqual([
      { lang: "ar", count: 1 },
      { lang: "en", count: 1 },
      { lang: "fr", count: 1 },
    ]);
  });

  test("2025: two added, two updated, by region, type, topic and contributor", () => {
    const report = computeAnnualReport(data, 2025);
    expect(report.added.map((e) => e.permalink).sort()).toEqual(["egy/digital-skills-2022", "test-network/youth-panel-2020"]);
    expect(report.updated.map((e) => e.permalink).sort()).toEqual(["bra/reporting-portal-2016", "ken/helpline-2018"]);
    expect(report.byRegion).toEqual([
      { id: "africa", added: 1, updated: 1 },
      { id: "americas", added: 1, updated: 1 },
      { id: "arab-states", added: 1, updated: 0 },
      { id: "europe", added: 1, updated: 0 },
    ]);
    expect(report.byType.find((r) => r.id === "youth-participation")).toEqual({ id: "youth-participation", added: 1, updated: 0 });
    expect(report.byTopic.find((r) => r.id === "well-being")).toEqual({ id: "well-being", added: 1, updated: 1 });
    expect(report.contributors.map((c) => [c.owner.id, c.added, c.updated])).toEqual([
      ["bra", 0, 1],
      ["egy", 1, 0],
      ["ken", 0, 1],
      ["test-network", 1, 0],
    ]);
    expect(report.youth.map((e) => e.permalink)).toEqual(["test-network/youth-panel-2020"]);
    expect(report.translations).toEqual([{ lang: "es", count: 1 }]);
    expect(report.confirmation).toEqual({ confirmed: 1, unconfirmed: 5 });
  });

  test("a year without changes has empty counts", () => {
    const report = computeAnnualReport(data, 2023);
    expect([report.added.length, report.updated.length, report.contributors.length]).toEqual([0, 0, 0]);
  });

  test("the Markdown and HTML carry the counts, in the chosen language, with inline SVG charts", () => {
    const en = renderAnnualReport(data, config, 2025, "en");
    expect(en.markdown).toContain("# COP Atlas: annual report 2025");
    expect(en.markdown).toContain("| Entries added | 2 |");
    expect(en.markdown).toContain("| Entries updated | 2 |");
    expect(en.markdown).toContain("| Entries confirmed | 1 |");
    expect(en.markdown).toContain("| Entries not yet confirmed | 5 |");
    expect(en.markdown).toContain("The entries are compiled from public sources");
    expect(en.markdown).not.toMatch(/contributed by Member States/i);
    expect(en.markdown).toContain("https://atlas.example.org/en/organizations/test-network/activities/youth-panel-2020/");
    expect(en.html).toContain('<svg class="chart"');
    expect(en.html).not.toMatch(/<script/i);
    const ar = renderAnnualReport(data, config, 2025, "ar");
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.markdown).toContain("التقرير السنوي لعام 2025");
  });
});
