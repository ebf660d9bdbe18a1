import type { Link } from "mdast";
import { visit } from "unist-util-visit";
import { proseSpans } from "../load/narrative.ts";
import { isObject } from "../validate/dataset.ts";
import type { Rule } from "./rule.ts";
import { activityValues, profileValues } from "./values.ts";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
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
    const hint =
      "Entries are public. Remove personal contact details; put an organisation's public channel (a generic mailbox, a helpline, a web form) in contact in activity.json.";
    for (const entry of dataset.entries) {
      for (const narrative of dataset.narratives(entry).values()) {
        for (const span of proseSpans(narrative)) {
          for (const match of span.text.matchAll(EMAIL)) {
            report({
              file: narrative.file,
              ...span.position(match.index ?? 0),
              severity: "warning",
              message: `An e-mail address in the text (${match[0]}).`,
              hint,
            });
          }
          for (const match of span.text.matchAll(PHONE)) {
            if (!isDateLike(match[0]))
              report({
                file: narrative.file,
                ...span.position(match.index ?? 0),
                severity: "warning",
                message: `A phone number in the text (${match[0].trim()}).`,
                hint,
              });
          }
        }
        visit(narrative.tree, "link", (node: Link) => {
          const address = node.url.slice(7);
          const shown = node.children.map((child) => ("value" in child ? child.value : "")).join("");
          // An address written out in the text is already reported as prose.
          if (node.url.toLowerCase().startsWith("mailto:") && !shown.includes(address)) {
            report({
              file: narrative.file,
              ...narrative.bodyPosition(node.position?.start.offset ?? 0),
              severity: "warning",
              message: `An e-mail link in the text (${node.url.slice(7)}).`,
              hint,
            });
          }
        });
      }
    }
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      const email = isObject(value.contact) ? value.contact.email : undefined;
      if (typeof email === "string" && PERSONAL_MAILBOX.test(email)) {
        report({
          file,
          ...positions.valueAt("/contact/email"),
          severity: "warning",
          message: `contact.email (${email}) looks like a person's address.`,
          hint: "Use the organisation's generic public mailbox (such as info@ or cop@), not a staff member's.",
        });
      }
    }
  },
};

function isDateLike(text: string): boolean {
  return /^\s*(1[89]|20)\d{2}[ .-]\d{2}[ .-]\d{2}\s*$/.test(text);
}
