import type { PolicyRule } from "../types.ts";

const ID = "expression-in-run";

/** Contexts that no outside party controls, the only ones allowed inside scripts. */
const SAFE_EXPRESSION = /^(matrix|runner)\.[A-Za-z0-9_.-]+$/;

/** Untrusted values reach scripts through `env:` and quoted variables, never through `${{ }}` pasted into the script. */
export const expressionInRun: PolicyRule = {
  id: ID,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
  description: "No `${{ }}` expression inside `run:` or a github-script `script:` (matrix.* and runner.* excepted).",
  check(context) {
    return context.jobs.flatMap((job) =>
      job.steps.flatMap((step) => {
        const scripts: { key: (string | number)[]; text: string }[] = [];
        if (step.run !== undefined) scripts.push({ key: [...step.path, "run"], text: step.run });
        if (step.uses?.startsWith("actions/github-script@") && typeof step.with.script === "string") {
          scripts.push({ key: [...step.path, "with", "script"], text: step.with.script });
        }
        return scripts.flatMap(({ key, text }) => {
          const unsafe = [...text.matchAll(/\$\{\{\s*([\s\S]*?)\s*\}\}/g)]
            .map((match) => match[1] as string)
            .filter((expression) => !SAFE_EXPRESSION.test(expression));
          if (unsafe.length === 0) return [];
          return [
            context.finding(
              ID,
              key,
              `Unexpected expression \`\${{ ${unsafe[0]} }}\` inside a script, expected the value passed through \`env:\` and used as a quoted variable`,
              "The runner pastes the value into the script before the shell reads it: a pull-request title can become a command.",
            ),
          ];
        });
      }),
    );
  },
};
