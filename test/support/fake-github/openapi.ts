/**
 * GitHub's REST description (@octokit/openapi, api.github.com) for the fake: finds the operation
 * a request is for and validates its parameters and body, and the fake's own responses, against
 * it.
 *
 * The 13 MB document costs about three seconds of CPU to load and to compile the validators of
 * the fake's routes, and about ten test files use the fake, each in its own process. So the first
 * process to need it writes what the fake uses to a cache file (`.cache/test/`, ignored by git):
 * every operation's path, parameters and documented responses, the routes' examples, and ajv's
 * standalone code for the request and response validators of the routes in routes.ts. The file's
 * name is a digest of the package versions, of this file and of the routes, so a new description
 * or a change here is never read from an old cache. Anything the cache does not hold (a request
 * to a route the fake does not serve) is compiled from the whole description, loaded on first use.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import { writeFileAtomically } from "../../../scripts/lib/atomic-write.ts";
import { routes } from "./routes.ts";

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

/** A documented response: the reference of its JSON schema (none without a JSON body) and its examples by name. */
interface DescribedResponse {
  schemaRef: string | null;
  examples: Record<string, unknown> | null;
}

/** An operation as the cache holds it. */
interface DescribedOperation extends Operation {
  bodyRef: string;
  responses: Record<string, DescribedResponse>;
}

/** What the fake needs of the description; the cache file holds it beside the compiled validators. */
interface Description {
  version: string;
  operations: DescribedOperation[];
}

interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, Json>>;
  components: { parameters: Record<string, Parameter>; responses: Record<string, Json>; examples: Record<string, { value: unknown }> };
}

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// A CommonJS module whose function is its `module.exports`; TypeScript sees only its `default`.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;
/** Where the fake keeps what it uses of the description: the test harness's own cache, not the tools' output. */
export const FAKE_GITHUB_CACHE = join(dirname(fileURLToPath(import.meta.url)), "../../../.cache/test");
const cacheFolder = FAKE_GITHUB_CACHE;
const methods = ["get", "post", "put", "patch", "delete"];

let cached: { description: Description; validators: Record<string, ValidateFunction> } | null = null;
let whole: { spec: Spec; ajv: Ajv } | null = null;
let index: { operation: DescribedOperation; pattern: RegExp; literals: number; names: string[] }[] | null = null;
const validators = new Map<string, ValidateFunction>();
const paramValidators = new Map<string, ValidateFunction>();

/**
 * OpenAPI 3.0 schemas: `nullable`, `example` and GitHub's x- keywords are not JSON Schema, hence
 * strict off; formats are checked (date-time, uri, email…), unknown ones ignored. `source` keeps
 * the generated code, for the cache.
 */
function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, validateFormats: true, code: { source: true } });
  addFormats(ajv);
  return ajv;
}

/** The whole description, loaded and prepared once per process, only when the cache does not answer. */
function loadWhole(): { spec: Spec; ajv: Ajv } {
  if (!whole) {
    const spec = require("@octokit/openapi/generated/api.github.com.json") as Spec;
    const ajv = createAjv();
    fixNullables(spec);
    ajv.addSchema(spec as unknown as Json, "gh");
    whole = { spec, ajv };
  }
  return whole;
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

/**
 * A documented response: the reference of its JSON schema and, when asked, its examples. The
 * examples are a megabyte per hundred operations, so the cache keeps only the routes' ones.
 */
function describeResponse(spec: Spec, template: string, method: string, status: string, withExamples: boolean): DescribedResponse {
  const operation = spec.paths[template]?.[method] as Json;
  const declared = (operation.responses as Record<string, Json>)[status] as Json;
  let ref = `gh#/${pointer("paths", template, method, "responses", status)}`;
  let response = declared;
  if (typeof declared.$ref === "string") {
    const name = declared.$ref.split("/").pop() as string;
    ref = `gh#/${pointer("components", "responses", name)}`;
    response = spec.components.responses[name] as Json;
  }
  const content = (response.content as Record<string, Json> | undefined)?.["application/json"];
  const examples = content?.examples as Record<string, { value?: unknown; $ref?: string }> | undefined;
  return {
    schemaRef: content ? `${ref}/${pointer("content", "application/json", "schema")}` : null,
    examples:
      withExamples && examples
        ? Object.fromEntries(
            Object.entries(examples).map(([name, example]) => [
              name,
              example.$ref ? spec.components.examples[example.$ref.split("/").pop() as string]?.value : example.value,
            ]),
          )
        : null,
  };
}

/** What the fake needs of the whole description: every operation, its parameters and responses, and the examples of the routes'. */
function describe(spec: Spec): Description {
  const operations: DescribedOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      const op = value as Json;
      const operationId = op.operationId as string;
      const parameters = ((op.parameters as Json[] | undefined) ?? []).map((p) =>
        typeof p.$ref === "string" ? (spec.components.parameters[p.$ref.split("/").pop() as string] as Parameter) : (p as unknown as Parameter),
      );
      const body = op.requestBody as Json | undefined;
      const statuses = Object.keys(op.responses as Json);
      operations.push({
        operationId,
        method,
        template,
        parameters: parameters.map(({ name, in: where, required, schema }) => ({ name, in: where, ...(required ? { required } : {}), schema })),
        hasBody: body !== undefined,
        bodyRequired: body?.required === true,
        bodyRef: `gh#/${pointer("paths", template, method, "requestBody", "content", "application/json", "schema")}`,
        responseStatuses: statuses,
        responses: Object.fromEntries(statuses.map((status) => [status, describeResponse(spec, template, method, status, operationId in routes)])),
      });
    }
  }
  return { version: spec.info.version, operations };
}

