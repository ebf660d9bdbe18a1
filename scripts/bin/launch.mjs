// Runs a command-line entry point of scripts/cli from its bundle in build/cli/, so that start-up is
// node's own and not a TypeScript transpiler's. The bundle is rebuilt first when it is missing or
// older than any source file, so an edited rule is never run from a stale bundle and a fresh clone
// needs no extra step. Usage: node scripts/bin/launch.mjs <command> [arguments...]; --build <command...> only builds.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const project = join(dirname(fileURLToPath(import.meta.url)), "../..");
const output = join(project, "build/cli");

/** The entry points each command needs: the command, and the worker threads it starts. */
const ENTRIES = {
  validate: { validate: "scripts/cli/validate.ts", "validate-worker": "scripts/lib/validate/worker.ts" },
  // The benchmark's probe of the schema pass alone, started the same way as validate.
  "bench-schema-pass": { "bench-schema-pass": "scripts/cli/bench-schema-pass.ts" },
};

function newestSource() {
  let newest = statSync(join(project, "package-lock.json"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(project, "scripts"));
  return newest;
}

function isFresh(command) {
  const newest = newestSource();
  return Object.keys(ENTRIES[command]).every((name) => (statSync(join(output, `${name}.mjs`), { throwIfNoEntry: false })?.mtimeMs ?? 0) >= newest);
}

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
    logLevel: "silent",
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
