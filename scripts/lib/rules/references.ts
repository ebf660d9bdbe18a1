import { catalogText } from "../i18n/diagnostics.ts";
import type { ParsedJson } from "../load/json.ts";
import { classifyPath } from "../load/paths.ts";
import { closestMatch } from "../suggest.ts";
import { type Dataset, type Entry, isObject } from "../validate/dataset.ts";
import type { Report, Rule } from "./rule.ts";

/** Links between files resolve: related entries exist, countries include the owner, regions match the reference table. */
export const references: Rule = {
  id: "references",
  description:
    "Related entries exist; only the countries and organisations an entry concerns confirm it; an entry filed under a country that lists countries includes that country; a country profile's region matches the ITU-D reference table; no entry refers to one a change deletes.",
  check(dataset, report) {
    for (const entry of dataset.entries) {
      const activity = dataset.activity(entry);
      const value = activity?.value;
      if (!activity || !value) continue;
      const positions = activity.parsed.positions;
      const code = entry.owner.id.toUpperCase();
      if (
        entry.owner.type === "country" &&
        Array.isArray(value.countries) &&
        value.countries.every((c) => typeof c === "string" && dataset.vocabularies.get("countries").terms.has(c)) &&
        !value.countries.includes(code)
      ) {
        report({
          file: activity.file,
          ...positions.valueAt("/countries"),
          ...catalogText({ key: "references.ownerNotInCountries", values: { code } }, { key: "references.ownerNotInCountriesHint", values: { code } }),
        });
      }
      checkConfirmations(dataset, report, entry, value, positions, activity.file);
      if (!Array.isArray(value.related)) continue;
      value.related.forEach((link, index) => {
        if (typeof link !== "string" || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(link)) return;
        const self = `${entry.owner.id}/${entry.slug}`;
        if (link === self) {
          report({
            file: activity.file,
            ...positions.valueAt(`/related/${index}`),
            ...catalogText({ key: "references.relatedSelf", values: { field: `related[${index}]` } }),
          });
        } else if (!dataset.entryExists(link)) {
          const [ownerId] = link.split("/");
          const siblings = dataset
            .entriesOf({ type: entry.owner.type, id: ownerId ?? "", dir: `${entry.owner.type === "country" ? "countries" : "organizations"}/${ownerId}` })
            .map((e) => `${e.owner.id}/${e.slug}`);
          const suggestion = closestMatch(link, siblings);
          report({
            file: activity.file,
            ...positions.valueAt(`/related/${index}`),
            ...catalogText(
              suggestion
                ? { key: "references.noEntrySuggest", values: { field: `related[${index}]`, link, suggestion } }
                : { key: "references.noEntry", values: { field: `related[${index}]`, link } },
              { key: "references.relatedForm" },
            ),
          });
        }
      });
    }
    checkRegions(dataset, report);
    checkDeleted(dataset, report);
  },
};

/** Only the countries and organisations an entry concerns can confirm it, and each must exist. */
function checkConfirmations(
  dataset: Dataset,
  report: Report,
  entry: Entry,
  value: Record<string, unknown>,
  positions: ParsedJson["positions"],
  file: string,
): void {
  const provenance = value.provenance;
  if (!isObject(provenance) || !Array.isArray(provenance.confirmedBy)) return;
  const concerned = new Set([entry.owner.id, ...(Array.isArray(value.countries) ? value.countries.map((code) => String(code).toLowerCase()) : [])]);
  provenance.confirmedBy.forEach((id, index) => {
    if (typeof id !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return;
    const at = positions.valueAt(`/provenance/confirmedBy/${index}`);
    if (!dataset.ownerExists(id)) {
      report({
        file,
        ...at,
        ...catalogText({ key: "references.noOwner", values: { id } }, { key: "references.noOwnerHint" }),
      });
    } else if (!concerned.has(id)) {
      report({
        file,
        ...at,
        ...catalogText({ key: "references.notConcerned", values: { id, owner: entry.owner.id } }, { key: "references.notConcernedHint" }),
      });
    }
  });
}

function checkRegions(dataset: Dataset, report: Report): void {
  const countries = dataset.vocabularies.get("countries").terms;
  const regions = dataset.vocabularies.get("regions").terms;
  for (const file of dataset.profiles) {
    const info = classifyPath(file);
    if (info.role !== "profile" || info.owner.type !== "country") continue;
    const parsed = dataset.json(file);
    const region = isObject(parsed?.value) ? parsed.value.region : undefined;
    const term = countries.get(info.owner.id.toUpperCase());
    const expected = term?.meta?.region;
    if (!parsed || typeof region !== "string" || !regions.has(region) || typeof expected !== "string" || region === expected) continue;
    const uncertain = term?.meta?.uncertain === true;
    report({
      file,
      ...parsed.positions.valueAt("/region"),
      severity: uncertain ? "warning" : "error",
      ...catalogText(
        { key: "references.region", values: { country: term?.labels ?? info.owner.id, expected, region } },
        uncertain
          ? { key: "references.regionUncertain", values: { note: String(term?.meta?.note ?? "see schemas/reference/itu-regions.md") } }
          : { key: "references.regionHint", values: { expected } },
      ),
    });
  }
}

function checkDeleted(dataset: Dataset, report: Report): void {
  if (dataset.deletedEntries.length === 0) return;
  const deleted = new Set(dataset.deletedEntries);
  for (const file of dataset.allActivityFiles()) {
    const parsed = dataset.json(file);
    const related = isObject(parsed?.value) ? parsed.value.related : undefined;
    if (!parsed || !Array.isArray(related)) continue;
    related.forEach((link, index) => {
      if (typeof link === "string" && deleted.has(link)) {
        report({
          file,
          ...parsed.positions.valueAt(`/related/${index}`),
          ...catalogText({ key: "references.deleted", values: { field: `related[${index}]`, link } }, { key: "references.deletedHint" }),
        });
      }
    });
  }
}
