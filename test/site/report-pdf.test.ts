/**
 * The annual report as a PDF (issue 10): printed by Debian's Chromium from the report's own HTML,
 * one browser for every language. Without Chromium the suite is skipped with a notice, except in
 * CI (CI=true), where it fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findChromium, launchChromium } from "../../scripts/lib/browser/chromium.ts";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { loadSiteData } from "../../scripts/lib/model/load.ts";
import { readHistory } from "../../scripts/lib/model/provenance.ts";
import type { SiteData } from "../../scripts/lib/model/types.ts";
import { pageContext } from "../../scripts/lib/present/context.ts";
import { barChart } from "../../scripts/lib/report-annual/chart.ts";
import { renderAnnualReport, reportFonts } from "../../scripts/lib/report-annual/document.ts";
import { printReportPdf } from "../../scripts/lib/report-annual/pdf.ts";
import { UN_LANGUAGES } from "../../scripts/lib/vocab.ts";
import { PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { hasGit, makeSyntheticRepo } from "./support/dataset.ts";

const chromium = findChromium(process.env);
const inCi = process.env.CI === "true";
if (!chromium.available && !inCi) {
  console.warn(`Report PDF tests skipped: no Chromium at ${chromium.path}. Install it with: apt-get install -y chromium fonts-noto-core fonts-noto-cjk`);
}

const config = resolveSiteConfig({ COP_ATLAS_SITE_URL: "https://atlas.example.org/" }, new Date("2025-12-31T00:00:00Z"));
const YEAR = 2025;

/** The fonts a language's PDF must embed (PostScript names, without the subset prefix), and no others than the report names. */
const NEEDED: Record<string, RegExp> = { ar: /^Noto(Naskh|Sans)Arabic-/, zh: /^NotoSansCJKsc-/, en: /^NotoSans-/ };
const NAMED = /^(NotoSans|NotoNaskhArabic|NotoSansArabic|NotoSansCJKsc)-/;

/** The PostScript names of the fonts a PDF embeds, from its /FontName entries (Skia writes font dictionaries uncompressed). */
function embeddedFonts(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  return [...new Set([...text.matchAll(/\/FontName\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1]!))].sort();
}

