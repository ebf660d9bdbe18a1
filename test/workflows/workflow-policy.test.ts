import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkDependabot, checkWorkflow, type PermissionsAllowlist } from "../../scripts/lib/workflow-policy/index.ts";

const root = join(import.meta.dirname, "..", "..");
const workflowsDir = join(root, ".github", "workflows");
const fixturesDir = join(root, "test", "fixtures", "workflows");

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const allowlist = readJson<PermissionsAllowlist>(join(root, ".github", "permissions-allowlist.json"));
const fixtureAllowlist = readJson<PermissionsAllowlist>(join(fixturesDir, "permissions-allowlist.json"));
const workflowFiles = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

const CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";
/** A made-up pin for shape-only cases: the policy checks the form of a reference, not that it exists. */
const PLACEHOLDER_PIN = `${"f".repeat(40)} # v1.0.0`;

/** The rule ids found in a workflow, without duplicates. */
function ruleIds(fileName: string, text: string, list: PermissionsAllowlist): string[] {
  return [...new Set(checkWorkflow(fileName, text, list).map((finding) => finding.ruleId))].sort();
}

/** A small clean pull_request workflow, with `extraSteps` appended to its one job. */
function cleanWorkflow(extraSteps = ""): string {
  return `name: Check
on:
  pull_request:
permissions: {}
concurrency:
  group: check-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
jobs:
  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
${extraSteps}`;
}
const cleanAllowlist: PermissionsAllowlist = {
  workflows: { "check.yml": { triggers: ["pull_request"], jobs: { check: { permissions: { contents: "read" } } } } },
};

describe("the repository's workflows", () => {
  test("there is a workflow for each job of the contribution and publishing flow", () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        "validate.yml",
        "review-bot.yml",
        "submission.yml",
        "pages.yml",
        "pr-site.yml",
        "release.yml",
        "audit.yml",
        "links.yml",
        "dependencies.yml",
      ]),
    );
  });

  test("every workflow is in the allowlist and every allowlist entry is a workflow", () => {
    expect(Object.keys(allowlist.workflows).sort()).toEqual(workflowFiles);
  });

  test.for(workflowFiles)("%s has no policy findings", (fileName) => {
    const findings = checkWorkflow(fileName, readFileSync(join(workflowsDir, fileName), "utf8"), allowlist);
    expect(findings).toEqual([]);
  });

  test("only the merge-capable bot, pages deploy, release publish, SARIF upload and the links issue hold write scopes", () => {
    const writers = Object.entries(allowlist.workflows).flatMap(([file, workflow]) =>
      Object.entries(workflow.jobs)
        .filter(([, job]) => Object.values(job.permissions).includes("write"))
        .map(
          ([job, { permissions }]) =>
            `${file}#${job}: ${Object.keys(permissions)
              .filter((scope) => permissions[scope] === "write")
              .join(",")}`,
        ),
    );
    expect(writers.sort()).toEqual([
      "audit.yml#upload-sarif: security-events",
      "links.yml#issue: issues",
      "pages.yml#deploy: pages,id-token",
      "release.yml#publish: contents",
    ]);
  });

  test("pull_request (and pull_request_review, for the review relay) are the only triggers that run pull-request code, and pull_request_target is never used", () => {
    const triggers = Object.entries(allowlist.workflows).map(([file, workflow]) => [file, [...workflow.triggers].sort()]);
    expect(Object.fromEntries(triggers)).toEqual({
      "audit.yml": ["schedule", "workflow_dispatch"],
      "confirmations.yml": ["issue_comment", "schedule", "workflow_dispatch"],
      "dependencies.yml": ["pull_request", "push", "schedule", "workflow_dispatch"],
      "links.yml": ["schedule", "workflow_dispatch"],
      "pages.yml": ["push", "workflow_dispatch"],
      "pr-site.yml": ["pull_request"],
      "release.yml": ["push"],
      "reminders.yml": ["schedule", "workflow_dispatch"],
      "review-bot.yml": ["schedule", "workflow_dispatch", "workflow_run"],
      "review-relay.yml": ["pull_request_review"],
      "submission.yml": ["issues"],
      "validate.yml": ["pull_request", "push"],
    });
  });

  test("secrets are granted only to the bot jobs, each in a bot's environment (the scheduled jobs of the review bot share its own)", () => {
    const granted = Object.entries(allowlist.workflows).flatMap(([file, workflow]) =>
      Object.entries(workflow.jobs)
        .filter(([, job]) => (job.secrets ?? []).length > 0)
        .map(([job, { environment }]) => `${file}#${job}@${environment}`),
    );
    expect(granted.sort()).toEqual([
      "confirmations.yml#confirm@review-bot",
      "reminders.yml#remind@review-bot",
      "review-bot.yml#review@review-bot",
      "submission.yml#submission@submission-bot",
    ]);
  });
});

