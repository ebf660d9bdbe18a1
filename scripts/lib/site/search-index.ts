import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

/**
 * Builds the Pagefind index of a built site into <site>/pagefind/: one index per language,
 * as Pagefind splits pages by their <html lang>. Only pages marked data-pagefind-body
 * (entries and profiles) are indexed. Returns how many pages were indexed.
 */
export async function indexSite(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    // Pagefind also writes its own ready-made interfaces; the site has its own, so they go.
    for (const name of readdirSync(join(siteDir, "pagefind"))) if (/-ui\.(js|css)$/.test(name)) rmSync(join(siteDir, "pagefind", name));
    // Pages per language, as Pagefind counted them (addDirectory's count includes skipped pages).
    const entry = JSON.parse(readFileSync(join(siteDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } finally {
    await pagefind.close();
  }
}
