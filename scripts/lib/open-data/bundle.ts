import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { parseDocument } from "yaml";
import { classifyPath } from "../load/paths.ts";
import type { SiteConfig } from "../model/config.ts";
import type { SiteData } from "../model/types.ts";
import { apiFiles } from "./api.ts";
import { API_SCHEMAS } from "./api-schemas.ts";
import { activitiesCsv } from "./csv.ts";
import { apiFileKind } from "./openapi.ts";
import { type ArchiveFile, tarGz } from "./tar.ts";

/** A release tag as the release workflow passes it: "v2026.1", "v1.2.3-rc.1". */
export const TAG_PATTERN = /^v[0-9][0-9A-Za-z.+-]{0,40}$/;

/** What changed between two releases, by permalink. */
export interface Changelog {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Reads `git diff --name-status` output (pure): an entry is added or removed with its activity.json, changed otherwise. */
export function changelogFromDiff(nameStatus: string): Changelog {
  const added = new Set<string>();
  const removed = new Set<string>();
  const touched = new Set<string>();
  for (const line of nameStatus.split("\n")) {
    const [status, path] = line.split("\t");
    if (!status || !path) continue;
    const info = classifyPath(path);
    if (!("entryDir" in info)) continue;
    const link = `${info.owner.id}/${info.slug}`;
    touched.add(link);
    if (info.role === "activity" && status.startsWith("A")) added.add(link);
    if (info.role === "activity" && status.startsWith("D")) removed.add(link);
  }
  const changed = [...touched].filter((link) => !added.has(link) && !removed.has(link));
  return { added: [...added].sort(), changed: changed.sort(), removed: [...removed].sort() };
}

/** The tag before `tag` and the diff since it, from git (undefined when there is no earlier tag or no git). */
export function readChangesSincePreviousTag(root: string, tag: string): { previous: string; diff: string } | undefined {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  try {
    const previous = git("describe", "--tags", "--abbrev=0", "--match", "v*", `${tag}^`).trim();
    if (!previous) return undefined;
    return { previous, diff: git("diff", "--name-status", "--no-renames", previous, tag, "--", "countries", "organizations") };
  } catch {
    return undefined;
  }
}

/** NOTES.md of a release: what the bundle holds and what changed since the previous tag. */
export function releaseNotes(tag: string, data: SiteData, changes: { previous: string; changelog: Changelog } | undefined, files: readonly string[]): string {
  const title = (link: string) => {
    const entry = data.byPermalink.get(link);
    const narrative = entry?.narratives.get("en") ?? entry?.narratives.get(entry.original);
    return narrative ? `${link}: ${narrative.title.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)}` : link;
  };
  const lines = [
    `COP Atlas open data ${tag}: ${data.entries.length} entries from ${data.owners.length} countries and organisations, under CC BY 4.0.`,
    "",
    "## Files",
    "",
    ...files.map((file) => `- \`${file}\``),
    "",
    "Check the downloads with `sha256sum -c SHA256SUMS`.",
    "",
  ];
  if (!changes) {
    lines.push("## Changes", "", "This is the first release: every entry is new.", "");
  } else {
    const section = (name: string, links: string[]) => [
      `### ${name} (${links.length})`,
      "",
      ...(links.length ? links.map((l) => `- ${title(l)}`) : ["None."]),
      "",
    ];
    lines.push(
      `## Changes since ${changes.previous}`,
      "",
      ...section("Added", changes.changelog.added),
      ...section("Changed", changes.changelog.changed),
      ...section("Removed", changes.changelog.removed),
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The repository's own documents that travel with the data: its licence and its citation file. */
export interface ReleaseDocuments {
  /** LICENSE-DATA.md. */
  licence: string;
  /** CITATION.cff, to which the release adds its version and date. */
  citation: string;
}

/** CITATION.cff for a release: the repository's, naming the version and the release date (YYYY-MM-DD). */
export function releaseCitation(citation: string, tag: string, date: Date): string {
  const document = parseDocument(citation);
  if (document.errors.length > 0) throw new Error(`release: CITATION.cff is not valid YAML: ${document.errors[0]!.message}`);
  document.set("version", tag);
  document.set("date-released", date.toISOString().slice(0, 10));
  return document.toString();
}

/** README.md of the data bundle: what it is, and each file it holds, exactly those, with what it contains. */
export function bundleReadme(tag: string, data: SiteData, paths: readonly string[], date: Date): string {
  const describe = (path: string) => {
    if (path === "README.md") return "This file.";
    if (path === "LICENSE-DATA.md") return "The licence of the data: CC BY 4.0.";
    if (path === "CITATION.cff") return "How to cite this release (Citation File Format).";
    return apiFileKind(`api/v1/${path}`)?.summary ?? "";
  };
  return `${[
    `# COP Atlas open data ${tag}`,
    "",
    `Released ${date.toISOString().slice(0, 10)}: ${data.entries.length} entries from ${data.owners.length} countries and organisations, under CC BY 4.0 (LICENSE-DATA.md).`,
    "The same files are published on the site under api/v1/, where api/v1/openapi.json describes each of them.",
    "",
    "## Files",
    "",
    ...paths.map((path) => `- \`${path}\`${describe(path) ? `: ${describe(path)}` : ""}`),
  ].join("\n")}\n`;
}

/** Every file of a release: the archive of the open data, the main files on their own, the checksums and the notes. Pure. */
export function releaseFiles(
  tag: string,
  data: SiteData,
  config: SiteConfig,
  changes: { previous: string; changelog: Changelog } | undefined,
  documents: ReleaseDocuments,
): Map<string, Uint8Array> {
  if (!TAG_PATTERN.test(tag)) throw new Error(`release: "${tag}" is not a version tag like v2026.1`);
  const encoder = new TextEncoder();
  const folder = `cop-atlas-data-${tag}`;
  const archived: ArchiveFile[] = [];
  for (const [path, value] of apiFiles(data, config))
    archived.push({ path: `${folder}/${path.replace(/^api\/v1\//, "")}`, content: encoder.encode(`${JSON.stringify(value, null, 1)}\n`) });
  for (const [name, schema] of Object.entries(API_SCHEMAS))
    archived.push({ path: `${folder}/schemas/api/${name}.schema.json`, content: encoder.encode(`${JSON.stringify(schema, null, 2)}\n`) });
  const csv = encoder.encode(activitiesCsv(data.entries, config));
  archived.push({ path: `${folder}/activities.csv`, content: csv });
  archived.push({ path: `${folder}/LICENSE-DATA.md`, content: encoder.encode(documents.licence) });
  archived.push({ path: `${folder}/CITATION.cff`, content: encoder.encode(releaseCitation(documents.citation, tag, config.now)) });
  const inside = [...archived.map((f) => f.path.slice(folder.length + 1)), "README.md"].sort();
  archived.push({ path: `${folder}/README.md`, content: encoder.encode(bundleReadme(tag, data, inside, config.now)) });
  archived.sort((a, b) => a.path.localeCompare(b.path));
  const files = new Map<string, Uint8Array>();
  files.set(`${folder}.tar.gz`, tarGz(archived, config.now));
  files.set(`cop-atlas-activities-${tag}.json`, archived.find((f) => f.path === `${folder}/activities.json`)!.content);
  files.set(`cop-atlas-activities-${tag}.csv`, csv);
  const names = [...files.keys()].sort();
  const sums = names.map((name) => `${createHash("sha256").update(files.get(name)!).digest("hex")}  ${name}`).join("\n");
  files.set("SHA256SUMS", encoder.encode(`${sums}\n`));
  files.set("NOTES.md", encoder.encode(releaseNotes(tag, data, changes, [...names, "SHA256SUMS"])));
  return files;
}
