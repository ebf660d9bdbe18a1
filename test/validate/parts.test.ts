import fc from "fast-check";
import { expect, test } from "vitest";
import { generateFiles } from "../../scripts/lib/bench/generate.ts";
import { classifyPath } from "../../scripts/lib/load/paths.ts";
import { type FileSource, memorySource, overlaySource } from "../../scripts/lib/load/source.ts";
import { RULES } from "../../scripts/lib/rules/index.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { memoryCache } from "../../scripts/lib/validate/cache.ts";
import { Dataset } from "../../scripts/lib/validate/dataset.ts";
import { validateRepository, validateRepositoryWide } from "../../scripts/lib/validate/index.ts";
import { planParts } from "../../scripts/lib/validate/plan.ts";
import { runRules } from "../../scripts/lib/validate/run.ts";
import { PROJECT_ROOT } from "../support/repo.ts";
import { inMemory, NOW } from "./rule-cases.ts";

const catalog = loadCatalog(PROJECT_ROOT);

/** A generated repository with problems for most rules, spread over several owners. */
function brokenRepository(): Record<string, string> {
  const files = Object.fromEntries([...generateFiles(catalog, { entries: 90, seed: 3, bodyWords: 60 })].map((file) => [file.path, file.text]));
  const paths = Object.keys(files);
  const activities = paths.filter((path) => path.endsWith("/activity.json"));
  const english = paths.filter((path) => path.endsWith("/en.md"));
  const edit = (path: string | undefined, change: (text: string) => string) => {
    if (path) files[path] = change(files[path] ?? "");
  };
  edit(activities[0], (text) => text.replace('"kind"', '"kind": "activity",\n  "kind"'));
  edit(activities[1], (text) => text.replace(/"topics": \[/, '"topics": ["cyber-bullying", '));
  edit(activities[2], (text) => text.replace('"originalLanguage"', '"related": ["ken/no-such-entry", "zzz/x"],\n  "originalLanguage"'));
  edit(activities[3], (text) => text.replace(/"url": "[^"]+"/, '"url": "http://example.org/plain"'));
  edit(english[0], (text) => `${text}\nThey fight child pornography online; write to jane.doe@example.org.\n\n# Top\n\n<b>bold</b>\n`);
  edit(english[1], (text) => text.replace(/^title: .*$/m, `title: ${/^title: (.*)$/m.exec(files[english[2] ?? ""] ?? "")?.[1] ?? ""}`));
  files["countries/notes.txt"] = "a loose file\n";
  files[`${paths[0]?.split("/").slice(0, 2).join("/")}/activities/Bad_Slug/activity.json`] = "{}\n";
  return files;
}

function wholeInOneDataset(source: FileSource) {
  const dataset = new Dataset({ source, catalog, now: NOW });
  return runRules(dataset, RULES);
}

test("checking one owner at a time finds exactly what one pass over everything finds", () => {
  const source = inMemory(brokenRepository());
  const whole = wholeInOneDataset(source);
  expect(new Set(whole.map((d) => d.ruleId)).size).toBeGreaterThanOrEqual(8);
  const result = validateRepository({ source, catalog, now: NOW });
  expect(result.diagnostics).toEqual(whole);
  expect(result.entries).toBe(91);
});

test.for([1, 2, 3, 5])("the %i shards together are the whole run", (count) => {
  const source = inMemory(brokenRepository());
  const whole = validateRepository({ source, catalog, now: NOW });
  const shards = Array.from({ length: count }, (_, index) => validateRepository({ source, catalog, now: NOW, shard: { index: index + 1, count } }));
  const files = shards.map((shard) => new Set(shard.diagnostics.map((d) => d.file.split("/").slice(0, 2).join("/"))));
  for (const [index, owners] of files.entries()) for (const other of files.slice(index + 1)) for (const owner of owners) expect(other.has(owner)).toBe(false);
  expect(shards.flatMap((shard) => shard.diagnostics).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
    [...whole.diagnostics].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  );
  expect(shards.reduce((sum, shard) => sum + shard.entries, 0)).toBe(whole.entries);
  expect(shards.reduce((sum, shard) => sum + shard.files, 0)).toBe(whole.files);
});

/** The edits a contributor or maintainer makes, each of which may change what the checks say. */
type Edit =
  | { kind: "narrative"; entry: number; text: string }
  | { kind: "activity-topic"; entry: number; topic: string }
  | { kind: "relate"; entry: number; to: number }
  | { kind: "delete"; entry: number }
  | { kind: "vocabulary"; topic: string; add: boolean }
  | { kind: "schema"; maxTopics: number }
  | { kind: "tool"; version: string };

const PHRASES = ["plain words", "child pornography", "call +44 20 7946 0000", "## Heading", "# Top", "<i>x</i>", "[x](http://example.org)", "same title"];

test("a cached run always equals a cold run, whatever is edited in between (property)", () => {
  const base = Object.fromEntries([...generateFiles(catalog, { entries: 12, seed: 5, bodyWords: 40 })].map((file) => [file.path, file.text]));
  const entries = Object.keys(base)
    .filter((path) => path.endsWith("/activity.json"))
    .map((path) => path.replace(/\/activity\.json$/, ""));
  const schemas = inMemory({});
  const topicsText = schemas.read("schemas/vocab/topics.json")?.text ?? "";
  const activitySchemaText = schemas.read("schemas/activity.schema.json")?.text ?? "";
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("narrative" as const), entry: fc.nat(entries.length - 1), text: fc.constantFrom(...PHRASES) }),
    fc.record({
      kind: fc.constant("activity-topic" as const),
      entry: fc.nat(entries.length - 1),
      topic: fc.constantFrom("grooming", "new-topic", "cyber-bullying"),
    }),
    fc.record({ kind: fc.constant("relate" as const), entry: fc.nat(entries.length - 1), to: fc.nat(entries.length - 1) }),
    fc.record({ kind: fc.constant("delete" as const), entry: fc.nat(entries.length - 1) }),
    fc.record({ kind: fc.constant("vocabulary" as const), topic: fc.constant("new-topic"), add: fc.boolean() }),
    fc.record({ kind: fc.constant("schema" as const), maxTopics: fc.constantFrom(1, 2, 20) }),
    fc.record({ kind: fc.constant("tool" as const), version: fc.constantFrom("1", "2") }),
  );
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits: Edit[]) => {
      const files: Record<string, string> = { ...base };
      const cache = memoryCache();
      let version = "1";
      let topics = JSON.parse(topicsText) as { oneOf: Array<{ const: string }> };
      let activitySchema = JSON.parse(activitySchemaText) as { properties: { topics: { maxItems?: number } } };
      const source = () =>
        overlaySource(
          inMemory(files),
          memorySource({ "schemas/vocab/topics.json": JSON.stringify(topics), "schemas/activity.schema.json": JSON.stringify(activitySchema) }),
        );
      const check = () => {
        const cold = validateRepository({ source: source(), now: NOW });
        const warm = validateRepository({ source: source(), now: NOW, cache, toolVersion: version });
        expect(warm).toEqual(cold);
      };
      check();
      for (const step of edits) {
        const dir = entries[("entry" in step ? step.entry : 0) % entries.length] ?? "";
        if (step.kind === "narrative") {
          const path = Object.keys(files).find((file) => file.startsWith(`${dir}/`) && file.endsWith(".md"));
          if (path) files[path] = `${files[path]}\n${step.text}\n`;
        } else if (step.kind === "activity-topic" && files[`${dir}/activity.json`]) {
          files[`${dir}/activity.json`] = (files[`${dir}/activity.json`] ?? "").replace('"topics": [', `"topics": ["${step.topic}", `);
        } else if (step.kind === "relate" && files[`${dir}/activity.json`]) {
          const [, , owner, , slug] = (entries[step.to] ?? "").split("/");
          files[`${dir}/activity.json`] = (files[`${dir}/activity.json`] ?? "").replace(
            '"originalLanguage"',
            `"related": ["${owner}/${slug}"],\n  "originalLanguage"`,
          );
        } else if (step.kind === "delete") {
          for (const path of Object.keys(files)) if (path.startsWith(`${dir}/`)) delete files[path];
        } else if (step.kind === "vocabulary") {
          topics = {
            ...topics,
            oneOf: step.add
              ? [...topics.oneOf.filter((t) => t.const !== step.topic), { ...topics.oneOf[0], const: step.topic }]
              : topics.oneOf.filter((t) => t.const !== step.topic),
          };
        } else if (step.kind === "schema") {
          activitySchema = {
            ...activitySchema,
            properties: { ...activitySchema.properties, topics: { ...activitySchema.properties.topics, maxItems: step.maxTopics } },
          };
        } else if (step.kind === "tool") version = step.version;
        check();
      }
    }),
    { seed: 20_260_101, numRuns: 15 },
  );
});

