import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { countBySeverity } from "../lib/diagnostics.ts";
import { localizeDiagnostics } from "../lib/i18n/diagnostics.ts";
import { chooseLanguage } from "../lib/i18n/messages.ts";
import { formatPretty } from "../lib/report/pretty.ts";
import { keyOrderOf } from "../lib/scaffold/entry.ts";
import { scaffoldOutcomes, scaffoldProblems } from "../lib/scaffold/messages.ts";
import { askMissing } from "../lib/scaffold/prompts.ts";
import { checkGiven, planScaffold, type ScaffoldAnswers } from "../lib/scaffold/scaffold.ts";
import { createFiles, existingFiles } from "../lib/scaffold/write.ts";
import { loadCatalog } from "../lib/schema/catalog.ts";
import { closestMatch } from "../lib/suggest.ts";
import { validateRepository } from "../lib/validate/index.ts";
import type { UnLanguage } from "../lib/vocab.ts";

const HELP = `Usage: npm run new [-- options]

Creates a new entry: countries/<country>/activities/<slug>/activity.json and
<lang>.md, and the country's country.json if it has none, then checks it with
the validator and shows the result. In a terminal it asks for every answer the
options do not give (Enter skips an optional one) and checks each answer as it
is given; otherwise every required option is needed. The options are checked
before the first question. It never overwrites anything.

  --country <name>     the country: its name in any UN language or its ISO
                       code: Kenya, Кения, ken, KE ...               (required)
  --kind <id>          activity, case-study or good-practice         (required)
  --type <id>          law, policy-strategy, hotline ...             (required)
  --level <id>         national, regional or international           (default: national)
  --countries <name>   a country covered, for multi-country work, by name or
                       code; repeat for more
  --status <id>        planned, active, completed ... as a source states it
  --start <date>       2019, 2019-06 or 2019-06-30, if a source gives it
  --end <date>         when it ended, if it has
  --title <text>       the title, in the language of --lang          (required)
  --summary <text>     one or two sentences                          (required)
  --official-title <text>  the official title of a law or document the text
                       quotes, exactly as written; repeat for more
  --link <url>         a public https:// source; repeat for more     (required)
  --link-type <id>     official, document, news or evaluation: one per --link,
                       or one for all                                (default: official)
  --lang <code>        the language npm run new speaks: ar, zh, en, fr, ru or es
                       (default: from the locale, LANG ..., else en), and the
                       default language of the text
  --text-lang <code>   language of the text, if another: en, fr, ar, pt ...
                                                                     (default: en)
  --compiled-by <id>   member-state, organization, editors or contributor
                                                                     (default: contributor)
  --slug <name>        the entry's folder name (default: from the title and year)
  --lead <org>         a lead organisation: "name | acronym | https://website",
                       only the name is needed; repeat for more
  --partner <org>      a partner organisation, written the same way; repeat for more
  --audience <id>      repeat for more: children, parents-carers-educators ...
  --topic <id>         repeat for more: cyberbullying, grooming ...
  --policy-area <id>   repeat for more: legal-framework, education ...
  --mnr <id>           a Model National Response capability: legislation,
                       child-helpline ...; repeat for more
  --sdg-target <id>    a Sustainable Development Goal target such as 16.2; repeat for more
  --related <ref>      another entry: ken/be-the-cop-campaign-2015; repeat for more
  --contact-organisation <text>, --contact-url <url>, --contact-email <address>,
  --contact-phone <number>
                       an organisation's public channel, never a person's details
  --root <dir>         the repository (default: the current folder)
  -h, --help           show this help

Exit code: 0 created and valid, 1 nothing created (a problem with the options
or answers, or a file already exists) or created with problems the validator
shows, 2 the tool could not run.`;

const OPTIONS = {
  country: { type: "string" },
  kind: { type: "string" },
  type: { type: "string" },
  level: { type: "string" },
  countries: { type: "string", multiple: true },
  status: { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  title: { type: "string" },
  summary: { type: "string" },
  "official-title": { type: "string", multiple: true },
  link: { type: "string", multiple: true },
  "link-type": { type: "string", multiple: true },
  lang: { type: "string" },
  "text-lang": { type: "string" },
  "compiled-by": { type: "string" },
  slug: { type: "string" },
  lead: { type: "string", multiple: true },
  partner: { type: "string", multiple: true },
  audience: { type: "string", multiple: true },
  topic: { type: "string", multiple: true },
  "policy-area": { type: "string", multiple: true },
  mnr: { type: "string", multiple: true },
  "sdg-target": { type: "string", multiple: true },
  related: { type: "string", multiple: true },
  "contact-organisation": { type: "string" },
  "contact-url": { type: "string" },
  "contact-email": { type: "string" },
  "contact-phone": { type: "string" },
  root: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Reads the flags; a mistyped one is a problem to show with a suggestion, not a crash. */
function readFlags(
  argv: string[],
  lang: UnLanguage,
): { values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>["values"] } | { problem: string } {
  try {
    return { values: parseArgs({ args: argv, options: OPTIONS }).values };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'(-{1,2}[^' ]+)/.exec(error instanceof Error ? error.message : "")?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
      const known = Object.keys(OPTIONS).map((name) => `--${name}`);
      return { problem: scaffoldProblems(lang).unknownFlag(flag, closestMatch(flag.replace(/=.*/, ""), known)) };
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) return { problem: scaffoldProblems(lang).flagNeedsValue(flag) };
    throw error;
  }
}

