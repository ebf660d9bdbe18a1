import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { generateForms, NEW_ACTIVITY_FORM } from "../../scripts/lib/forms/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { PROJECT_ROOT } from "../support/repo.ts";

const require = createRequire(import.meta.url);

interface Element {
  type: string;
  id?: string;
  attributes: { label?: string; options?: Array<string | { label: string }> };
}

/** The new-activity form as generated from the project's schemas. */
export function activityTemplate(): string {
  return generateForms(loadCatalog(PROJECT_ROOT)).get(NEW_ACTIVITY_FORM) ?? "";
}

/**
 * An issue body exactly as GitHub writes it for a submitted form: a ### heading per question,
 * then the answer, "_No response_" or "None" when empty, and - [X] / - [ ] lines for checkboxes.
 * Answers are option ids for choices (turned into the option text), text otherwise. The form is
 * the new-activity form unless another template is given.
 */
export function formBody(answers: Record<string, string | string[] | undefined>, template = activityTemplate()): string {
  const form = parse(template) as { body: Element[] };
  const parts: string[] = [];
  for (const element of form.body) {
    if (element.type === "markdown" || !element.id) continue;
    const answer = answers[element.id];
    const options = (element.attributes.options ?? []).map((option) => (typeof option === "string" ? option : option.label));
    const byId = (id: string) => options.find((option) => option.endsWith(`(${id})`)) ?? id;
    let value: string;
    if (element.type === "checkboxes") {
      const chosen = new Set((Array.isArray(answer) ? answer : answer ? [answer] : []).map(byId));
      value = options.map((option) => `- [${chosen.has(option) ? "X" : " "}] ${option}`).join("\n");
    } else if (element.type === "dropdown") {
      value = answer === undefined ? "None" : (Array.isArray(answer) ? answer : [answer]).map(byId).join(", ");
    } else {
      value = answer === undefined || answer === "" ? "_No response_" : String(answer);
    }
    parts.push(`### ${element.attributes.label}\n\n${value}`);
  }
  return parts.join("\n\n");
}

/** A complete, valid set of answers. */
export function validAnswers(): Record<string, string | string[] | undefined> {
  return {
    country: "KEN",
    language: "en",
    title: "National Child Online Protection Guidelines",
    summary: "Guidelines adopted by the regulator to protect children online, for parents, schools and industry.",
    body: "## Context\n\nKenya's regulator published guidelines.\n\n## What was done\n\n- Guidance for industry\n- Guidance for parents",
    kind: "activity",
    type: "regulation-guidance",
    level: "national",
    status: "active",
    start: "2021-03",
    lead: "Communications Authority of Kenya | CA | https://www.ca.go.ke",
    audiences: ["children", "parents-carers-educators"],
    topics: ["cyberbullying"],
    links: "official https://www.ca.go.ke/child-online-protection\nnews: https://www.example-news.co.ke/cop-guidelines | Launch article",
    confirmations: [
      "The sources are public web pages that anyone can open.",
      "This form holds no personal data: no private person's name, e-mail, phone number or photo, and nothing that identifies a child.",
    ],
  };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let webhookAjv: Ajv | undefined;

/** Validates an event against @octokit/openapi-webhooks (issues-opened, issues-edited ...). */
export function webhookProblems(name: "issues-opened" | "issues-edited", event: unknown): string[] {
  if (!webhookAjv) {
    webhookAjv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
    addFormats(webhookAjv);
    webhookAjv.addSchema(require("@octokit/openapi-webhooks/generated/api.github.com.json"), "wh");
  }
  const validate = webhookAjv.compile({ $ref: `wh#/components/schemas/webhook-${name}` });
  return validate(event) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** An issues event built from @octokit/webhooks-examples, pointed at the fake repository, issue and sender. */
export function issuesEvent(
  action: "opened" | "edited",
  issue: { number: number; body: string; user: { id: number; login: string }; labels: string[] },
  options: {
    /** Who caused the event (the issue's author unless said otherwise). */
    sender?: { id: number; login: string };
    /** For `edited`: what changed (the body unless said otherwise). */
    changes?: Record<string, unknown>;
    /** The repository, "owner/name" (cop-atlas/cop-atlas unless said otherwise). */
    repository?: string;
  } = {},
): Record<string, unknown> {
  const sender = options.sender ?? issue.user;
  const [owner = "cop-atlas", name = "cop-atlas"] = (options.repository ?? "cop-atlas/cop-atlas").split("/");
  const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{ name: string; examples: Array<Record<string, unknown>> }>;
  const example = structuredClone(examples.find((group) => group.name === "issues")?.examples.find((candidate) => candidate.action === action));
  if (!example) throw new Error(`no issues.${action} example`);
  const exampleIssue = example.issue as Record<string, unknown>;
  // The edited examples predate two fields the current schema requires: adapted from the opened example.
  const opened = examples.find((group) => group.name === "issues")?.examples.find((candidate) => candidate.action === "opened")?.issue as Record<
    string,
    unknown
  >;
  exampleIssue.active_lock_reason ??= null;
  exampleIssue.reactions ??= structuredClone(opened.reactions);
  exampleIssue.number = issue.number;
  exampleIssue.body = issue.body;
  exampleIssue.user = { ...(exampleIssue.user as object), id: issue.user.id, login: issue.user.login };
  exampleIssue.labels = issue.labels.map((name, index) => ({
    id: index + 1,
    node_id: `L${index}`,
    url: `https://api.github.com/repos/${owner}/${name}/labels/x`,
    name,
    color: "ededed",
    default: false,
    description: null,
  }));
  const repository = example.repository as Record<string, unknown>;
  repository.name = name;
  repository.full_name = `${owner}/${name}`;
  repository.default_branch = "main";
  repository.owner = { ...(repository.owner as object), login: owner };
  // Who caused the event: for an edit, whoever saved it (the issue's author or anyone with triage or write access).
  example.sender = { ...(example.sender as object), id: sender.id, login: sender.login };
  if (action === "edited") example.changes = options.changes ?? { body: { from: "" } };
  return example;
}