test("each kind of change invalidates exactly the cached results it should", () => {
  const files = Object.fromEntries([...generateFiles(catalog, { entries: 20, seed: 9, bodyWords: 40 })].map((file) => [file.path, file.text]));
  const inner = memoryCache();
  const rechecked: string[] = [];
  const cache = {
    get: inner.get,
    set: (part: string, result: Parameters<typeof inner.set>[1]) => {
      rechecked.push(part);
      inner.set(part, result);
    },
  };
  const run = (source: FileSource, toolVersion = "1") => {
    rechecked.length = 0;
    validateRepository({ source, now: NOW, cache, toolVersion });
    return [...rechecked];
  };
  const owners = [...new Set(Object.keys(files).map((path) => path.split("/").slice(0, 2).join("/")))].sort();
  expect(run(inMemory(files))).toEqual(owners);
  expect(run(inMemory(files))).toEqual([]);
  const narrative = Object.keys(files).find((path) => path.endsWith(".md") && path.startsWith(owners[1] ?? "")) ?? "";
  const edited = { ...files, [narrative]: `${files[narrative]}\nOne more line.\n` };
  expect(run(inMemory(edited))).toEqual([owners[1]]);
  expect(run(inMemory(edited))).toEqual([]);
  const topics = JSON.parse(inMemory({}).read("schemas/vocab/topics.json")?.text ?? "");
  topics.oneOf.push({ ...topics.oneOf[0], const: "another-topic" });
  expect(run(overlaySource(inMemory(edited), memorySource({ "schemas/vocab/topics.json": JSON.stringify(topics) })))).toEqual(owners);
  const schema = JSON.parse(inMemory({}).read("schemas/narrative.schema.json")?.text ?? "");
  schema.properties.title.maxLength = 150;
  expect(run(overlaySource(inMemory(edited), memorySource({ "schemas/narrative.schema.json": JSON.stringify(schema) })))).toEqual(owners);
  expect(run(inMemory(edited))).toEqual(owners);
  expect(run(inMemory(edited), "2")).toEqual(owners);
  expect(run(inMemory(edited), "2")).toEqual([]);
});

