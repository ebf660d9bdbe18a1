import type { Link } from "mdast";
import { visit } from "unist-util-visit";
import { fieldName } from "../load/positions.ts";
import { urlProblem } from "../rules/links.ts";
import { activityValues, profileValues, strings } from "../rules/values.ts";
import type { Dataset } from "../validate/dataset.ts";

/** One place where a web address is written: the file, the position of the address, and the field. */
export interface LinkUse {
  url: string;
  file: string;
  line: number;
  column: number;
  /** "links[0].url", "lead[1].url", "contact.url", or "text" for a link in a narrative. */
  field: string;
}

/**
 * Every web address in the files of a dataset: each JSON string that is an address (source
 * links, organisations' and contacts' pages, whatever the field) and each link in a narrative's
 * text, in file order. Addresses the validator rejects (http, spaces, credentials) are left to
 * it: checking them would only repeat its message.
 */
export function collectLinkUses(dataset: Dataset): LinkUse[] {
  const uses: LinkUse[] = [];
  for (const { file, value, positions } of [...profileValues(dataset), ...activityValues(dataset)]) {
    for (const { pointer, text } of strings(value)) {
      if (isCheckable(text)) uses.push({ url: text, file, ...positions.valueAt(pointer), field: fieldName(pointer) });
    }
  }
  for (const entry of dataset.entries) {
    for (const narrative of dataset.narratives(entry).values()) {
      const body = narrative.split.body;
      visit(narrative.tree, ["link", "definition", "image"], (node) => {
        const url = (node as Link).url;
        if (!isCheckable(url)) return;
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? body.length;
        // Point at the address itself, not at the "[" of the link text.
        const at = body.indexOf(url, start);
        uses.push({ url, file: narrative.file, ...narrative.bodyPosition(at >= 0 && at < end ? at : start), field: "text" });
      });
    }
  }
  return uses.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

function isCheckable(text: string): boolean {
  return /^https:\/\//i.test(text) && urlProblem(text) === undefined;
}
