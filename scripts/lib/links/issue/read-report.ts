import { Ajv2020 } from "ajv/dist/2020.js";
import { LINK_RULES } from "../findings.ts";
import type { LinkJsonReport } from "../report.ts";

/** Larger than any real report (tens of thousands of findings), small enough to read safely. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

const COUNT = { type: "integer", minimum: 0, maximum: 10_000_000 } as const;
const POSITION = { type: "integer", minimum: 1, maximum: 10_000_000 } as const;
const FILE = { type: "string", minLength: 1, maxLength: 300 } as const;
const TEXT = { type: "string", maxLength: 4000 } as const;
const URL = { type: "string", minLength: 8, maxLength: 4096, pattern: "^https?://" } as const;
const RULE_ID = { enum: LINK_RULES.map((rule) => rule.id) } as const;
const SEVERITY = { enum: ["error", "warning"] } as const;

/**
 * The JSON of `npm run links -- --json-out`, as the workflow's issue job reads it from the
 * checking job's artifact: every field typed and bounded, nothing else allowed. The addresses in
 * it come partly from other people's servers (redirect targets), so the issue escapes them too.
 */
const reportSchema = {
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "summary", "diagnostics", "links", "findings"],
  properties: {
    schemaVersion: { const: 1 },
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["files", "entries", "errors", "warnings"],
      properties: { files: COUNT, entries: COUNT, errors: COUNT, warnings: COUNT },
    },
    diagnostics: {
      type: "array",
      maxItems: 200_000,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["ruleId", "severity", "file", "line", "column", "message"],
        properties: { ruleId: RULE_ID, severity: SEVERITY, file: FILE, line: POSITION, column: POSITION, message: TEXT, hint: TEXT },
      },
    },
    links: {
      type: "object",
      additionalProperties: false,
      required: ["links", "sites", "ok", "redirected", "slow", "broken", "unreachable", "unchecked"],
      properties: { links: COUNT, sites: COUNT, ok: COUNT, redirected: COUNT, slow: COUNT, broken: COUNT, unreachable: COUNT, unchecked: COUNT },
    },
    findings: {
      type: "array",
      maxItems: 100_000,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["url", "ruleId", "severity", "message", "chain", "uses"],
        properties: {
          url: URL,
          ruleId: RULE_ID,
          severity: SEVERITY,
          message: TEXT,
          hint: TEXT,
          redirect: { enum: ["permanent", "temporary"] },
          newUrl: URL,
          chain: {
            type: "array",
            maxItems: 64,
            items: {
              type: "object",
              additionalProperties: false,
              required: ["url", "method", "status"],
              properties: { url: URL, method: { enum: ["HEAD", "GET"] }, status: { type: "integer", minimum: 100, maximum: 999 } },
            },
          },
          uses: {
            type: "array",
            maxItems: 10_000,
            items: {
              type: "object",
              additionalProperties: false,
              required: ["file", "line", "column", "field"],
              properties: { file: FILE, line: POSITION, column: POSITION, field: { type: "string", maxLength: 300 } },
            },
          },
        },
      },
    },
  },
} as const;

// strict: a typo in the schema is an error; no coercion or defaults: the report must already be right.
const validate = new Ajv2020({ strict: true, allErrors: false, coerceTypes: false, useDefaults: false }).compile(reportSchema);

/** Parses and checks a link report; throws with one readable line when it is not one. */
export function readLinkReport(text: string): LinkJsonReport {
  if (Buffer.byteLength(text) > MAX_REPORT_BYTES) throw new Error(`the link report is larger than ${MAX_REPORT_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the link report is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new Error(`the link report does not have the expected shape: ${first?.instancePath || "(top)"} ${first?.message ?? ""}`.trim());
  }
  return value as unknown as LinkJsonReport;
}
