import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { activityFormFile, generateForms } from "../../scripts/lib/forms/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { runSubmission } from "../../scripts/lib/submission/run.ts";
import type { UnLanguage } from "../../scripts/lib/vocab.ts";
import { createFakeGitHub, type FakeGitHub, type FakeUser, preloadGitHubDescriptions } from "../support/fake-github/index.ts";
import { baselineFiles, makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { formBody, issuesEvent, validAnswers } from "./helpers.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const AUTHOR: FakeUser = { id: 583232, login: "focal-point-egy", type: "User" };
const BOT: FakeUser = { id: 9000001, login: "cop-atlas-bot[bot]", type: "Bot" };
const MAINTAINER: FakeUser = { id: 301, login: "sam", type: "User" };
const forms = generateForms(loadCatalog(PROJECT_ROOT));

beforeAll(preloadGitHubDescriptions);

let repo: TempRepo;
let github: FakeGitHub;
beforeEach(() => {
  repo = makeRepo();
  cpSync(join(PROJECT_ROOT, ".github"), join(repo.root, ".github"), { recursive: true });
  github = createFakeGitHub({ owner: "cop-atlas", repo: "cop-atlas", actor: BOT });
  github.user(AUTHOR.login, AUTHOR.id);
  github.user(MAINTAINER.login, MAINTAINER.id);
  github.branch("main", github.commit(baselineFiles(), { author: MAINTAINER, message: "Initial data" }));
});
afterEach(() => {
  repo.cleanup();
  expect(github.violations).toEqual([]);
});

/** The body GitHub writes for the form in `lang`, with these answers (and that form's own confirmation boxes). */
function bodyIn(lang: UnLanguage, answers: Record<string, string | string[] | undefined>): string {
  const template = forms.get(activityFormFile(lang)) ?? "";
  const form = parse(template) as { body: Array<{ id?: string; attributes: { options?: Array<string | { label: string }> } }> };
  const boxes = (form.body.find((element) => element.id === "confirmations")?.attributes.options ?? []).map((o) => (typeof o === "string" ? o : o.label));
  return formBody({ ...validAnswers(), confirmations: boxes, ...answers }, template);
}

async function submit(body: string) {
  const issue = github.openIssue({ user: AUTHOR, body, labels: ["submission"] });
  const event = issuesEvent("opened", { number: issue.number, body, user: AUTHOR, labels: issue.labels }, { sender: AUTHOR });
  const result = await runSubmission({ client: github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW });
  const comments = github.issue(issue.number).comments;
  expect(comments).toHaveLength(1);
  return { result, comment: comments[0]?.body ?? "" };
}

describe("the bot answers in the language of the form used", () => {
  test("an Arabic form with mistakes gets an Arabic reply that names the Arabic questions", async () => {
    // The text is in English (the language answer says so): the form, not the text, decides the reply's language.
    const { result, comment } = await submit(bodyIn("ar", { start: "2019-02-30", links: "https://www.ca.go.ke/child-online-protection", summary: undefined }));
    expect(result.outcome).toBe("problems");
    expect(comment).toContain("**شكرًا لك. المدخل ليس جاهزًا بعد:**");
    expect(comment).toContain("**الملخص**: هذا السؤال إلزامي ولا إجابة عنه.");
    expect(comment).toContain("**تاريخ البدء**: «2019-02-30» تاريخ غير موجود: عدد أيام 2019-02 هو 28. اكتب سنة &#40;2019&#41;");
    // The address is made inert (no autolink) by the comment's escaper, as every value is.
    expect(comment).toContain("**المصادر**: السطر 1: اذكر نوع المصدر https:\u2060//w\u2060ww.ca.go.ke/child-online-protection: official");
    expect(comment).not.toContain("⟦U+206");
    expect(comment).toContain("**عدّل هذه المسألة**");
    expect(comment).not.toMatch(/Thank you|This question|is required|edit this issue/);
  });

  test.for<[UnLanguage, string, string]>([
    ["ru", "**Спасибо. Запись пока не готова:**", "**Дата начала**"],
    ["zh", "**谢谢。条目尚未就绪：**", "**开始日期**"],
    ["es", "**Gracias. La entrada aún no está lista:**", "**Fecha de inicio**"],
  ])("a %s form with a mistake gets its reply in that language", async ([lang, opening, question]) => {
    const { result, comment } = await submit(bodyIn(lang, { start: "March 2021" }));
    expect(result.outcome).toBe("problems");
    expect(comment).toContain(opening);
    expect(comment).toContain(question);
  });

  test("a valid Russian form opens the pull request, with a readable Latin folder name from a Russian title", async () => {
    const { result, comment } = await submit(
      bodyIn("ru", {
        language: "ru",
        title: "Национальная стратегия защиты детей в интернете",
        summary: "Стратегия защиты детей в интернете.",
        body: "## Контекст\n\nСтратегия принята в 2021 году.",
      }),
    );
    expect(result.outcome).toBe("ready");
    // Words in Latin letters, then the start year: never a bare year or number.
    expect(comment).toMatch(/ken\/[a-z]+(?:-[a-z]+){3,}-2021\b/);
    expect(comment).toContain("**Спасибо. Ваша запись прошла проверки**");
  });
});
