import { parseArgs } from "node:util";
import { siteConfigFor } from "../lib/model/config.ts";
import { serveSite } from "../lib/site/serve.ts";
import { runBuild } from "./build.ts";

const HELP = `Usage: npm start -- [options]

Validates the data, builds the site into dist/ and serves it on this computer,
printing the address to open in a browser. Stop it with Ctrl+C.

  --port <n>      the port (default: 8080, or the PORT variable; 0 picks a free one)
  --host <addr>   the address to listen on (default: 127.0.0.1, this computer only)
  --no-search     skip the search index (faster)
  -h, --help      show this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "no-search": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const result = await runBuild("dist", { search: !values["no-search"] });
  if (!result.ok) return 1;
  const wanted = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  // The site's public path ("/cop-atlas/") is served too, so that the 404 page's links work here.
  const basePath = new URL(siteConfigFor(".", process.env).siteUrl).pathname;
  let running: Awaited<ReturnType<typeof serveSite>>;
  try {
    running = await serveSite("dist", { port: wanted, host: values.host ?? "127.0.0.1", basePath });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || values.port !== undefined) throw error;
    running = await serveSite("dist", { port: 0, host: values.host ?? "127.0.0.1", basePath });
    process.stdout.write(`Port ${wanted} is busy; using another one.\n`);
  }
  process.stdout.write(`COP Atlas is running at ${running.url}  (Ctrl+C to stop)\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
