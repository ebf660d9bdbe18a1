import { catalogText } from "../i18n/diagnostics.ts";
import type { MessageRef } from "../i18n/messages.ts";
import { bodyNodes, proseSpans } from "../load/narrative.ts";
import { isObject } from "../validate/dataset.ts";
import type { Rule } from "./rule.ts";
import { activityValues, profileValues } from "./values.ts";

/** The longest local part (before @) and domain an address may have (RFC 5321): the scan never looks further. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const LOCAL_CHARACTER = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHARACTER = /[A-Za-z0-9.-]/;

/**
 * The e-mail addresses in a text, found from each "@" outwards, each side read at most as far as
 * an address may reach. A pattern such as /[\w.]+@.../g retries from every character of a long
 * run of letters without "@" and takes minutes on a long paragraph; this is one pass.
 */
export function findEmails(text: string): Array<{ index: number; address: string }> {
  const found: Array<{ index: number; address: string }> = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHARACTER.test(text[start - 1] ?? "")) start--;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHARACTER.test(text[end] ?? "")) end++;
    const domain = text.slice(at + 1, end).replace(/[.-]+$/, "");
    if (start === at || !/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(domain)) continue;
    found.push({ index: start, address: `${text.slice(start, at)}@${domain}` });
  }
  return found;
}
/** An international number (+ or 00 prefix) or a long grouped local number; short helpline numbers pass. */
const PHONE = /(?:\+|\b00)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}\b|\b\d{3}[ .-]\d{3}[ .-]\d{3,4}\b/g;
/** firstname.lastname@ looks like a person's mailbox, not an organisation's. */
const PERSONAL_MAILBOX = /^[a-z]{2,}[._][a-z]{2,}@/i;

/** Only an organisation's public channel belongs in an entry; no personal contact details in prose. */
export const privacy: Rule = {
  id: "privacy",
  description:
    "E-mail addresses and phone numbers in prose are flagged: personal contact details do not belong in a public entry, and an organisation's public channel goes in contact.",
  check(dataset, report) {
    const hint: MessageRef = { key: "privacy.hint" };
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        for (const span of proseSpans(narrative)) {
          for (const { index, address } of findEmails(span.text)) {
            report({
              file: narrative.file,
              ...span.position(index),
              severity: "warning",
              ...catalogText({ key: "privacy.email", values: { address } }, hint),
            });
          }
          for (const match of span.text.matchAll(PHONE)) {
            if (!isDateLike(match[0]))
              report({
                file: narrative.file,
                ...span.position(match.index ?? 0),
                severity: "warning",
                ...catalogText({ key: "privacy.phone", values: { number: match[0].trim() } }, hint),
              });
          }
        }
        for (const node of bodyNodes(narrative)) {
          if (node.type !== "link") continue;
          const address = node.url.slice(7);
          const shown = node.children.map((child) => ("value" in child ? child.value : "")).join("");
          // An address written out in the text is already reported as prose.
          if (node.url.toLowerCase().startsWith("mailto:") && !shown.includes(address)) {
            report({
              file: narrative.file,
              ...narrative.bodyPosition(node.position?.start.offset ?? 0),
              severity: "warning",
              ...catalogText({ key: "privacy.emailLink", values: { address: node.url.slice(7) } }, hint),
            });
          }
        }
      }
    }
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      const email = isObject(value.contact) ? value.contact.email : undefined;
      if (typeof email === "string" && PERSONAL_MAILBOX.test(email)) {
        report({
          file,
          ...positions.valueAt("/contact/email"),
          severity: "warning",
          ...catalogText({ key: "privacy.personalMailbox", values: { address: email } }, { key: "privacy.personalMailboxHint" }),
        });
      }
    }
  },
};

function isDateLike(text: string): boolean {
  return /^\s*(1[89]|20)\d{2}[ .-]\d{2}[ .-]\d{2}\s*$/.test(text);
}
