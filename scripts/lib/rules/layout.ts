import { candidateCodes, countryIndex, describeCountries, lookupCountry } from "../countries/lookup.ts";
import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageRef } from "../i18n/messages.ts";
import { classifyPath, type Owner, PROFILE_FILE } from "../load/paths.ts";
import { closestMatch } from "../suggest.ts";
import type { Dataset } from "../validate/dataset.ts";
import { findByLabel, UN_LANGUAGES } from "../vocab.ts";
import type { Rule } from "./rule.ts";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 80;

/** Only known paths and file names under countries/ and organizations/. */
export const layout: Rule = {
  id: "layout",
  description:
    "Files sit where the data layout expects them: a lower-case ISO alpha-3 or organisation folder with its profile, kebab-case entry folders with activity.json and at least one <lang>.md, and nothing else; no symlinks, pipes, binary files or files over 256 KB; paths given to check are inside the repository.",
  check(dataset, report) {
    const at: At = (file, message, hint) => report({ file, line: 1, column: 1, ...catalogText(message, hint) });
    for (const target of dataset.refusedTargets) at(".", { key: "layout.outside", values: { target } }, { key: "layout.outsideHint" });
    for (const owner of dataset.owners) checkOwner(dataset, owner, at);
    for (const file of dataset.files) {
      const source = dataset.file(file);
      if (source?.symlink) at(file, { key: "layout.symlink" }, { key: "layout.symlinkHint" });
      else if (source?.binary) at(file, { key: "layout.binary" }, { key: "layout.binaryHint" });
      else if (source?.special) at(file, { key: "layout.special", values: { kind: source.special } }, { key: "layout.specialHint" });
      else if (source?.tooLarge)
        at(file, { key: "layout.tooLarge", values: { size: Math.round(source.size / 1024), limit: 256 } }, { key: "layout.tooLargeHint" });
      checkPath(dataset, file, at);
    }
    for (const entry of dataset.entries) {
      if (!SLUG.test(entry.slug)) {
        at(entry.files[0] ?? entry.dir, { key: "layout.slugCase", values: { slug: entry.slug } }, { key: "layout.slugCaseHint" });
      } else if (entry.slug.length > MAX_SLUG_LENGTH) {
        at(entry.files[0] ?? entry.dir, { key: "layout.slugLength", values: { slug: entry.slug, length: entry.slug.length, limit: MAX_SLUG_LENGTH } });
      }
      const activity = `${entry.dir}/activity.json`;
      if (!entry.files.includes(activity)) at(activity, { key: "layout.noActivity" }, { key: "layout.noActivityHint" });
      if (!entry.files.some((file) => classifyPath(file).role === "narrative")) {
        at(`${entry.dir}/en.md`, { key: "layout.noNarrative" });
      }
    }
  },
};

type At = (file: string, message: MessageRef, hint?: MessageRef) => void;

function checkOwner(dataset: Dataset, owner: Owner, at: At): void {
  const profile = `${owner.dir}/${PROFILE_FILE[owner.type]}`;
  if (owner.type === "country") {
    const codes = dataset.vocabularies.get("countries").terms;
    if (!codes.has(owner.id.toUpperCase())) {
      const index = countryIndex(dataset.vocabularies.get("countries"));
      const codes = candidateCodes(lookupCountry(index, owner.id)).slice(0, 3);
      const hint: MessageRef = { key: "layout.countryFolderHint" };
      if (codes.length === 0) at(profile, { key: "layout.notACountryCode", values: { code: owner.id } }, hint);
      else {
        const choices = Object.fromEntries(UN_LANGUAGES.map((lang) => [lang, describeCountries(index, codes, { lowerCase: true, lang })]));
        at(profile, { key: "layout.notACountryCodeSuggest", values: { code: owner.id, choices } }, hint);
      }
    } else if (owner.id !== owner.id.toLowerCase()) {
      at(profile, { key: "layout.countryLowerCase", values: { folder: owner.id, lower: owner.id.toLowerCase() } });
    }
  } else if (!SLUG.test(owner.id) || owner.id.length > 40) {
    at(profile, { key: "layout.organizationFolder", values: { folder: owner.id } });
  } else if (owner.id.length === 3 && dataset.vocabularies.get("countries").terms.has(owner.id.toUpperCase())) {
    at(profile, { key: "layout.organizationIsCountryCode", values: { folder: owner.id } });
  }
  if (!dataset.file(profile)) at(profile, { key: owner.type === "country" ? "layout.noCountryProfile" : "layout.noOrganizationProfile" });
}

function checkPath(dataset: Dataset, file: string, at: At): void {
  const info = classifyPath(file);
  switch (info.role) {
    case "data-other":
      at(file, { key: "layout.dataOther" }, { key: "layout.dataOtherHint" });
      return;
    case "owner-other":
      at(file, { key: "layout.ownerOther", values: { name: info.rest } }, { key: "layout.ownerOtherHint", values: { profile: PROFILE_FILE[info.owner.type] } });
      return;
    case "entry-other": {
      const language = /^(.+)\.md$/i.exec(info.name)?.[1];
      if (language) {
        const suggestion =
          closestMatch(language, dataset.vocabularies.get("languages").terms.keys()) ?? findByLabel(dataset.vocabularies.get("languages"), language);
        at(
          file,
          suggestion
            ? { key: "layout.narrativeNameSuggest", values: { name: info.name, suggestion: `${suggestion}.md` } }
            : { key: "layout.narrativeName", values: { name: info.name } },
          { key: "layout.narrativeNameHint" },
        );
      } else {
        at(file, { key: "layout.entryOther", values: { name: info.name } }, { key: "layout.entryOtherHint" });
      }
      return;
    }
    case "narrative": {
      const languages = dataset.vocabularies.get("languages").terms;
      if (!languages.has(info.lang)) {
        const suggestion = closestMatch(info.lang, languages.keys());
        at(
          file,
          suggestion
            ? { key: "layout.languageSuggest", values: { lang: info.lang, suggestion: `${suggestion}.md` } }
            : { key: "layout.language", values: { lang: info.lang } },
          { key: "layout.languageHint" },
        );
      }
      return;
    }
    default:
      return;
  }
}
