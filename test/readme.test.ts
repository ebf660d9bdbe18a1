import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { allHelpTexts, DOCUMENTED_COMMANDS, renderCommandsSection, renderRulesSection } from "../scripts/lib/readme/commands.ts";
import { RULES } from "../scripts/lib/rules/index.ts";
import { PROJECT_ROOT } from "./support/repo.ts";

const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

// Each help text is a Node start-up: on a loaded machine a dozen of them take a while, so they
// run in parallel, and the limit (the global one) only catches a hang.
test("the README repeats each command's help text (run npm run readme)", async () => {
  const section = renderCommandsSection(await allHelpTexts(PROJECT_ROOT));
  expect(readme).toContain(section);
});

test("the README lists every validator rule with its description (run npm run readme)", () => {
  expect(readme).toContain(renderRulesSection(RULES));
});

test("the README opens with what COP Atlas is, then the two set-up commands", () => {
  const setup = readme.indexOf("## Set-up: two commands");
  expect(setup).toBeGreaterThan(0);
  expect(readme.slice(0, setup)).toMatch(/^# COP Atlas\n\nCOP Atlas is an open repository/);
  expect(readme.slice(setup)).toMatch(/```sh\nnpm ci && npm start[^\n]*\nnpm test[^\n]*\n```/);
});

test("package.json has the short verb scripts the README names", () => {
  const scripts = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  for (const verb of ["validate", "format", "new", "build", "start", "report", "bench", "test", "lint", "typecheck", ...DOCUMENTED_COMMANDS]) {
    expect(scripts[verb], verb).toBeDefined();
  }
});
