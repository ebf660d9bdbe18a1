import { readFileSync, writeFileSync } from "node:fs";
import { allHelpTexts, renderCommandsSection, renderRulesSection, replaceCommandsSection, replaceRulesSection } from "../lib/readme/commands.ts";
import { RULES } from "../lib/rules/index.ts";

// Rewrites the "Commands" section of README.md from each command's --help.
try {
  const root = process.cwd();
  const section = renderCommandsSection(await allHelpTexts(root));
  const readme = readFileSync("README.md", "utf8");
  writeFileSync("README.md", replaceRulesSection(replaceCommandsSection(readme, section), renderRulesSection(RULES)));
  process.stdout.write("Updated the commands in README.md\n");
} catch (error) {
  process.stderr.write(`readme: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
