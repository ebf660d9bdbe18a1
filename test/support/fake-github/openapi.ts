/**
 * GitHub's REST description (@octokit/openapi, api.github.com) for the fake: finds the operation
 * a request is for and validates its parameters and body, and the fake's own responses, against
 * it. The 13 MB document is loaded once per process, on first use; validators are compiled per
 * operation on first use and cached.
 */
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: Json;
}

/** One operation of the description, with what is needed to check a request against it. */
export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. "/repos/{owner}/{repo}/pulls/{pull_number}". */
  template: string;
  parameters: Parameter[];
  hasBody: boolean;
  bodyRequired: boolean;
  responseStatuses: string[];
}

interface Spec {
  paths: Record<string, Record<string, Json>>;
  components: { parameters: Record<string, Parameter>; responses: Record<string, Json>; examples: Record<string, { value: unknown }> };
}

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let spec: Spec | null = null;
let ajv: Ajv | null = null;
let index: { method: string; template: string; pattern: RegExp; literals: number; names: string[] }[] | null = null;
const validators = new Map<string, ValidateFunction>();
const paramValidators = new Map<string, ValidateFunction>();

function load(): { spec: Spec; ajv: Ajv } {
  if (!spec || !ajv) {
    spec = require("@octokit/openapi/generated/api.github.com.json") as Spec;
    // OpenAPI 3.0 schemas: `nullable`, `example` and GitHub's x- keywords are not JSON Schema,
    // hence strict off; formats are checked (date-time, uri, email…), unknown ones ignored.
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, validateFormats: true });
    addFormats(ajv);
    fixNullables(spec);
    ajv.addSchema(spec as unknown as Json, "gh");
  }
  return { spec, ajv };
}

/**
 * OpenAPI 3.0's `nullable: true` means "or null". Ajv reads it only beside a `type`, and does
 * not extend an `enum` with null; GitHub's description has both cases (an issue's `title` and
 * `milestone` are bare `oneOf`s, its `state_reason` an enum, a commit's `author` a nullable
 * `oneOf`). Both are rewritten to say so, in place: copying the 13 MB description would cost
 * seconds per test process.
 */
function fixNullables(value: unknown): void {
  if (!value || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) fixNullables(item);
    return;
  }
  const object = value as Json;
  for (const key in object) fixNullables(object[key]);
  if (object.nullable === true && Array.isArray(object.enum) && !object.enum.includes(null)) object.enum = [...object.enum, null];
  if (!("nullable" in object) || "type" in object) return;
  const { nullable, description, ...rest } = object;
  for (const key of Object.keys(object)) if (key !== "description") delete object[key];
  if (nullable === true) object.anyOf = [rest, { type: "null" }];
  else Object.assign(object, rest);
}

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

/** The version of the description in use, for messages. */
export function specVersion(): string {
  const info = (load().spec as unknown as { info: { version: string } }).info;
  return info.version;
}

/**
 * Finds the operation for a method and a raw (still percent-encoded) path. When several
 * templates match, the one with the most literal segments wins, as on GitHub.
 */
export function findOperation(method: string, rawPath: string): { operation: Operation; pathParams: Record<string, string> } | null {
  const { spec } = load();
  if (!index) {
    index = [];
    for (const [template, item] of Object.entries(spec.paths)) {
      const segments = template.split("/");
      const names: string[] = [];
      const source = segments
        .map((segment) => {
          const param = /^\{([^}]+)\}$/.exec(segment);
          if (param) {
            names.push(param[1] as string);
            return "([^/]+)";
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("/");
      for (const m of Object.keys(item)) {
        if (["get", "post", "put", "patch", "delete"].includes(m)) {
          index.push({ method: m, template, pattern: new RegExp(`^${source}$`), literals: segments.length - names.length, names });
        }
      }
    }
  }
  const candidates = index.filter((entry) => entry.method === method.toLowerCase() && entry.pattern.test(rawPath)).sort((a, b) => b.literals - a.literals);
  const best = candidates[0];
  if (!best) return null;
  const values = best.pattern.exec(rawPath)?.slice(1) ?? [];
  const pathParams: Record<string, string> = {};
  best.names.forEach((name, i) => {
    pathParams[name] = decodeURIComponent(values[i] ?? "");
  });
  const op = spec.paths[best.template]?.[best.method] as Json;
  const parameters = ((op.parameters as Json[] | undefined) ?? []).map((p) =>
    typeof p.$ref === "string" ? (spec.components.parameters[p.$ref.split("/").pop() as string] as Parameter) : (p as unknown as Parameter),
  );
  const body = op.requestBody as Json | undefined;
  return {
    operation: {
      operationId: op.operationId as string,
      method: best.method,
      template: best.template,
      parameters,
      hasBody: body !== undefined,
      bodyRequired: body?.required === true,
      responseStatuses: Object.keys(op.responses as Json),
    },
    pathParams,
  };
}

function compile(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = load().ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || "(root)"} ${e.message ?? ""}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`,
    )
    .join("; ");
}

/** A parameter value from a URL is text: turn it into the type its schema wants before checking. */
function coerce(value: string, schema: Json): unknown {
  const type = schema.type;
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

/**
 * Checks a request against its operation: path parameters, query parameters (unknown ones are
 * refused, as are missing required ones), and the JSON body. Returns the problems found.
 */
export function checkRequest(found: { operation: Operation; pathParams: Record<string, string> }, query: URLSearchParams, body: unknown): string[] {
  const { ajv } = load();
  const problems: string[] = [];
  const { operation, pathParams } = found;
  const where = `${operation.method.toUpperCase()} ${operation.template}`;
  const check = (param: Parameter, raw: string) => {
    const value = coerce(raw, param.schema);
    const key = JSON.stringify(param.schema);
    let validate = paramValidators.get(key);
    if (!validate) {
      validate = ajv.compile(param.schema);
      paramValidators.set(key, validate);
    }
    if (!validate(value)) problems.push(`${where}: ${param.in} parameter ${param.name}=${JSON.stringify(raw)} ${errorsOf(validate)}`);
  };
  for (const param of operation.parameters.filter((p) => p.in === "path")) {
    const raw = pathParams[param.name];
    if (raw === undefined || raw === "") problems.push(`${where}: missing path parameter ${param.name}`);
    else check(param, raw);
  }
  const declared = new Map(operation.parameters.filter((p) => p.in === "query").map((p) => [p.name, p]));
  for (const [name, raw] of query) {
    const param = declared.get(name);
    if (!param) problems.push(`${where}: unknown query parameter ${name}`);
    else check(param, raw);
  }
  for (const param of declared.values()) {
    if (param.required && !query.has(param.name)) problems.push(`${where}: missing query parameter ${param.name}`);
  }
  if (body !== undefined && !operation.hasBody) problems.push(`${where}: takes no body`);
  if (body === undefined && operation.bodyRequired) problems.push(`${where}: needs a body`);
  if (body !== undefined && operation.hasBody) {
    const validate = compile(`gh#/${pointer("paths", operation.template, operation.method, "requestBody", "content", "application/json", "schema")}`);
    if (!validate(body)) problems.push(`${where}: body ${errorsOf(validate)}`);
  }
  return problems;
}