/** The cache file's name: a digest of everything its content is made from. */
function cacheFile(): string {
  const hash = createHash("sha256");
  for (const name of ["@octokit/openapi", "ajv", "ajv-formats"]) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(Object.keys(routes).sort().join("\n"));
  return join(cacheFolder, `github-openapi-${hash.digest("hex").slice(0, 16)}.cjs`);
}

/**
 * Builds the cache from the whole description: the description the fake needs, and one module
 * with ajv's standalone code for the routes' request bodies, JSON responses and parameters.
 * Written to a temporary name and renamed, so that a process running beside never reads half a file.
 */
function writeCache(file: string): void {
  const { spec, ajv } = loadWhole();
  const description = describe(spec);
  const exported: Record<string, string> = {};
  for (const operation of description.operations) {
    if (!(operation.operationId in routes)) continue;
    if (operation.hasBody) exported[operation.bodyRef] = operation.bodyRef;
    for (const response of Object.values(operation.responses)) if (response.schemaRef) exported[response.schemaRef] = response.schemaRef;
    for (const parameter of operation.parameters) {
      const key = paramKey(parameter.schema);
      if (key in exported) continue;
      // Under a plain id: the key, a schema's JSON, is no URI for ajv to resolve.
      const id = `param-${Object.keys(exported).length}`;
      ajv.addSchema(parameter.schema, id);
      exported[key] = id;
    }
  }
  const code = `${standaloneCode(ajv, exported)}\nexports.description = JSON.parse(${JSON.stringify(JSON.stringify(description))});\n`;
  mkdirSync(cacheFolder, { recursive: true });
  writeFileAtomically(file, code);
  for (const other of readdirSync(cacheFolder)) {
    if (other.startsWith("github-openapi-") && join(cacheFolder, other) !== file && !other.endsWith(".tmp")) rmSync(join(cacheFolder, other), { force: true });
  }
}

/** The key a parameter's schema is compiled under: the schema itself, which several parameters share. */
function paramKey(schema: Json): string {
  return `param:${JSON.stringify(schema)}`;
}