test("a cached result is what a valid cache hit returns, without checking again", () => {
  const files = Object.fromEntries([...generateFiles(catalog, { entries: 3, seed: 2, bodyWords: 30 })].map((file) => [file.path, file.text]));
  const cache = memoryCache();
  const first = validateRepository({ source: inMemory(files), now: NOW, cache });
  const [owner] = Object.keys(files)[0]?.split("/") ?? [];
  const part = `${owner}/${Object.keys(files)[0]?.split("/")[1]}`;
  const stored = cache.get(part);
  if (!stored) throw new Error("the part was not cached");
  const marker = { ruleId: "marker", severity: "warning" as const, file: `${part}/x`, line: 1, column: 1, message: "From the cache." };
  cache.set(part, { ...stored, diagnostics: [marker] });
  expect(validateRepository({ source: inMemory(files), now: NOW, cache }).diagnostics).toEqual([...first.diagnostics, marker]);
});

test("the plan puts each file in the part of the owner classifyPath gives it, and the rest in the loose part", () => {
  const paths = [
    "countries/notes.txt",
    "countries/rwa",
    "countries/ken/country.json",
    "countries/ken/activities/a/activity.json",
    "countries/ken/activities/a/deeper/file.txt",
    "countries/ken/odd.txt",
    "countries/ken-x/country.json",
    "organizations/eu/organization.json",
    "organizations/readme.md",
  ];
  const expected = new Map<string, string[]>();
  for (const path of paths) {
    const info = classifyPath(path);
    const id = "owner" in info ? info.owner.dir : "loose";
    expected.set(id, [...(expected.get(id) ?? []), path]);
  }
  const parts = planParts(memorySource(Object.fromEntries(paths.map((path) => [path, "{}"]))));
  expect(parts.map((part) => [part.id, part.files])).toEqual(
    [...expected].map(([id, files]) => [id, files.length]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
  );
  expect(parts.find((part) => part.id === "loose")?.targets.sort()).toEqual(expected.get("loose")?.sort());
});

test("the repository-wide pass lists no data folder when its rules look at no file, and finds what it found before", () => {
  const files = brokenRepository();
  const asked: string[] = [];
  const memory = inMemory(files);
  const counting: FileSource = {
    ...memory,
    list: (folder) => {
      asked.push(folder);
      return memory.list(folder);
    },
  };
  // Without the CODEOWNERS configuration, the codeowners rule stops before it looks at a profile.
  expect(validateRepositoryWide({ source: counting, catalog, now: NOW, rules: RULES })).toEqual({ diagnostics: [], files: 0, entries: 0 });
  expect(asked).toEqual([]);
  // The same dataset still groups the whole tree when a rule asks for it.
  const dataset = new Dataset({ source: counting, catalog, now: NOW });
  expect(dataset.entries).toHaveLength(91);
  expect(asked).toContain("countries");
});