function responseObject(operation: Operation, status: number): { ref: string; json: Json } | null {
  const { spec } = load();
  const op = spec.paths[operation.template]?.[operation.method] as Json;
  const response = (op.responses as Record<string, Json>)[String(status)];
  if (!response) return null;
  if (typeof response.$ref === "string") {
    const name = response.$ref.split("/").pop() as string;
    return { ref: `gh#/${pointer("components", "responses", name)}`, json: spec.components.responses[name] as Json };
  }
  return { ref: `gh#/${pointer("paths", operation.template, operation.method, "responses", String(status))}`, json: response };
}

/** Checks a response the fake is about to send: its status must be documented, and its body must match. */
export function checkResponse(operation: Operation, status: number, body: unknown): string[] {
  const where = `${operation.method.toUpperCase()} ${operation.template} → ${status}`;
  const response = responseObject(operation, status);
  if (!response) return [`${where}: status not in the description`];
  const content = (response.json.content as Record<string, unknown> | undefined)?.["application/json"];
  if (!content) return body === undefined ? [] : [`${where}: the description has no JSON body for it`];
  const validate = compile(`${response.ref}/${pointer("content", "application/json", "schema")}`);
  return validate(body) ? [] : [`${where}: response ${errorsOf(validate)}`];
}

/**
 * A documented example response of an operation, deep-copied, to build spec-shaped responses
 * from. `name` picks one of several examples; the first one otherwise.
 */
export function exampleResponse(method: string, template: string, status: number, name?: string): unknown {
  const { spec } = load();
  const op = spec.paths[template]?.[method.toLowerCase()] as Json | undefined;
  if (!op) throw new Error(`No operation ${method} ${template} in the description`);
  const found = responseObject({ template, method: method.toLowerCase() } as Operation, status);
  const content = (found?.json.content as Record<string, Json> | undefined)?.["application/json"];
  const examples = content?.examples as Record<string, { value?: unknown; $ref?: string }> | undefined;
  if (!examples) throw new Error(`No example for ${method} ${template} → ${status}`);
  const example = (name ? examples[name] : Object.values(examples)[0]) as { value?: unknown; $ref?: string };
  const value = example.$ref ? spec.components.examples[example.$ref.split("/").pop() as string]?.value : example.value;
  return structuredClone(value);
}

/**
 * Compiles, now, the validators of these operations (request body and documented 2xx responses),
 * so that tests do not pay for it inside their own time limit.
 */
export function precompile(operationIds: readonly string[]): void {
  const { spec } = load();
  const wanted = new Set(operationIds);
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!wanted.has((op as Json).operationId as string)) continue;
      if ((op as Json).requestBody) compile(`gh#/${pointer("paths", template, method, "requestBody", "content", "application/json", "schema")}`);
      for (const status of Object.keys((op as Json).responses as Json)) {
        if (!/^2\d\d$/.test(status)) continue;
        const response = responseObject({ template, method } as Operation, Number(status));
        const content = (response?.json.content as Record<string, unknown> | undefined)?.["application/json"];
        if (response && content) compile(`${response.ref}/${pointer("content", "application/json", "schema")}`);
      }
    }
  }
}
