import { catalogText } from "../i18n/diagnostics.ts";
import { type MessageRef, renderMessage } from "../i18n/messages.ts";
import { bodyNodes } from "../load/narrative.ts";
import { fieldName } from "../load/positions.ts";
import { printable } from "../printable.ts";
import type { UnLanguage } from "../vocab.ts";
import { findInvisibleInId } from "./characters.ts";
import type { Rule } from "./rule.ts";
import { activityValues, profileValues, strings } from "./values.ts";

const MAX_URL_LENGTH = 2048;

/** Web addresses are public https pages, without credentials, listed once. */
export const links: Rule = {
  id: "links",
  description:
    "Every web address is https, has no user name or password, is not a javascript:, vbscript: or data: address however it is written (entities, tabs or line breaks inside), has no spaces, and is listed once in an entry's links.",
  check(dataset, report) {
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      for (const { pointer, key, text } of strings(value)) {
        if (key !== "url") continue;
        const problem = urlProblemRef(text);
        if (problem)
          report({
            file,
            ...positions.valueAt(pointer),
            ...catalogText({ key: "links.inField", values: { field: fieldName(pointer), problem: problem.message } }, problem.hint),
          });
      }
      const seen = new Map<string, number>();
      (Array.isArray(value.links) ? value.links : []).forEach((link: unknown, index: number) => {
        const url = (link as { url?: unknown } | null)?.url;
        if (typeof url !== "string") return;
        const normal = normaliseUrl(url);
        const first = seen.get(normal);
        if (first === undefined) seen.set(normal, index);
        else
          report({
            file,
            ...positions.valueAt(`/links/${index}/url`),
            ...catalogText({ key: "links.repeated", values: { field: `links[${index}].url`, first: `links[${first}]` } }, { key: "links.deleteRepeated" }),
          });
      });
    }
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        for (const node of bodyNodes(narrative)) {
          if (node.type !== "link" && node.type !== "definition" && node.type !== "image") continue;
          const url = node.url;
          if (url.startsWith("#") || url.toLowerCase().startsWith("mailto:")) continue;
          const invisible = findInvisibleInId(url);
          // The unicode rule reads JSON values; an address in a narrative is checked here.
          const problem =
            urlProblemRef(url) ??
            (invisible
              ? { message: { key: "links.invisible", values: { character: invisible.name } } as MessageRef, hint: { key: "links.copyAgain" } as MessageRef }
              : undefined);
          if (problem) {
            report({
              file: narrative.file,
              ...narrative.bodyPosition(node.position?.start.offset ?? 0),
              ...catalogText({ key: "links.inText", values: { url: printable(url.slice(0, 80)), problem: problem.message } }, problem.hint),
            });
          }
        }
      }
    }
  },
};

/** Schemes that run code or carry a whole document in the reader's browser. */
const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "blob"]);

/** What is wrong with a web address, in `lang`, or undefined when it is a plain public https address. */
export function urlProblem(text: string, lang: UnLanguage = "en"): { message: string; hint?: string } | undefined {
  const problem = urlProblemRef(text);
  if (!problem) return undefined;
  return { message: renderMessage(lang, problem.message), ...(problem.hint ? { hint: renderMessage(lang, problem.hint) } : {}) };
}

/** What is wrong with a web address, as catalog phrases for any language, or undefined when it is a plain public https address. */
export function urlProblemRef(text: string): { message: MessageRef; hint?: MessageRef } | undefined {
  // The scheme as a browser reads it: the URL standard drops tabs and line breaks anywhere, and
  // controls and spaces at both ends, so "jav&#x09;ascript:" (a tab, once Markdown decodes it) runs.
  const asRead = text.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  const readScheme = /^([a-z][a-z0-9+.-]*):/i.exec(asRead)?.[1]?.toLowerCase();
  if (readScheme && DANGEROUS_SCHEMES.has(readScheme))
    return { message: { key: "links.scheme", values: { scheme: `${readScheme}:` } }, hint: { key: "links.dangerousHint" } };
  // Other invisible characters are the unicode rule's to report.
  if (findInvisibleInId(text)) return undefined;
  if (/\s/.test(text)) return { message: { key: "links.spaces" }, hint: { key: "links.copyAgain" } };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return { message: { key: "links.notFull", values: { url: text } }, hint: { key: "links.startHttps" } };
  if (scheme === "http") return { message: { key: "links.http" }, hint: { key: "links.useHttps" } };
  if (scheme !== "https") return { message: { key: "links.scheme", values: { scheme: `${scheme}:` } } };
  if (text.length > MAX_URL_LENGTH) return { message: { key: "links.tooLong", values: { length: text.length, limit: MAX_URL_LENGTH } } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { message: { key: "links.invalid", values: { url: text } } };
  }
  if (url.username || url.password) return { message: { key: "links.credentials" }, hint: { key: "links.removeCredentials" } };
  if (!url.hostname.includes(".") || url.hostname.endsWith(".local") || /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname.startsWith("[")) {
    return { message: { key: "links.notPublic", values: { host: url.hostname } } };
  }
  if (!/^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]|$)/.test(text))
    return { message: { key: "links.invalid", values: { url: text } }, hint: { key: "links.plainLetters" } };
  return undefined;
}

/** The same page however it is written: lower-case host, no fragment, no trailing slash. */
export function normaliseUrl(text: string): string {
  try {
    const url = new URL(text);
    url.hash = "";
    return url.href.replace(/\/$/, "");
  } catch {
    return text;
  }
}
