import type { Link } from "mdast";
import { visit } from "unist-util-visit";
import { fieldName } from "../load/positions.ts";
import { printable } from "../printable.ts";
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
        const problem = urlProblem(text);
        if (problem)
          report({
            file,
            ...positions.valueAt(pointer),
            message: `${fieldName(pointer)}: ${problem.message}`,
            ...(problem.hint ? { hint: problem.hint } : {}),
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
            message: `links[${index}].url: the same address is already listed as links[${first}].`,
            hint: "Delete the repeated link.",
          });
      });
    }
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        visit(narrative.tree, ["link", "definition", "image"], (node) => {
          const url = (node as Link).url;
          if (url.startsWith("#") || url.toLowerCase().startsWith("mailto:")) return;
          const invisible = findInvisibleInId(url);
          // The unicode rule reads JSON values; an address in a narrative is checked here.
          const problem =
            urlProblem(url) ??
            (invisible
              ? { message: `the address contains an invisible ${invisible.name}.`, hint: "Copy the address again from the browser's address bar." }
              : undefined);
          if (problem) {
            report({
              file: narrative.file,
              ...narrative.bodyPosition(node.position?.start.offset ?? 0),
              message: `Link "${printable(url.slice(0, 80))}": ${problem.message}`,
              ...(problem.hint ? { hint: problem.hint } : {}),
            });
          }
        });
      }
    }
  },
};

/** Schemes that run code or carry a whole document in the reader's browser. */
const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "blob"]);

/** What is wrong with a web address, or undefined when it is a plain public https address. */
export function urlProblem(text: string): { message: string; hint?: string } | undefined {
  // The scheme as a browser reads it: the URL standard drops tabs and line breaks anywhere, and
  // controls and spaces at both ends, so "jav&#x09;ascript:" (a tab, once Markdown decodes it) runs.
  const asRead = text.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  const readScheme = /^([a-z][a-z0-9+.-]*):/i.exec(asRead)?.[1]?.toLowerCase();
  if (readScheme && DANGEROUS_SCHEMES.has(readScheme)) {
    return {
      message: `"${readScheme}:" addresses are not allowed; only https web pages.`,
      hint: "A browser would run or open what follows it, however it is written; link to the public https page that holds the content.",
    };
  }
  // Other invisible characters are the unicode rule's to report.
  if (findInvisibleInId(text)) return undefined;
  if (/\s/.test(text)) return { message: "a web address cannot contain spaces.", hint: "Copy the address again from the browser's address bar." };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return { message: `"${text}" is not a full web address.`, hint: "Start it with https://." };
  if (scheme === "http")
    return {
      message: "only https addresses are accepted, not http.",
      hint: "Change http:// to https://; if the site has no https version, link to another source for the same fact.",
    };
  if (scheme !== "https") return { message: `"${scheme}:" addresses are not allowed; only https web pages.` };
  if (text.length > MAX_URL_LENGTH) return { message: `the address is too long (${text.length} characters, at most ${MAX_URL_LENGTH}).` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { message: `"${text}" is not a valid web address.` };
  }
  if (url.username || url.password)
    return { message: "the address contains a user name or password.", hint: "Remove the part before @: links must be public pages." };
  if (!url.hostname.includes(".") || url.hostname.endsWith(".local") || /^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname.startsWith("[")) {
    return { message: `"${url.hostname}" is not a public web site.` };
  }
  if (!/^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]|$)/.test(text))
    return { message: `"${text}" is not a valid web address.`, hint: "Write the site name in plain letters (international names in their xn-- form)." };
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