/** The size in points and the text of each page, as pdf.js reads them (lines joined by line breaks). */
async function readPages(pdf: Uint8Array): Promise<Array<{ size: number[]; text: string }>> {
  const document = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  try {
    const pages: Array<{ size: number[]; text: string }> = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      pages.push({ size: page.view.map(Math.round), text });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Only the Arabic letters of a text, after undoing presentation forms (a PDF stores shaped glyphs). */
const arabicLetters = (text: string) => text.normalize("NFKC").replace(/[^\u0621-\u064A]/gu, "");

let repo: TempRepo;
let data: SiteData;
let browser: Browser;

describe.skipIf(!chromium.available && !inCi)("the annual report printed to PDF by Chromium", () => {
  beforeAll(async () => {
    if (!chromium.available) throw new Error(`No Chromium at ${chromium.path}, and CI=true: install it with apt-get install -y chromium`);
    repo = makeSyntheticRepo(hasGit());
    const loaded = loadSiteData(repo.root, readHistory(repo.root));
    if (!loaded.data) throw new Error(JSON.stringify(loaded.diagnostics));
    data = loaded.data;
    browser = await launchChromium(chromium.path);
  });

  afterAll(async () => {
    await browser?.close();
    repo?.cleanup();
  });

  test.for(["ar", "zh", "en"] as const)("%s: an A4 PDF with numbered pages, the fonts of its script embedded and its title as text", async (lang) => {
    const report = renderAnnualReport(data, config, YEAR, lang);
    const pdf = await printReportPdf(browser, report);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pages = await readPages(pdf);
    expect(pages.length).toBeGreaterThan(0);
    for (const [i, page] of pages.entries()) {
      // A4 is 595 × 842 points.
      expect(page.size, `page ${i + 1}`).toEqual([0, 0, 595, 842]);
      // Every page's footer says which page of how many it is.
      expect(page.text.replace(/\s+/g, " "), `page ${i + 1}`).toContain(`${i + 1} / ${pages.length}`);
    }

    const fonts = embeddedFonts(pdf);
    expect(
      fonts.some((font) => NEEDED[lang]!.test(font)),
      fonts.join(", "),
    ).toBe(true);
    // No glyph fell back to a font the report does not name (DejaVu Sans, say).
    expect(fonts.filter((font) => !NAMED.test(font))).toEqual([]);

    const title = /<h1>([^<]+)<\/h1>/.exec(report.html)![1]!;
    if (lang === "ar") {
      // pdf.js gives right-to-left text in the order it is drawn: the letters, in either direction.
      const letters = arabicLetters(title);
      expect(letters.length).toBeGreaterThan(10);
      const found = arabicLetters(pages[0]!.text);
      expect(found.includes(letters) || found.includes([...letters].reverse().join("")), found).toBe(true);
    } else {
      expect(pages[0]!.text.replace(/\s+/g, " ")).toContain(title);
    }
  });

  // Every label a chart can show, in every language, drawn with the report's fonts.
  test.for(UN_LANGUAGES)("%s: no chart label is clipped or runs into a bar", async (lang) => {
    const c = pageContext(data, config, lang, `report-${YEAR}.${lang}.html`);
    const rtl = c.dir(lang) === "rtl";
    const charts = ["regions", "types", "topics"].map((list) =>
      barChart(
        list,
        [...data.vocabularies.get(list).terms.keys()].map((id, i) => ({ label: c.label(list, id), value: i * 7 })),
        { rtl, id: `chart-${list}` },
      ),
    );
    const page = await browser.newPage();
    try {
      await page.setContent(
        `<!doctype html><html lang="${lang}" dir="${c.dir(lang)}"><head><meta charset="utf-8"><style>body{font-family:${reportFonts(lang)}}</style></head><body>${charts.map((chart) => chart.value).join("")}</body></html>`,
      );
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        for (const svg of document.querySelectorAll<SVGSVGElement>("svg.chart")) {
          const width = svg.viewBox.baseVal.width;
          for (const row of svg.querySelectorAll("g")) {
            const [label, value] = [...row.querySelectorAll<SVGTextElement>(":scope > text")];
            const bar = row.querySelector("rect")!.getBBox();
            for (const text of [label!, value!]) {
              const box = text.getBBox();
              const name = JSON.stringify(text.textContent);
              if (box.x < 0 || box.x + box.width > width) found.push(`${name} spans ${Math.round(box.x)}–${Math.round(box.x + box.width)} of 0–${width}`);
              if (box.x < bar.x + bar.width && bar.x < box.x + box.width) found.push(`${name} overlaps its bar`);
            }
          }
        }
        return found;
      });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("npm run report -- --pdf writes a PDF per language beside the Markdown and HTML, with one browser", () => {
    const out = mkdtempSync(join(tmpdir(), "cop-atlas-report-pdf-"));
    try {
      const run = spawnSync(
        join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
        [join(PROJECT_ROOT, "scripts/cli/report.ts"), "--year", String(YEAR), "--lang", "all", "--pdf", "--out", out],
        { cwd: repo.root, encoding: "utf8", env: { ...process.env, CHROMIUM_PATH: chromium.path } },
      );
      expect(run.status, run.stderr).toBe(0);
      for (const lang of UN_LANGUAGES) {
        for (const ext of ["md", "html"]) expect(existsSync(join(out, `report-${YEAR}.${lang}.${ext}`)), `${lang}.${ext}`).toBe(true);
        expect(
          readFileSync(join(out, `report-${YEAR}.${lang}.pdf`))
            .subarray(0, 5)
            .toString("latin1"),
          lang,
        ).toBe("%PDF-");
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasGit())("npm run report -- --pdf without Chromium", () => {
  test("says so plainly, writes the Markdown and HTML (of every year with --year all) anyway and exits with 3", () => {
    const repo = makeSyntheticRepo(true);
    const out = mkdtempSync(join(tmpdir(), "cop-atlas-report-nopdf-"));
    try {
      const missing = join(out, "no-chromium-here");
      const run = spawnSync(
        join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
        [join(PROJECT_ROOT, "scripts/cli/report.ts"), "--year", "all", "--lang", "en", "--pdf", "--out", out],
        { cwd: repo.root, encoding: "utf8", env: { ...process.env, CHROMIUM_PATH: missing } },
      );
      expect(run.status).toBe(3);
      expect(run.stderr).toBe(
        `report: no PDF was written, as there is no Chromium at ${missing}. Install it with apt-get install -y chromium fonts-noto-core fonts-noto-cjk (or set CHROMIUM_PATH), or print the .html from a browser.\n`,
      );
      expect(readFileSync(join(out, `report-${YEAR}.en.md`), "utf8")).toContain(`# COP Atlas: annual report ${YEAR}`);
      expect(readFileSync(join(out, `report-${YEAR}.en.html`), "utf8")).toContain('<svg class="chart"');
      expect(existsSync(join(out, `report-${YEAR}.en.pdf`))).toBe(false);
      // --year all: every year the data changed in.
      expect(readFileSync(join(out, "report-2024.en.md"), "utf8")).toContain("# COP Atlas: annual report 2024");
    } finally {
      rmSync(out, { recursive: true, force: true });
      repo.cleanup();
    }
  });
});
