import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { keyOrderOf } from "../lib/scaffold/entry.ts";
import { askMissing } from "../lib/scaffold/prompts.ts";
import { planScaffold, type ScaffoldAnswers } from "../lib/scaffold/scaffold.ts";
import { createFiles, existingFiles } from "../lib/scaffold/write.ts";
import { loadCatalog } from "../lib/schema/catalog.ts";

const HELP = `Usage: npm run new [-- options]

Creates a new entry: countries/<country>/activities/<slug>/activity.json and
<lang>.md, and the country's country.json if it has none. In a terminal it asks
for what the options do not give; otherwise every required option is needed.
It never overwrites anything.

  --country <name>     the country: its name in any UN language or its ISO
                       code: Kenya, Кения, ken, KE ...               (required)
  --kind <id>          activity, case-study or good-practice         (required)
  --type <id>          law, policy-strategy, hotline ...             (required)
  --level <id>         national, regional or international           (default: national)
  --status <id>        planned, active, completed ... as a source states it
  --start <date>       2019, 2019-06 or 2019-06-30                   (required)
  --end <date>         when it ended, if it has
  --title <text>       the title, in the language of --lang          (required)
  --summary <text>     one or two sentences                          (required)
  --link <url>         a public https:// source; repeat for more     (required)
  --link-type <id>     official, document, news or evaluation: one per --link,
                       or one for all                                (default: official)
  --lang <code>        language of the text: en, fr, ar ...          (default: en)
  --compiled-by <id>   member-state, organization, editors or contributor
                                                                     (default: contributor)
  --slug <name>        the entry's folder name (default: from the title and year)
  --lead <name>        a lead organisation; repeat for more
  --audience <id>      repeat for more: children, parents-carers-educators ...
  --topic <id>         repeat for more: cyberbullying, grooming ...
  --root <dir>         the repository (default: the current folder)
  -h, --help           show this help

Exit code: 0 created, 1 nothing created (a problem with the answers, or a file
already exists), 2 the tool could not run.`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      country: { type: "string" },
      kind: { type: "string" },
      type: { type: "string" },
      level: { type: "string" },
      status: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      title: { type: "string" },
      summary: { type: "string" },
      link: { type: "string", multiple: true },
      "link-type": { type: "string", multiple: true },
      lang: { type: "string" },
      "compiled-by": { type: "string" },
      slug: { type: "string" },
      lead: { type: "string", multiple: true },
      audience: { type: "string", multiple: true },
      topic: { type: "string", multiple: true },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = resolve(values.root ?? process.cwd());
  const catalog = loadCatalog(root);
  const vocabularies = catalog.vocabularies;
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  let answers: ScaffoldAnswers = {
    country: values.country,
    kind: values.kind,
    type: values.type,
    level: values.level ?? (interactive ? undefined : "national"),
    status: values.status,
    start: values.start,
    end: values.end,
    title: values.title,
    summary: values.summary,
    links: values.link,
    linkTypes: values["link-type"],
    lang: values.lang ?? (interactive ? undefined : "en"),
    compiledBy: values["compiled-by"] ?? (interactive ? undefined : "contributor"),
    slug: values.slug,
    lead: values.lead,
    audiences: values.audience,
    topics: values.topic,
  };
  if (interactive) answers = await askMissing(answers, vocabularies);
  const plan = planScaffold(answers, vocabularies, keyOrderOf(catalog), (code) => existsSync(join(root, "countries", code.toLowerCase(), "country.json")));
  if (plan.problems.length > 0) {
    process.stderr.write(`Nothing was created:\n${plan.problems.map((problem) => `  - ${problem}`).join("\n")}\nRun npm run new -- --help for the options.\n`);
    return 1;
  }
  const taken = existingFiles(root, plan.files);
  if (taken.length > 0) {
    process.stderr.write(
      `Nothing was created: ${taken.join(", ")} already exists.\nnpm run new never overwrites; choose another --slug, or edit the existing entry.\n`,
    );
    return 1;
  }
  createFiles(root, plan.files);
  process.stdout.write(
    `Created ${plan.permalink}:\n${plan.files.map((file) => `  ${file.path}`).join("\n")}\nNext: write the story in the .md file, then run npm run validate.\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Ctrl+C in a prompt is the person leaving, not a failure of the tool.
    if (error instanceof Error && error.name === "ExitPromptError") {
      process.stderr.write("Cancelled: nothing was created.\n");
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`new: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
