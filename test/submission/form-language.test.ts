import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { correctionFormFile } from "../../scripts/lib/forms/correction-form.ts";
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

describe("the bot answers a correction in the language of the correction form used", () => {
  /** A correction of the baseline's Kenyan entry, written with the correction form in `lang`. */
  function correctionIn(lang: UnLanguage, answers: Record<string, string | undefined>): string {
    const template = forms.get(correctionFormFile(lang)) ?? "";
    const form = parse(template) as { body: Array<{ id?: string; attributes: { options?: Array<string | { label: string }> } }> };
    const options = (id: string) =>
      (form.body.find((element) => element.id === id)?.attributes.options ?? []).map((o) => (typeof o === "string" ? o : o.label));
    return formBody(
      {
        entry: "ken/example-strategy-2020",
        change: options("change")[0],
        "new-status": options("new-status")[0],
        details: "The strategy ended; a source moved.",
        confirmations: options("confirmations"),
        ...answers,
      },
      template,
    );
  }

  async function correct(body: string) {
    const issue = github.openIssue({ user: AUTHOR, body, labels: ["correction"] });
    const event = issuesEvent("opened", { number: issue.number, body, user: AUTHOR, labels: issue.labels }, { sender: AUTHOR });
    const result = await runSubmission({ client: github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW });
    const comments = github.issue(issue.number).comments;
    expect(comments).toHaveLength(1);
    return { result, comment: comments[0]?.body ?? "" };
  }

  /** Words of the files and the validator that a person who filled in a form never saw. */
  const JARGON = /links\[|\.url\b|activity\.json|\.md\b|frontmatter|countries\/|\bstart:|\bend:/;

  test("an Arabic correction form with mistakes gets an Arabic reply that names its questions", async () => {
    const { result, comment } = await correct(
      correctionIn("ar", { "new-end": "2024-13", "add-links": "https://example.org/report", "remove-links": "https://example.org/never-listed" }),
    );
    expect(result.outcome).toBe("problems");
    expect(comment).toContain("**شكرًا لك. المدخل ليس جاهزًا بعد:**");
    expect(comment).toContain("**تاريخ الانتهاء الجديد**: «2024-13»");
    expect(comment).toContain("**مصادر للإضافة**: السطر 1: اذكر نوع المصدر");
    // Found by comparing with the entry, and said in the same round as the form's own problems.
    expect(comment).toContain("**مصادر للحذف**: المصدر https:\u2060//example.org/never-listed ليس من مصادر المدخل.");
    expect(comment).not.toMatch(JARGON);
    expect(comment).not.toMatch(/Thank you|This question|is required|Line 1|edit this issue/);
  });

  test("a mistake the validator finds after the form is read is said in Arabic too, with the source's number instead of its path", async () => {
    // The entry has two sources; the one added is the third, and http is refused by the validator, not by the form.
    const { result, comment } = await correct(correctionIn("ar", { "add-links": "official http://insecure.example.org/page" }));
    expect(result.outcome).toBe("problems");
    expect(comment).toContain("عنوان المصدر 3: ");
    expect(comment).not.toMatch(JARGON);
    expect(comment).not.toMatch(/only https|Thank you/);
  });

  test("a source to remove that the entry does not have is named in Russian, under the Russian question", async () => {
    const { result, comment } = await correct(correctionIn("ru", { "remove-links": "https://example.org/never-listed" }));
    expect(result.outcome).toBe("problems");
    expect(comment).toContain("**Источники, которые нужно убрать**: https:");
    expect(comment).toContain("нет среди источников записи");
  });

  test("a valid Chinese correction opens the pull request and thanks in Chinese", async () => {
    const { result, comment } = await correct(correctionIn("zh", { "new-end": "2024-06", "new-status": "completed" }));
    expect(result.outcome).toBe("ready");
    expect(comment).toContain("谢谢");
    expect(comment).not.toMatch(/Thank you/);
  });
});