/** The language to speak before the flags are read: --lang as typed, else the locale's. */
function earlyLanguage(argv: string[]): UnLanguage {
  const index = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const written = index < 0 ? undefined : argv[index]?.startsWith("--lang=") ? argv[index]?.slice(7) : argv[index + 1];
  const lang = chooseLanguage(written, process.env);
  return typeof lang === "string" ? lang : (chooseLanguage(undefined, process.env) as UnLanguage);
}

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(argv, earlyLanguage(argv));
  if ("problem" in flags) {
    process.stderr.write(scaffoldOutcomes(earlyLanguage(argv)).flagProblems([flags.problem]));
    return 1;
  }
  const { values } = flags;
  const chosen = chooseLanguage(values.lang, process.env);
  if (typeof chosen !== "string") {
    const fallback = chooseLanguage(undefined, process.env) as UnLanguage;
    process.stderr.write(scaffoldOutcomes(fallback).flagProblems([scaffoldProblems(fallback).unknownLang(chosen.unknown)]));
    return 1;
  }
  const lang: UnLanguage = chosen;
  const OUTCOMES = scaffoldOutcomes(lang);
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
    countries: values.countries,
    status: values.status,
    start: values.start,
    end: values.end,
    title: values.title,
    summary: values.summary,
    officialTitles: values["official-title"],
    links: values.link,
    linkTypes: values["link-type"],
    // The text's language: --text-lang, else --lang when given, else asked (or English without a terminal).
    lang: values["text-lang"] ?? values.lang?.trim().toLowerCase().split(/[-_]/)[0] ?? (interactive ? undefined : "en"),
    compiledBy: values["compiled-by"] ?? (interactive ? undefined : "contributor"),
    slug: values.slug,
    lead: values.lead,
    partners: values.partner,
    audiences: values.audience,
    topics: values.topic,
    policyAreas: values["policy-area"],
    mnrCapabilities: values.mnr,
    sdgTargets: values["sdg-target"],
    related: values.related,
    contactOrganisation: values["contact-organisation"],
    contactUrl: values["contact-url"],
    contactEmail: values["contact-email"],
    contactPhone: values["contact-phone"],
  };
  // A mistyped option is reported before anyone spends time on the questions.
  const given = checkGiven(answers, vocabularies, lang);
  if (interactive && given.length > 0) {
    process.stderr.write(OUTCOMES.flagProblems(given));
    return 1;
  }
  if (interactive) answers = await askMissing(answers, vocabularies, lang);
  const plan = planScaffold(
    answers,
    vocabularies,
    keyOrderOf(catalog),
    (code) => existsSync(join(root, "countries", code.toLowerCase(), "country.json")),
    lang,
  );
  if (plan.problems.length > 0 || !plan.dir || !plan.permalink) {
    process.stderr.write(OUTCOMES.answerProblems(plan.problems));
    return 1;
  }
  const taken = existingFiles(root, plan.files);
  if (taken.length > 0) {
    process.stderr.write(OUTCOMES.taken(taken));
    return 1;
  }
  createFiles(root, plan.files);
  process.stdout.write(
    OUTCOMES.created(
      plan.permalink,
      plan.files.map((file) => file.path),
    ),
  );
  process.stdout.write(OUTCOMES.validating());
  const result = validateRepository({ root, targets: plan.files.map((file) => file.path) });
  const diagnostics = localizeDiagnostics(result.diagnostics, lang);
  process.stdout.write(formatPretty(diagnostics, { files: result.files, entries: result.entries }, process.stdout.isTTY === true, lang));
  if (countBySeverity(result.diagnostics).errors > 0) {
    process.stdout.write(OUTCOMES.invalid());
    return 1;
  }
  const narrative = plan.files.find((file) => file.path.endsWith(".md"))?.path ?? plan.dir;
  process.stdout.write(OUTCOMES.valid(narrative));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Ctrl+C in a prompt is the person leaving, not a failure of the tool.
    if (error instanceof Error && error.name === "ExitPromptError") {
      process.stderr.write(scaffoldOutcomes(earlyLanguage(process.argv.slice(2))).cancelled());
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`new: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