describe("negative fixtures", () => {
  const fixtures: { file: string; rule: string }[] = [
    { file: "bad-pull-request-target.yml", rule: "trigger-forbidden" },
    { file: "bad-unexpected-trigger.yml", rule: "trigger-forbidden" },
    { file: "bad-injection.yml", rule: "expression-in-run" },
    { file: "bad-unpinned.yml", rule: "unpinned-action" },
    { file: "bad-pin-without-version.yml", rule: "unpinned-action" },
    { file: "bad-permissions.yml", rule: "permissions-not-allowed" },
    { file: "bad-permissions-top-level.yml", rule: "permissions-top-level" },
    { file: "bad-checkout-pr-head.yml", rule: "privileged-checkout-of-pr" },
    { file: "bad-gh-pr-checkout.yml", rule: "privileged-checkout-of-pr" },
    { file: "bad-persist-credentials.yml", rule: "persist-credentials" },
    { file: "bad-cache-privileged.yml", rule: "cache-in-privileged" },
    { file: "bad-npx-adhoc.yml", rule: "adhoc-package-install" },
    { file: "bad-npm-install.yml", rule: "adhoc-package-install" },
    { file: "bad-missing-concurrency.yml", rule: "missing-concurrency" },
    { file: "bad-concurrency-shared.yml", rule: "missing-concurrency" },
    { file: "bad-secrets.yml", rule: "secrets-outside-allowed-job" },
    { file: "bad-secrets-outside-environment.yml", rule: "secrets-outside-allowed-job" },
    { file: "bad-github-env.yml", rule: "github-env-write" },
    { file: "bad-install-scripts.yml", rule: "install-scripts-in-privileged" },
  ];

  test("every bad-*.yml fixture is in the table", () => {
    const onDisk = readdirSync(fixturesDir)
      .filter((name) => name.startsWith("bad-"))
      .sort();
    expect(fixtures.map(({ file }) => file).sort()).toEqual(onDisk);
  });

  test.for(fixtures)("$file is flagged by $rule and nothing else", ({ file, rule }) => {
    const text = readFileSync(join(fixturesDir, file), "utf8");
    expect(ruleIds(file, text, fixtureAllowlist)).toEqual([rule]);
  });

  test("a classic pwn request trips every rule it breaks, each at its line", () => {
    const text = [
      "name: pwn",
      "on: pull_request_target",
      "permissions: write-all",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "        with:",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
      "          ref: ${{ github.event.pull_request.head.sha }}",
      "      - uses: actions/cache@v4",
      "        with: { path: node_modules, key: npm }",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
      '      - run: npm install && echo "T=${{ github.event.pull_request.title }}" >> "$GITHUB_ENV"',
      "        env:",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
      "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
      "",
    ].join("\n");
    const findings = checkWorkflow("pwn.yml", text, { workflows: {} }).map(({ ruleId, line }) => `${line} ${ruleId}`);
    expect(findings).toEqual([
      "1 permissions-not-allowed",
      "2 trigger-forbidden",
      "3 permissions-top-level",
      "5 missing-concurrency",
      "5 secrets-outside-allowed-job",
      "8 persist-credentials",
      "8 unpinned-action",
      "10 privileged-checkout-of-pr",
      "11 cache-in-privileged",
      "11 unpinned-action",
      "13 adhoc-package-install",
      "13 expression-in-run",
      "13 github-env-write",
    ]);
  });

  test("a trigger without settings is reported at its key", () => {
    const text = readFileSync(join(fixturesDir, "bad-pull-request-target.yml"), "utf8");
    expect(checkWorkflow("bad-pull-request-target.yml", text, fixtureAllowlist)).toMatchObject([{ line: 4, column: 3 }]);
  });

  test("findings point at the offending line and say what was expected", () => {
    const text = readFileSync(join(fixturesDir, "bad-injection.yml"), "utf8");
    const [finding] = checkWorkflow("bad-injection.yml", text, fixtureAllowlist);
    expect(finding).toMatchObject({
      ruleId: "expression-in-run",
      severity: "error",
      file: ".github/workflows/bad-injection.yml",
      line: 15,
      message:
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
        "Unexpected expression `${{ github.event.pull_request.title }}` inside a script, expected the value passed through `env:` and used as a quoted variable",
    });
  });
});

