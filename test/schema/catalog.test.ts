import { expect, test } from "vitest";
import { diskSource, memorySource, overlaySource } from "../../scripts/lib/load/source.ts";
import { catalogOf, loadCatalog, SCHEMA_BASE } from "../../scripts/lib/schema/catalog.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { baselineFiles, PROJECT_ROOT } from "../support/repo.ts";
import { CASES, type Case, inMemory, NOW, run } from "../validate/rule-cases.ts";

const catalog = loadCatalog(PROJECT_ROOT);

test.for([
  { ref: "vocab/topics.json", from: "activity.schema.json", file: "vocab/topics.json", pointer: "", vocabulary: "topics" },
  { ref: "common.schema.json#/$defs/link", from: "activity.schema.json", file: "common.schema.json", pointer: "/$defs/link", vocabulary: undefined },
  { ref: "#/$defs/httpsUrl", from: "common.schema.json", file: "common.schema.json", pointer: "/$defs/httpsUrl", vocabulary: undefined },
  { ref: `${SCHEMA_BASE}vocab/languages.json`, from: "narrative.schema.json", file: "vocab/languages.json", pointer: "", vocabulary: "languages" },
])("$ref $ref from $from leads to $file#$pointer", ({ ref, from, file, pointer, vocabulary }) => {
  const target = catalog.resolve(ref, from);
  expect({ file: target.file, pointer: target.pointer, vocabulary: target.vocabulary?.name }).toEqual({ file, pointer, vocabulary });
});

test("a $ref that leads nowhere names the schema and the reference", () => {
  expect(() => catalog.resolve("common.schema.json#/$defs/nothing", "country.schema.json")).toThrow(
    'schemas/country.schema.json: "$ref": "common.schema.json#/$defs/nothing" does not resolve',
  );
  expect(() => catalog.resolve("vocab/nothing.json", "activity.schema.json")).toThrow('"vocab/nothing.json" does not resolve');
});

test("the same schema texts give the same catalog, compiled once; a changed schema gives another", () => {
  expect(loadCatalog(diskSource(PROJECT_ROOT))).toBe(catalog);
  expect(catalog.validator("activity")).toBe(catalog.validator("activity"));
  const topics = JSON.parse(diskSource(PROJECT_ROOT).read("schemas/vocab/topics.json")?.text ?? "{}");
  topics.oneOf.push({ const: "new-topic", labels: { ar: "x", zh: "x", en: "New topic", fr: "x", ru: "x", es: "x" } });
  const edited = loadCatalog(overlaySource(diskSource(PROJECT_ROOT), memorySource({ "schemas/vocab/topics.json": JSON.stringify(topics) })));
  expect(edited).not.toBe(catalog);
  expect(edited.fingerprint).not.toBe(catalog.fingerprint);
  expect(edited.vocabularies.get("topics").terms.has("new-topic")).toBe(true);
  expect(edited.validator("activity")({ ...minimalActivity(), topics: ["new-topic"] })).toBe(true);
  expect(catalog.validator("activity")({ ...minimalActivity(), topics: ["new-topic"] })).toBe(false);
});

test("schemas that are not JSON are a clear error", () => {
  const broken = overlaySource(diskSource(PROJECT_ROOT), memorySource({ "schemas/common.schema.json": "{ nope" }));
  expect(() => loadCatalog(broken)).toThrow(/^schemas\/common\.schema\.json is not valid JSON/);
  expect(() => loadCatalog(memorySource({}))).toThrow("cannot read the folder schemas");
});

test("hand-made documents get the $id their file name implies", () => {
  const small = catalogOf(
    new Map([
      ["activity.schema.json", { properties: { a: { $ref: "common.schema.json#/$defs/x" } } }],
      ["common.schema.json", { $defs: { x: { type: "string" } } }],
    ]),
  );
  expect(small.resolve("common.schema.json#/$defs/x", "activity.schema.json").schema).toEqual({ type: "string" });
});

function minimalActivity() {
  return {
    kind: "activity",
    type: "law",
    level: "national",
    status: "active",
    originalLanguage: "en",
    links: [{ url: "https://example.org/a", type: "official" }],
    provenance: { compiledBy: "editors" },
  };
}

test("validators loaded from standalone code report exactly what compiled ones report", () => {
  const saved = new Map<string, string>();
  const store = { load: (fingerprint: string) => saved.get(fingerprint), save: (fingerprint: string, code: string) => void saved.set(fingerprint, code) };
  const files = new Map([...catalog.files].map(([name, document]) => [name, structuredClone(document)]));
  const compiling = catalogOf(files, "standalone-test", store);
  const schemaCases = CASES.filter((c) => c.expected.some((e) => e.ruleId === "schema"));
  expect(schemaCases.length).toBeGreaterThan(5);
  for (const c of schemaCases) expect(runWith(c.change, compiling), c.name).toEqual(run(c.change));
  expect(saved.has("standalone-test")).toBe(true);
  const loading = catalogOf(files, "standalone-test", { load: store.load, save: () => expect.unreachable("compiled again") });
  for (const c of schemaCases) expect(runWith(c.change, loading), c.name).toEqual(run(c.change));
});

function runWith(change: Case["change"], with_: ReturnType<typeof catalogOf>) {
  const files = baselineFiles();
  for (const [path, edit] of Object.entries(change)) {
    if (edit === null) delete files[path];
    else files[path] = typeof edit === "function" ? edit(files[path] ?? "") : edit;
  }
  return validateRepository({ source: inMemory(files), catalog: with_, now: NOW }).diagnostics;
}
