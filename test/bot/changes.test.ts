import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { countWords, describeEntryChange, type EntrySnapshot, vocabularyProperties } from "../../scripts/lib/bot/changes/describe.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const vocabularies = loadCatalog(PROJECT_ROOT).vocabularies;
const lists = vocabularyProperties(JSON.parse(readFileSync(join(PROJECT_ROOT, "schemas/activity.schema.json"), "utf8")));

function entry(): EntrySnapshot {
  return {
    activity: {
      kind: "activity",
      type: "helpline",
      level: "national",
      status: "active",
      start: "2018-03",
      topics: ["cyberbullying", "grooming"],
      links: [
        { url: "https://example.org/helpline", type: "official" },
        { url: "https://example.org/news", type: "news" },
      ],
      originalLanguage: "en",
      provenance: { compiledBy: "editors" },
    },
    narratives: {
      en: {
        title: "Child helpline",
        summary: "A free helpline for children.",
        body: "It answers calls day and night.",
        version: "aaaaaaaaaaaa",
        translation: null,
      },
      fr: {
        title: "Ligne d'écoute",
        summary: "Une ligne gratuite pour les enfants.",
        body: "Elle répond jour et nuit.",
        version: null,
        translation: { from: "en", version: "aaaaaaaaaaaa" },
      },
    },
  };
}

test("the schema says which properties take vocabulary values", () => {
  expect(lists).toMatchObject({ kind: "kinds", topics: "topics", policyAreas: "policy-areas", originalLanguage: "languages", countries: "countries" });
  expect(lists.start).toBeUndefined();
});

describe("describeEntryChange", () => {
  test("a topic, a date and a link changed: exactly those three changes, with labels", () => {
    const head = entry();
    head.activity.topics = ["cyberbullying", "sexual-extortion"];
    head.activity.start = "2018-04";
    head.activity.links = [
      { url: "https://example.org/helpline", type: "official" },
      { url: "https://example.org/news-moved", type: "news" },
    ];
    // The topic swap is one removal and one addition of the same field: a topic change.
    expect(describeEntryChange(entry(), head, vocabularies, lists)).toEqual({
      status: "modified",
      fields: [
        { field: "start", before: "2018-03", after: "2018-04" },
        { field: "topics", before: "Grooming (grooming)", after: null },
        { field: "topics", before: null, after: "Sexual extortion (sexual-extortion)" },
      ],
      linksAdded: [{ url: "https://example.org/news-moved", type: "News coverage" }],
      linksRemoved: [{ url: "https://example.org/news", type: "News coverage" }],
      narratives: [],
      outOfDate: [],
    });
  });

  test("a changed original counts its words and names the translation it left behind", () => {
    const head = entry();
    const en = head.narratives.en;
    if (!en) throw new Error("no en");
    head.narratives.en = { ...en, body: "It answers calls and messages day and night, in three languages.", version: "bbbbbbbbbbbb" };
    const change = describeEntryChange(entry(), head, vocabularies, lists);
    expect(change.fields).toEqual([]);
    expect(change.narratives).toEqual([{ lang: "en", status: "changed", parts: ["text"], wordsAdded: 5, wordsRemoved: 0 }]);
    expect(change.outOfDate).toEqual(["fr"]);
  });

  test("a translation already out of date before is not reported again", () => {
    const base = entry();
    const fr = base.narratives.fr;
    if (!fr?.translation) throw new Error("no fr");
    fr.translation.version = "000000000000";
    const head = structuredClone(base);
    const en = head.narratives.en;
    if (!en) throw new Error("no en");
    head.narratives.en = { ...en, title: "Child helpline 116", version: "cccccccccccc" };
    expect(describeEntryChange(base, head, vocabularies, lists).outOfDate).toEqual([]);
  });

  test("a new entry lists its facts as added", () => {
    const change = describeEntryChange(null, entry(), vocabularies, lists);
    expect(change.status).toBe("added");
    expect(change.fields).toContainEqual({ field: "type", before: null, after: "Helpline (helpline)" });
    expect(change.linksAdded).toHaveLength(2);
    expect(change.narratives.map((narrative) => [narrative.lang, narrative.status])).toEqual([
      ["en", "added"],
      ["fr", "added"],
    ]);
  });
});

test.for([
  ["en", "one two three", "one two four five", 2, 1],
  ["zh", "儿童在线保护", "儿童在线保护战略", 1, 0],
  ["fr", "Le texte.", "Le texte.", 0, 0],
] as const)("countWords(%s, %j → %j) = +%d −%d", ([lang, before, after, added, removed]) => {
  expect(countWords(before, after, lang)).toEqual({ wordsAdded: added, wordsRemoved: removed });
});
