import type { PageContext } from "../present/context.ts";
import { type Html, html } from "../present/html.ts";
import { formatNumber } from "../present/i18n.ts";

/** Entries per static list page: small enough for a phone, large enough to skim. */
export const PAGE_SIZE = 50;

/**
 * Entries per page of a facet value's static list. Its rows carry no summary (see entryList), so
 * twice as many weigh what a page of cards weighs, and the site writes half as many of these
 * pages, each with its own header and footer.
 */
export function facetPageSize(size: number): number {
  return size * 2;
}

/** The page size of a build (tests use a small one to exercise pagination on a small dataset). */
export function pageSizeOf(config: { pageSize?: number }): number {
  const size = config.pageSize ?? PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new Error(`site: the page size must be a positive integer, not ${size}`);
  return size;
}

/** Splits a list into pages of `size` items; an empty list still makes one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

/**
 * The page numbers a pagination bar shows: the first, the last, and the current one with
 * two neighbours on each side; `null` marks a gap. Seven links at most, whatever the total.
 */
export function pageWindow(current: number, total: number): Array<number | null> {
  const shown = new Set<number>([1, total]);
  for (let page = current - 2; page <= current + 2; page++) if (page >= 1 && page <= total) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const page of sorted) {
    const previous = out[out.length - 1];
    if (typeof previous === "number" && page - previous === 2) out.push(previous + 1);
    else if (typeof previous === "number" && page - previous > 2) out.push(null);
    out.push(page);
  }
  return out;
}

/**
 * The pagination bar of a list page: previous and next links with rel=prev/next, the page
 * numbers with aria-current on this one, and "page X of Y" in words. Plain links, so it works
 * without JavaScript. Nothing is shown for a list that fits on one page.
 */
export function paginationNav(c: PageContext, current: number, total: number, pathOf: (page: number) => string): Html {
  if (total <= 1) return html``;
  const number = (page: number) => formatNumber(c.lang, page);
  const link = (page: number) => c.url(pathOf(page));
  return html`<nav class="pagination" aria-label="${c.m.pagination}">
<p class="page-status">${c.m.pageOf(number(current), number(total))}</p>
<ul>
${current > 1 ? html`<li class="page-prev"><a href="${link(current - 1)}" rel="prev">${c.m.previousPage}</a></li>\n` : ""}${pageWindow(current, total).map(
  (page) =>
    page === null
      ? html`<li class="page-gap" aria-hidden="true">…</li>\n`
      : page === current
        ? html`<li><a href="${link(page)}" aria-current="page" aria-label="${c.m.pageOf(number(page), number(total))}">${number(page)}</a></li>\n`
        : html`<li><a href="${link(page)}" aria-label="${c.m.pageOf(number(page), number(total))}">${number(page)}</a></li>\n`,
)}${current < total ? html`<li class="page-next"><a href="${link(current + 1)}" rel="next">${c.m.nextPage}</a></li>\n` : ""}</ul>
</nav>`;
}

/** " (page 2 of 7)" for the <title> of a page after the first, so every page has its own title. */
export function pageTitleSuffix(c: PageContext, current: number, total: number): string {
  return current > 1 ? ` (${c.m.pageOf(formatNumber(c.lang, current), formatNumber(c.lang, total))})` : "";
}
