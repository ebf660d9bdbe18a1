import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../support/repo.ts";

/** Where the cases live: one JSON file per case, its expected outcome written in it beside its input. */
export const CORPUS_DIR = join(PROJECT_ROOT, "test/fixtures/hostile");

/**
 * The content of a file in a case: text as written (JSON escapes carry any character, lone
 * surrogates included), bytes in base64, text encoded as UTF-16, or a concatenation of repeated
 * parts generated at run time (large inputs are never committed).
 */
export type TextContent = string | { base64: string } | { utf16le: string; bom?: boolean } | { repeat: Array<[text: string, times: number]> };
export type Content =
  | TextContent
  /** The baseline file of the same path with each `from` replaced once (it must be there). */
  | { replace: Array<[from: string, to: string | { repeat: Array<[text: string, times: number]> }]> };

/** Something a case does to the repository's file system beyond writing files. */
export type SetupStep =
  /** A symbolic link; a target starting with "outside:" points into the folder beside the repository. */
  | { op: "symlink"; path: string; target: string }
  | { op: "fifo"; path: string }
  /** A file or folder nobody may read (chmod 000). */
  | { op: "unreadable"; path: string }
  /** `count` empty folders under `under`. */
  | { op: "folders"; under: string; count: number }
  /** `count` copies of an entry folder next to it (<slug>-copy-<n>). */
  | { op: "copies"; entry: string; count: number }
  | { op: "remove"; path: string };

/** What a validation must end with: the exit code the command would give, and the diagnostics that must (and must not) be there. */
export interface ValidateExpectation {
  exit: 0 | 1 | 2;
  /** Each must match one diagnostic: the rule id, and the file and a part of the message when given. */
  diagnostics?: Array<{ ruleId: string; file?: string; message?: string; severity?: "error" | "warning" }>;
  /** Rule ids that must not report anything. */
  absent?: string[];
  /** At most this many diagnostics (output that grows with the square of the input is a failure). */
  maxDiagnostics?: number;
  /** For exit 2: a part of the one error line, which must be a documented tool failure. */
  toolFailure?: string;
}

/** What the site's writers must produce from data that validates: every hostile value inert in HTML, CSV and XML. */
export interface SiteExpectation {
  /** Texts that must appear escaped in the entry pages, the feeds and the API (and never raw). */
  inert: string[];
  /** The CSV column and the exact value a strict parser must read back in the entry's row. */
  csv?: Record<string, string>;
}

/** What the submission bot must do with an issue: its outcome, and the form questions its reply names. */
export interface SubmissionExpectation {
  outcome: "problems" | "ready" | "ignored" | "exists" | "rate-limited";
  /** Form questions the reply must name, and parts of its text. */
  fields?: string[];
  says?: string[];
  /** Texts from the issue that must not appear raw in any comment, pull request, commit or path the bot writes. */
  inert?: string[];
}

/** What the review bot's artifact consumer must decide. */
export interface ArtifactExpectation {
  ok: boolean;
  /** A part of the refusal reason. */
  reason?: string;
  /** Texts from the artifact that must not appear raw in the comment. */
  inert?: string[];
}

interface CaseBase {
  /** "json/nesting-100000": the family folder and the file name. */
  id: string;
  family: string;
  /** What the case is, in one line. */
  title: string;
  /** The repository the case starts from: the baseline entry (default) or schemas only. */
  base?: "baseline" | "empty";
  /** Files written into the repository (or, for "outside", into a folder beside it). */
  files?: Record<string, Content>;
  outside?: Record<string, Content>;
  setup?: SetupStep[];
  /** Generated inputs get a fresh worker, so that their time and memory are their own. */
  large?: boolean;
}

/** One hostile case and how it is run. */
export type HostileCase =
  | (CaseBase & { run: "validate"; args?: string[]; expect: ValidateExpectation })
  | (CaseBase & { run: "cli"; args: string[]; signal?: "SIGINT" | "SIGTERM"; expect: ValidateExpectation })
  | (CaseBase & { run: "git"; scenario: string; expect: ValidateExpectation })
  | (CaseBase & { run: "format"; expect: { exit: 0 | 1; unchanged?: boolean } })
  | (CaseBase & { run: "site"; entry: string; expect: SiteExpectation })
  | (CaseBase & {
      run: "submission";
      issue: { title?: string; body?: TextContent; answers?: Record<string, TextContent | string[]> };
      expect: SubmissionExpectation;
    })
  | (CaseBase & { run: "artifact"; artifact: Record<string, Content | { symlink: string } | { folder: true }>; expect: ArtifactExpectation });

/** Every case of the corpus, sorted by id. */
export function loadCases(dir = CORPUS_DIR): HostileCase[] {
  const cases: HostileCase[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith(".json")) {
        const id = relative(dir, path).replace(/\.json$/, "");
        const value = JSON.parse(readFileSync(path, "utf8")) as Omit<HostileCase, "id" | "family">;
        cases.push({ ...value, id, family: id.split("/")[0] ?? "" } as HostileCase);
      }
    }
  };
  walk(dir);
  return cases;
}

/** The bytes of a content value; `existing` is the file's current text, for `replace`. */
export function materialise(content: Content, existing?: string): Buffer {
  if (typeof content === "string") return Buffer.from(content, "utf8");
  if ("replace" in content) {
    let text = existing ?? "";
    for (const [from, to] of content.replace) {
      if (!text.includes(from)) throw new Error(`the case replaces ${JSON.stringify(from)}, which the file does not hold`);
      text = text.replace(from, () => materialiseText(to));
    }
    return Buffer.from(text, "utf8");
  }
  if ("base64" in content) return Buffer.from(content.base64, "base64");
  if ("utf16le" in content)
    return Buffer.concat([content.bom === false ? Buffer.alloc(0) : Buffer.from([0xff, 0xfe]), Buffer.from(content.utf16le, "utf16le")]);
  return Buffer.from(content.repeat.map(([text, times]) => text.repeat(times)).join(""), "utf8");
}

/** The text of a content value (for form answers and issue bodies). */
export function materialiseText(content: TextContent): string {
  if (typeof content === "string") return content;
  if ("repeat" in content) return content.repeat.map(([text, times]) => text.repeat(times)).join("");
  return materialise(content).toString("utf8");
}
