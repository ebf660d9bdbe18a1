import { classifyPath } from "../load/paths.ts";
import { formatJsonText } from "./json.ts";
import { formatNarrativeText } from "./narrative.ts";
import type { FormatOutcome } from "./outcome.ts";
import type { FormatKind, FormatSchemas } from "./schema-shapes.ts";

/** Which kind of file a repository path is for formatting, or undefined when formatting leaves it alone. */
export function formatKindOf(path: string): FormatKind | undefined {
  const info = classifyPath(path);
  if (info.role === "activity") return "activity";
  if (info.role === "narrative") return "narrative";
  if (info.role === "profile") return info.owner.type;
  return undefined;
}

/** Formats the text of one repository file according to its path; a path formatting does not know is returned unchanged. */
export function formatFileText(path: string, text: string, schemas: FormatSchemas): FormatOutcome {
  const kind = formatKindOf(path);
  if (kind === undefined) return { text };
  if (kind === "narrative") return formatNarrativeText(text, schemas, path);
  return formatJsonText(text, kind, schemas, path);
}
