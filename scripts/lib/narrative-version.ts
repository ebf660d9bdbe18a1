import { createHash } from "node:crypto";

/**
 * The version fingerprint of a narrative: what a translation's `translation.version` names.
 * It covers what a reader sees (title, summary, body) and nothing else, so reformatting
 * the frontmatter or adding an official title does not make translations look out of date.
 */
export function narrativeVersion(title: string, summary: string, body: string): string {
  const text = [title, summary, body.replace(/\r\n?/g, "\n").trim()].map((part) => part.normalize("NFC")).join("\n");
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}
