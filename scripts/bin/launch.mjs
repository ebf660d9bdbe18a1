// Runs a command-line entry point of scripts/cli from its bundle in build/cli/, so that start-up is
// node's own and not a TypeScript transpiler's. The bundle is rebuilt first when it is missing or
// older than any file it was built from (its sources, the catalogs and data files it imports, and
// package-lock.json for the dependencies), so an edited rule or message is never run from a stale
// bundle and a fresh clone needs no extra step.
// Usage: node scripts/bin/launch.mjs <command> [arguments...]; --build <command...> only builds.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const project = join(dirname(fileURLToPath(import.meta.url)), "../..");
const output = join(project, "build/cli");

/** The entry points each command needs: the command, and the worker threads it starts. */
const ENTRIES = {
  validate: { validate: "scripts/cli/validate.ts", "validate-worker": "scripts/lib/validate/worker.ts" },
  // The site build: its files (the site's assets) are read from scripts/lib/site/assets at run time.
  build: { build: "scripts/cli/build.ts" },
  // The benchmark's probe of the schema pass alone, started the same way as validate.
  "bench-schema-pass": { "bench-schema-pass": "scripts/cli/bench-schema-pass.ts" },
};

/** Where the list of a command's inputs is kept, next to its bundle. */
const inputsFile = (command) => join(output, `${command}.inputs.json`);

/**
 * Whether the command's bundle is at least as new as every file esbuild read to make it, as listed
 * at build time; node_modules is stood for by package-lock.json. A missing bundle, list or input
 * means a build. Only the inputs are looked at, not every file of the project.
 */
function isFresh(command) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile(command), "utf8"));
  } catch {
    return false;
  }
  const built = Math.min(...Object.keys(ENTRIES[command]).map((name) => statSync(join(output, `${name}.mjs`), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  return ["package-lock.json", ...inputs].every((path) => {
    const modified = statSync(join(project, path), { throwIfNoEntry: false })?.mtimeMs;
    // A copy of the project without a lock file has only the inputs to go by.
    if (modified === undefined) return path === "package-lock.json";
    return modified <= built;
  });
}

/**
 * The six message catalogs (locales/*.json) are more than half of the bundle, and a run reads
 * one or two of them: as JavaScript objects, V8 would parse all six at every start (about 40 ms
 * of a one-entry check). Each goes in as one string instead, parsed on first use behind an
 * object that reads like the catalog (properties, `in`, Object.keys and entries).
 */
const lazyCatalogs = {
  name: "lazy-catalogs",
  setup(build) {
    build.onLoad({ filter: /[\\/]locales[\\/][^\\/]+\.json$/ }, (args) => ({
      contents: `const text = ${JSON.stringify(readFileSync(args.path, "utf8"))};
let parsed;
const catalog = () => (parsed ??= JSON.parse(text));
export default new Proxy({}, {
  get: (_, key) => catalog()[key],
  has: (_, key) => key in catalog(),
  ownKeys: () => Reflect.ownKeys(catalog()),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(catalog(), key),
});
`,
      loader: "js",
    }));
  },
};

async function build(command) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES[command]).map(([name, path]) => [name, join(project, path)])),
    outdir: output,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    // Input paths in the metafile are relative to this folder, wherever the command is started.
    absWorkingDir: project,
    logLevel: "silent",
    plugins: [lazyCatalogs],
    // Bundled CommonJS dependencies (ajv ...) call require; give them node's own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  mkdirSync(output, { recursive: true });
  for (const file of result.outputFiles) {
    // Written aside and renamed, so that commands started side by side never load half a bundle.
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  // Written last: a list next to a half-written bundle would call it fresh.
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.includes("node_modules/") && !path.includes(":"));
  const temporary = `${inputsFile(command)}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(inputs.sort(), null, 1)}\n`);
  renameSync(temporary, inputsFile(command));
}

const [first, ...rest] = process.argv.slice(2);
if (first === "--build") {
  for (const command of rest.length > 0 ? rest : Object.keys(ENTRIES)) await build(command);
} else {
  if (!(first in ENTRIES)) throw new Error(`launch: no bundled command "${first}"`);
  if (!isFresh(first)) await build(first);
  process.argv = [process.argv[0], join(output, `${first}.mjs`), ...rest];
  await import(pathToFileURL(join(output, `${first}.mjs`)).href);
}
