import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { atomFeed, FEED_LIMIT, feedUsesBuildTime } from "../../scripts/lib/open-data/feeds.ts";
import { siteEntry, TEST_CONFIG } from "./support.ts";

/** Fixed, so that a failure is reproducible. */
const RUNS = { seed: 11, numRuns: 200 } as const;

const parser = new XMLParser({
  ignoreAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

/** What XML 1.0 cannot hold becomes U+FFFD; everything else must come back as it was. */
const expectedText = (text: string) =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]|\p{Noncharacter_Code_Point}/gu, "\uFFFD");

function feedOf(values: { title: string; summary: string; owner?: string }, extra: Parameters<typeof siteEntry>[1]["translations"] = {}) {
  const entry = siteEntry(0, {
    owner: values.owner ?? "Example",
    title: values.title,
    summary: values.summary,
    lead: [],
    partners: [],
    links: [],
    translations: extra,
  });
  return atomFeed({ lang: "fr", config: TEST_CONFIG, title: "COP Atlas", path: "api/v1/feeds/fr/all.atom", pagePath: "fr/index.html", entries: [entry] });
}

interface AtomEntry {
  "@_xml:lang": string;
  title: { "#text"?: string; "@_type": string };
  summary: { "#text"?: string; "@_type": string };
  author: { name: string };
}

function parsedEntry(xml: string): AtomEntry {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed.entry as AtomEntry;
}

describe("Atom feeds", () => {
  test.for([
    ["a CDATA break-out", "]]><script>alert(1)</script><![CDATA["],
    ["live markup", '<img src=x onerror="alert(1)">'],
    ["entities", "&amp; &lt;b&gt; &#x3C;"],
    ["control characters", "NUL\u0000 ESC\u001B[31m FFFE\uFFFE lone\uD800 surrogate"],
    ["a comment", "<!-- x --> --"],
  ] as const)("a title with %s is plain text, never markup", ([, title]) => {
    const xml = feedOf({ title, summary: title, owner: title });
    expect(xml).not.toContain("<![CDATA[");
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("<img");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const entry = parsedEntry(xml);
    expect(entry.title["@_type"]).toBe("text");
    expect(entry.summary["@_type"]).toBe("text");
    expect(entry.title["#text"]).toBe(expectedText(title));
    expect(entry.summary["#text"]).toBe(expectedText(title));
    expect(entry.author.name).toBe(expectedText(title));
  });

  test("the feed and each entry carry xml:lang: the entry's own language when it falls back to the original", () => {
    const xml = feedOf({ title: "Safer chat", summary: "A summary." });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    expect(parsedEntry(xml)["@_xml:lang"]).toBe("en");
    const translated = feedOf({ title: "Safer chat", summary: "A summary." }, { fr: { title: "Discussions plus sûres", summary: "Un résumé." } });
    const entry = parsedEntry(translated);
    expect(entry["@_xml:lang"]).toBe("fr");
    expect(entry.title["#text"]).toBe("Discussions plus sûres");
  });

  test("the feed of all entries carries the newest ones", () => {
    const entries = Array.from({ length: FEED_LIMIT + 5 }, (_, index) => {
      const entry = siteEntry(index, { owner: "O", title: `Title ${index}`, summary: "S", lead: [], partners: [], links: [] });
      entry.provenance = { updated: { date: `20${String(10 + index).padStart(2, "0")}-01-01`, sha: "0" } } as never;
      return entry;
    });
    const xml = atomFeed({ lang: "en", config: TEST_CONFIG, title: "t", path: "p", pagePath: "q", entries, limit: FEED_LIMIT });
    const titles = (parser.parse(xml).feed.entry as AtomEntry[]).map((entry) => entry.title["#text"]);
    expect(titles).toHaveLength(FEED_LIMIT);
    expect(titles[0]).toBe(`Title ${FEED_LIMIT + 4}`);
    expect(titles).not.toContain("Title 0");
  });

  test.for([
    ["an entry dated by its history", { provenance: { updated: { date: "2024-03-01", sha: "0" } } }, false],
    ["an entry dated by its start", { start: "2021-05" }, false],
    ["an entry without history or start", { start: undefined }, true],
    ["an entry whose start is no date", { start: "20xx" }, true],
  ] as const)("a feed of %s says the build's time: %s", ([, change, usesTime]) => {
    const entry = siteEntry(1, { owner: "O", title: "T", summary: "S", lead: [], partners: [], links: [] });
    if ("provenance" in change) entry.provenance = change.provenance as never;
    if ("start" in change) entry.facts = { ...entry.facts, start: change.start } as never;
    expect(feedUsesBuildTime([entry])).toBe(usesTime);
    // What the feed says agrees: the build's time appears in it exactly when it is said to.
    const xml = atomFeed({ lang: "en", config: TEST_CONFIG, title: "t", path: "p", pagePath: "q", entries: [entry] });
    expect(xml.includes(TEST_CONFIG.now.toISOString())).toBe(usesTime);
  });

  test("a feed of no entry says the build's time", () => {
    expect(feedUsesBuildTime([])).toBe(true);
  });

  test("property: any title and summary give valid XML that reads back as the same text (fixed seed)", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc
        .array(fc.constantFrom("]]>", "<", ">", "&", '"', "'", "<![CDATA[", "\u0000", "\u001B", "\uFFFE", "\uD800", "\uDC00", "&#0;", "\r\n", "é"), {
          maxLength: 8,
        })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, text, (title, summary) => {
        const entry = parsedEntry(feedOf({ title, summary }));
        expect(entry.title["#text"] ?? "").toBe(expectedText(title).replace(/\r\n?/g, "\n"));
        expect(entry.summary["#text"] ?? "").toBe(expectedText(summary).replace(/\r\n?/g, "\n"));
      }),
      RUNS,
    );
  });
});