describe("rules on small cases", () => {
  test.for<{ name: string; steps: string; expected: string[] }>([
    { name: "npm ci is fine", steps: "      - run: npm ci\n", expected: [] },
    { name: "npm test is fine", steps: "      - run: npm test\n", expected: [] },
    { name: "npm i is an ad-hoc install", steps: "      - run: npm i left-pad\n", expected: ["adhoc-package-install"] },
    { name: "npx --yes is an ad-hoc install", steps: "      - run: npx --yes cowsay hi\n", expected: ["adhoc-package-install"] },
    { name: "curl piped to bash", steps: "      - run: curl -fsSL https://example.org/i.sh | bash\n", expected: ["adhoc-package-install"] },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
    { name: "matrix and runner expressions are allowed in run", steps: '      - run: echo "${{ runner.temp }}"\n', expected: [] },
    {
      name: "an env value is the safe way",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
      steps: '      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n',
      expected: [],
    },
    {
      name: "github-script with an expression",
      steps: `      - uses: actions/github-script@${PLACEHOLDER_PIN}\n        with:\n          script: console.log("\${{ github.event.issue.title }}")\n`,
      expected: ["expression-in-run"],
    },
    { name: "GITHUB_PATH write", steps: '      - run: echo "$PWD/bin" >> "$GITHUB_PATH"\n', expected: ["github-env-write"] },
    { name: "GITHUB_OUTPUT is fine", steps: '      - run: echo "ok=true" >> "$GITHUB_OUTPUT"\n', expected: [] },
    {
      name: "a branch ref is unpinned",
      steps: `      - uses: actions/setup-node@main\n        with:\n          node-version: 24\n`,
      expected: ["unpinned-action"],
    },
    { name: "a short SHA is unpinned", steps: `      - uses: actions/setup-node@8207627 # v7.0.0\n`, expected: ["unpinned-action"] },
    { name: "a local action is fine", steps: "      - uses: ./.github/actions/setup\n", expected: [] },
    { name: "a docker image without digest", steps: "      - uses: docker://alpine:3\n", expected: ["unpinned-action"] },
    {
      name: "setup-node cache is fine in an unprivileged job",
      steps: "      - uses: actions/setup-node@949feb2413d6458794dcd2491c4babbbce0c15c1 # v7.1.0\n        with:\n          cache: npm\n",
      expected: [],
    },
  ])("$name", ({ steps, expected }) => {
    expect(ruleIds("check.yml", cleanWorkflow(steps), cleanAllowlist)).toEqual(expected);
  });

  test("a workflow that is not in the allowlist is flagged", () => {
    expect(ruleIds("unknown.yml", cleanWorkflow(), cleanAllowlist)).toEqual(["permissions-not-allowed"]);
  });

  test("a job that is not in the allowlist is flagged", () => {
    const text = cleanWorkflow().replace("  check:\n", "  other:\n");
    expect(ruleIds("check.yml", text, cleanAllowlist)).toEqual(["permissions-not-allowed"]);
  });

  test("a job inheriting write scopes from the top is flagged at the top", () => {
    const text = cleanWorkflow().replace("permissions: {}", "permissions:\n  contents: write");
    expect(ruleIds("check.yml", text, cleanAllowlist)).toEqual(["permissions-top-level"]);
  });

  test.for([
    { run: "npm ci", expected: ["install-scripts-in-privileged"] },
    { run: "npm clean-install --no-audit", expected: ["install-scripts-in-privileged"] },
    { run: "npm ci --ignore-scripts", expected: [] },
    { run: "npm ci --no-audit --ignore-scripts && npm test", expected: [] },
    { run: "npm ci --ignore-scripts && npm ci", expected: ["install-scripts-in-privileged"] },
  ])("in a scheduled (privileged) job, `$run`", ({ run, expected }) => {
    const text = cleanWorkflow(`      - run: ${run}\n`).replace("on:\n  pull_request:", 'on:\n  schedule:\n    - cron: "0 3 * * *"');
    const list: PermissionsAllowlist = { workflows: { "check.yml": { triggers: ["schedule"], jobs: { check: { permissions: { contents: "read" } } } } } };
    expect(ruleIds("check.yml", text, list)).toEqual(expected);
  });

  test("invalid YAML is a finding, not a crash", () => {
    expect(checkWorkflow("check.yml", "on: [push\njobs: {", cleanAllowlist)).toMatchObject([
      { ruleId: "workflow-invalid", file: ".github/workflows/check.yml" },
    ]);
  });

  test("duplicate keys are a finding (GitHub rejects them, and one could hide a second permissions:)", () => {
    const text = cleanWorkflow().replace("permissions: {}", "permissions: {}\npermissions: write-all");
    expect(ruleIds("check.yml", text, cleanAllowlist)).toEqual(["workflow-invalid"]);
  });

  test.for(["review-bot.yml", "submission.yml"])("%s checks out the default branch: no ref, repository or fetch of the pull request", (fileName) => {
    const text = readFileSync(join(workflowsDir, fileName), "utf8");
    expect(text).not.toMatch(/^\s*(ref|repository):/m);
    expect(text).not.toMatch(/\bgit\s+fetch\b|\bgh\s+pr\b/);
    expect(ruleIds(fileName, text, allowlist)).toEqual([]);
  });
});

describe("dependabot.yml", () => {
  const text = readFileSync(join(root, ".github", "dependabot.yml"), "utf8");

  test("updates npm and github-actions, each with a cooldown of at least a week", () => {
    expect(checkDependabot(text)).toEqual([]);
  });

  test.for<{ name: string; yaml: string; expected: string[] }>([
    {
      name: "missing github-actions",
      yaml: "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n    cooldown: { default-days: 7 }\n",
      expected: ["Unexpected dependabot.yml without `github-actions`, expected an update entry for it"],
    },
    {
      name: "a cooldown too short and one missing",
      yaml: "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n    cooldown: { default-days: 1 }\n  - package-ecosystem: github-actions\n    directory: /\n    schedule: { interval: weekly }\n",
      expected: [
        "Unexpected `npm` updates without a cooldown, expected `cooldown: { default-days: 7 }` or more",
        "Unexpected `github-actions` updates without a cooldown, expected `cooldown: { default-days: 7 }` or more",
      ],
    },
  ])("flags $name", ({ yaml, expected }) => {
    expect(checkDependabot(yaml).map((finding) => finding.message)).toEqual(expected);
  });
});
