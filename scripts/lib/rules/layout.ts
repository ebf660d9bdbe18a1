import { countryIndex, countrySuggestion } from "../countries/lookup.ts";
import { classifyPath, type Owner, PROFILE_FILE } from "../load/paths.ts";
import { closestMatch } from "../suggest.ts";
import type { Dataset } from "../validate/dataset.ts";
import { findByLabel } from "../vocab.ts";
import type { Rule } from "./rule.ts";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 80;

/** Only known paths and file names under countries/ and organizations/. */
export const layout: Rule = {
  id: "layout",
  description:
    "Files sit where the data layout expects them: a lower-case ISO alpha-3 or organisation folder with its profile, kebab-case entry folders with activity.json and at least one <lang>.md, and nothing else; no symlinks, pipes, binary files or files over 256 KB; paths given to check are inside the repository.",
  check(dataset, report) {
    const at = (file: string, message: string, hint?: string) => report({ file, line: 1, column: 1, message, ...(hint ? { hint } : {}) });
    for (const target of dataset.refusedTargets) {
      at(
        ".",
        `"${target}" is outside the repository: nothing there was opened or checked.`,
        "Give paths inside the repository, such as countries/ken or countries/ken/activities/<entry>.",
      );
    }
    for (const owner of dataset.owners) checkOwner(dataset, owner, at);
    for (const file of dataset.files) {
      const source = dataset.file(file);
      if (source?.symlink) at(file, "Symbolic links are not allowed in the data.", "Replace the link with the file itself.");
      else if (source?.binary)
        at(file, "This file is not UTF-8 text.", "Entries are JSON and Markdown text files; remove images, documents and other binary files.");
      else if (source?.special)
        at(file, `This is not a regular file (${source.special}); it was not opened.`, "Entries are JSON and Markdown text files; remove it.");
      else if (source?.tooLarge)
        at(
          file,
          `This file is too large (${Math.round(source.size / 1024)} KB, at most 256 KB).`,
          "Shorten it, or link to long documents instead of copying them.",
        );
      checkPath(dataset, file, at);
    }
    for (const entry of dataset.entries) {
      if (!SLUG.test(entry.slug)) {
        at(
          entry.files[0] ?? entry.dir,
          `The folder name "${entry.slug}" is not in kebab-case.`,
          "Use lower-case letters a-z, digits and single hyphens, such as national-cop-policy-2019: it becomes the entry's permanent link.",
        );
      } else if (entry.slug.length > MAX_SLUG_LENGTH) {
        at(entry.files[0] ?? entry.dir, `The folder name "${entry.slug}" is too long (${entry.slug.length} characters, at most ${MAX_SLUG_LENGTH}).`);
      }
      const activity = `${entry.dir}/activity.json`;
      if (!entry.files.includes(activity))
        at(activity, "activity.json is missing: every entry folder needs one.", "Run `npm run new` to create an entry with all its files.");
      if (!entry.files.some((file) => classifyPath(file).role === "narrative")) {
        at(`${entry.dir}/en.md`, "The entry has no narrative: add at least one <lang>.md file, such as en.md.");
      }
    }
  },
};

type At = (file: string, message: string, hint?: string) => void;

function checkOwner(dataset: Dataset, owner: Owner, at: At): void {
  const profile = `${owner.dir}/${PROFILE_FILE[owner.type]}`;
  if (owner.type === "country") {
    const codes = dataset.vocabularies.get("countries").terms;
    if (!codes.has(owner.id.toUpperCase())) {
      const suggestion = countrySuggestion(countryIndex(dataset.vocabularies.get("countries")), owner.id, { lowerCase: true });
      at(
        profile,
        `"${owner.id}" is not an ISO 3166-1 alpha-3 country code${suggestion || "."}`,
        "Country folders are named by the three-letter code in lower case: countries/rwa for Rwanda.",
      );
    } else if (owner.id !== owner.id.toLowerCase()) {
      at(profile, `Country folder names are lower case: rename "${owner.id}" to "${owner.id.toLowerCase()}".`);
    }
  } else if (!SLUG.test(owner.id) || owner.id.length > 40) {
    at(profile, `The organisation folder name "${owner.id}" must be kebab-case, at most 40 characters (eu, child-helpline-international).`);
  } else if (owner.id.length === 3 && dataset.vocabularies.get("countries").terms.has(owner.id.toUpperCase())) {
    at(profile, `"${owner.id}" is a country code; an organisation folder needs another name so that links like ${owner.id}/<entry> stay unambiguous.`);
  }
  if (!dataset.file(profile))
    at(profile, `${PROFILE_FILE[owner.type]} is missing: every ${owner.type === "country" ? "country" : "organisation"} folder needs its profile.`);
}

function checkPath(dataset: Dataset, file: string, at: At): void {
  const info = classifyPath(file);
  switch (info.role) {
    case "data-other":
      at(file, "Only folders belong directly in countries/ and organizations/.", "Move the file into an entry folder, or delete it.");
      return;
    case "owner-other":
      at(
        file,
        `Unexpected file "${info.rest}".`,
        `A folder holds only its profile (${PROFILE_FILE[info.owner.type]}) and entries in activities/<entry>/ (activity.json and <lang>.md files).`,
      );
      return;
    case "entry-other": {
      const language = /^(.+)\.md$/i.exec(info.name)?.[1];
      if (language) {
        const suggestion =
          closestMatch(language, dataset.vocabularies.get("languages").terms.keys()) ?? findByLabel(dataset.vocabularies.get("languages"), language);
        at(
          file,
          `"${info.name}" is not a narrative file name${suggestion ? `; did you mean "${suggestion}.md"?` : "."}`,
          "Narratives are named by language code: en.md, fr.md, ar.md ...",
        );
      } else {
        at(file, `Unexpected file "${info.name}" in an entry folder.`, "An entry holds activity.json and one <lang>.md per language, nothing else.");
      }
      return;
    }
    case "narrative": {
      const languages = dataset.vocabularies.get("languages").terms;
      if (!languages.has(info.lang)) {
        const suggestion = closestMatch(info.lang, languages.keys());
        at(
          file,
          `"${info.lang}" is not a known language code${suggestion ? `; did you mean "${suggestion}.md"?` : "."}`,
          "The language codes are listed in schemas/vocab/languages.json.",
        );
      }
      return;
    }
    default:
      return;
  }
}
