import { codeowners } from "./codeowners.ts";
import { dates } from "./dates.ts";
import { duplicates } from "./duplicates.ts";
import { evidence } from "./evidence.ts";
import { layout } from "./layout.ts";
import { links } from "./links.ts";
import { narratives } from "./narratives.ts";
import { oneLine } from "./one-line.ts";
import { privacy } from "./privacy.ts";
import { readable } from "./readable.ts";
import { references } from "./references.ts";
import type { Rule } from "./rule.ts";
import { safeYaml } from "./safe-yaml.ts";
import { schema } from "./schema.ts";
import { strictJson } from "./strict-json.ts";
import { terminology } from "./terminology.ts";
import { unicode } from "./unicode.ts";

/** Every rule, in the order the README documents them. */
export const RULES: readonly Rule[] = [
  layout,
  readable,
  strictJson,
  safeYaml,
  schema,
  dates,
  links,
  unicode,
  oneLine,
  narratives,
  references,
  duplicates,
  evidence,
  terminology,
  privacy,
  codeowners,
];