/** The description and the compiled validators, from the cache (written first if it is missing or out of date). */
function load(): { description: Description; validators: Record<string, ValidateFunction> } {
  if (!cached) {
    const file = cacheFile();
    let module: ({ description: Description } & Record<string, ValidateFunction>) | null = null;
    try {
      module = require(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    }
    if (!module) {
      writeCache(file);
      module = require(file) as { description: Description } & Record<string, ValidateFunction>;
    }
    const { description, ...compiled } = module;
    cached = { description, validators: compiled };
  }
  return cached;
}

/** The version of the description in use, for messages. */
export function specVersion(): string {
  return load().description.version;
}

/**
 * Finds the operation for a method and a raw (still percent-encoded) path. When several
 * templates match, the one with the most literal segments wins, as on GitHub.
 */
export function findOperation(method: string, rawPath: string): { operation: Operation; pathParams: Record<string, string> } | null {
  if (!index) {
    index = load().description.operations.map((operation) => {
      const segments = operation.template.split("/");
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
      return { operation, pattern: new RegExp(`^${source}$`), literals: segments.length - names.length, names };
    });
  }
  const candidates = index
    .filter((entry) => entry.operation.method === method.toLowerCase() && entry.pattern.test(rawPath))
    .sort((a, b) => b.literals - a.literals);
  const best = candidates[0];
  if (!best) return null;
  const values = best.pattern.exec(rawPath)?.slice(1) ?? [];
  const pathParams: Record<string, string> = {};
  best.names.forEach((name, i) => {
    pathParams[name] = decodeURIComponent(values[i] ?? "");
  });
  return { operation: best.operation, pathParams };
}

/** The validator of a schema by reference: from the cache, or compiled from the whole description. */
function compile(ref: string): ValidateFunction {
  let validate = load().validators[ref] ?? validators.get(ref);
  if (!validate) {
    validate = loadWhole().ajv.compile({ $ref: ref });
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

/** The operation as the cache describes it (the operation a request was found for is one). */
function described(operation: Operation): DescribedOperation {
  const found = load().description.operations.find((o) => o.method === operation.method && o.template === operation.template);
  if (!found) throw new Error(`No operation ${operation.method.toUpperCase()} ${operation.template} in the description`);
  return found;
}

/**
 * Checks a request against its operation: path parameters, query parameters (unknown ones are
 * refused, as are missing required ones), and the JSON body. Returns the problems found.
 */
export function checkRequest(found: { operation: Operation; pathParams: Record<string, string> }, query: URLSearchParams, body: unknown): string[] {
  const problems: string[] = [];
  const { operation, pathParams } = found;
  const where = `${operation.method.toUpperCase()} ${operation.template}`;
  const check = (param: Parameter, raw: string) => {
    const value = coerce(raw, param.schema);
    const key = paramKey(param.schema);
    let validate = load().validators[key] ?? paramValidators.get(key);
    if (!validate) {
      validate = loadWhole().ajv.compile(param.schema);
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
    const validate = compile(described(operation).bodyRef);
    if (!validate(body)) problems.push(`${where}: body ${errorsOf(validate)}`);
  }
  return problems;
}

/** Checks a response the fake is about to send: its status must be documented, and its body must match. */
export function checkResponse(operation: Operation, status: number, body: unknown): string[] {
  const where = `${operation.method.toUpperCase()} ${operation.template} → ${status}`;
  const response = described(operation).responses[String(status)];
  if (!response) return [`${where}: status not in the description`];
  if (!response.schemaRef) return body === undefined ? [] : [`${where}: the description has no JSON body for it`];
  const validate = compile(response.schemaRef);
  return validate(body) ? [] : [`${where}: response ${errorsOf(validate)}`];
}

/** A response as describeResponse makes it, examples included, from the whole description. */
function describeWhole(operation: Operation, status: string): DescribedResponse | undefined {
  if (!operation.responseStatuses.includes(status)) return undefined;
  return describeResponse(loadWhole().spec, operation.template, operation.method, status, true);
}

/**
 * A documented example response of an operation, deep-copied, to build spec-shaped responses
 * from. `name` picks one of several examples; the first one otherwise.
 */
export function exampleResponse(method: string, template: string, status: number, name?: string): unknown {
  const operation = load().description.operations.find((o) => o.method === method.toLowerCase() && o.template === template);
  if (!operation) throw new Error(`No operation ${method} ${template} in the description`);
  // The cache holds the examples of the routes' operations only.
  const response = operation.operationId in routes ? operation.responses[String(status)] : describeWhole(operation, String(status));
  const examples = response?.examples;
  if (!examples) throw new Error(`No example for ${method} ${template} → ${status}`);
  const key = name ?? Object.keys(examples)[0];
  if (key === undefined || !(key in examples)) throw new Error(`No example ${name ?? ""} for ${method} ${template} → ${status}`);
  return structuredClone(examples[key]);
}

/**
 * Compiles, now, the validators of these operations (request body and documented 2xx responses)
 * that the cache does not hold, so that tests do not pay for it inside their own time limit.
 */
export function precompile(operationIds: readonly string[]): void {
  const wanted = new Set(operationIds);
  for (const operation of load().description.operations) {
    if (!wanted.has(operation.operationId)) continue;
    if (operation.hasBody) compile(operation.bodyRef);
    for (const [status, response] of Object.entries(operation.responses)) {
      if (/^2\d\d$/.test(status) && response.schemaRef) compile(response.schemaRef);
    }
  }
}
