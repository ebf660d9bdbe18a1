import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import { readHistory } from "../../scripts/lib/model/provenance.ts";
import type { SiteData } from "../../scripts/lib/model/types.ts";
import { computeAnnualReport, reportYears } from "../../scripts/lib/report-annual/compute.ts";
import { renderAnnualReport } from "../../scripts/lib/report-annual/document.ts";
import { writeSiteFiles } from "../../scripts/lib/site/build.ts";
import { findReportPdfs } from "../../scripts/lib/site/report-pdfs.ts";
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
  test("a PDF printed for the build is published beside its report's page and linked from it and from the list", async () => {
    const folder = mkdtempSync(join(tmpdir(), "cop-atlas-report-pdfs-"));
    try {
      // Stand-ins for what npm run report -- --pdf prints: only their bytes and names matter here.
      const pdfs = join(folder, "reports");
      const out = join(folder, "dist");
      const bytes = "%PDF-1.4\n% a stand-in for the English report of 2025\n";
      mkdirSync(pdfs);
      writeFileSync(join(pdfs, "report-2025.en.pdf"), bytes);
      writeFileSync(join(pdfs, "report-2025.english.pdf"), "not a report's name");
      writeFileSync(join(pdfs, "notes.txt"), "not a PDF");
      const found = findReportPdfs(pdfs);
      expect([...found.keys()]).toEqual(["2025/en"]);
      await writeSiteFiles(data, { root: repo.root, outDir: out, config, search: false, reportPdfs: found, manifestPath: join(folder, "manifest.json") });
      expect(readFileSync(join(out, "en/reports/2025/cop-atlas-report-2025-en.pdf"), "utf8")).toBe(bytes);
      const page = readFileSync(join(out, "en/reports/2025/index.html"), "utf8");
      expect(page).toContain('<a href="cop-atlas-report-2025-en.pdf" type="application/pdf" download>COP Atlas: annual report 2025 (PDF)</a>');
      expect(readFileSync(join(out, "en/reports/index.html"), "utf8")).toContain(
        '<a href="2025/cop-atlas-report-2025-en.pdf" type="application/pdf" dir="ltr">PDF</a>',
      );
      // The years and languages without a PDF link none.
      expect(readFileSync(join(out, "fr/reports/2025/index.html"), "utf8")).not.toContain(".pdf");
      expect(readFileSync(join(out, "en/reports/2024/index.html"), "utf8")).not.toContain(".pdf");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
