import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { loadCatalog } from "../scripts/lib/schema/catalog.ts";
import { generateTypes } from "../scripts/lib/types/generate.ts";
import { PROJECT_ROOT } from "./support/repo.ts";

test("the TypeScript types are generated from the current schemas (run npm run types)", async () => {
  const expected = await generateTypes(loadCatalog(PROJECT_ROOT));
  expect(readFileSync(join(PROJECT_ROOT, "scripts/lib/types/data.generated.ts"), "utf8")).toBe(expected);
});

test("the generated types name every vocabulary value", async () => {
  const code = await generateTypes(loadCatalog(PROJECT_ROOT));
  expect(code).toMatch(/export type Topic =\s*\| "child-sexual-abuse-material"/);
  expect(code).toMatch(/export interface Activity \{[\s\S]*kind: Kind;[\s\S]*originalLanguage: LanguageCode\d*;/);
  expect(code).toContain('export type Status = "planned" | "active" | "completed" | "superseded" | "discontinued";');
});
