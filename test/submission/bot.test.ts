import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { INACTIVE_LABEL } from "../../scripts/lib/bot/reminders/labels.ts";
import { CORRECTION_FORM, KEEP_AS_IT_IS } from "../../scripts/lib/forms/correction-form.ts";
import { generateForms } from "../../scripts/lib/forms/generate.ts";
import { loadCatalog } from "../../scripts/lib/schema/catalog.ts";
import { ISSUE_COMMENT_MARKER } from "../../scripts/lib/submission/render.ts";
import { runSubmission } from "../../scripts/lib/submission/run.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { createFakeGitHub, type FakeGitHub, type FakeUser, preloadGitHubDescriptions } from "../support/fake-github/index.ts";
import { baselineFiles, makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { formBody, issuesEvent, validAnswers, webhookProblems } from "./helpers.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const AUTHOR: FakeUser = { id: 583231, login: "focal-point-ken", type: "User" };
const BOT: FakeUser = { id: 9000001, login: "cop-atlas-bot[bot]", type: "Bot" };
const MAINTAINER: FakeUser = { id: 301, login: "sam", type: "User" };

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
  // Every request matched GitHub's description, and so did every response.
  expect(github.violations).toEqual([]);
});

/** Opens the issue (or edits it, as `editor`) and runs the bot on the event, as the workflow would. */
async function submit(body: string, action: "opened" | "edited" = "opened", number?: number, editor: FakeUser = AUTHOR) {
  const issue = number ? github.editIssue(number, editor, body) : github.openIssue({ user: AUTHOR, body, labels: ["submission"] });
  const event = issuesEvent(action, { number: issue.number, body, user: AUTHOR, labels: issue.labels }, { sender: editor });
  expect(webhookProblems(action === "opened" ? "issues-opened" : "issues-edited", event)).toEqual([]);
  const result = await runSubmission({ client: github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW });
  return { issue, result };
}

function botComment(number: number): string {
  const comments = github.issue(number).comments;
  expect(comments).toHaveLength(1);
  return comments[0]?.body ?? "";
}

function pulls() {
  return [...github.state.pulls.values()];
}

describe("a valid submission", () => {
  test("opens a pull request with the entry, the marker and the co-author, and comments the link", async () => {
    const { issue, result } = await submit(formBody(validAnswers()));
    expect(result).toMatchObject({ outcome: "ready", comment: "created" });
    const pull = pulls()[0];
    expect(pull?.headRef).toBe(`submission/issue-${issue.number}`);
    expect(pull?.baseRef).toBe("main");
    expect(pull?.user.login).toBe(BOT.login);
    expect(pull?.body).toContain(`Closes #${issue.number}`);
    expect(pull?.body).not.toContain("<!--");

    const files = github.filesAt(`submission/issue-${issue.number}`);
    const dir = "countries/ken/activities/national-child-online-protection-guidelines-2021";
    expect(JSON.parse(files.get(`${dir}/activity.json`) ?? "{}")).toEqual({
      kind: "activity",
      type: "regulation-guidance",
      level: "national",
      status: "active",
      start: "2021-03",
      lead: [{ name: "Communications Authority of Kenya", acronym: "CA", url: "https://www.ca.go.ke" }],
      audiences: ["children", "parents-carers-educators"],
      topics: ["cyberbullying"],
      links: [
        { url: "https://www.ca.go.ke/child-online-protection", type: "official" },
        { url: "https://www.example-news.co.ke/cop-guidelines", type: "news", title: "Launch article" },
      ],
      originalLanguage: "en",
      provenance: { compiledBy: "contributor" },
    });
    expect(files.get(`${dir}/en.md`)).toMatch(/^---\ntitle: National Child Online Protection Guidelines\nsummary: Guidelines/);

    const head = github.state.commits.get(github.state.refs.get(`heads/submission/issue-${issue.number}`) ?? "");
    expect(head?.parents).toEqual([github.state.refs.get("heads/main")]);
    expect(head?.message).toContain(`Co-authored-by: focal-point-ken <${AUTHOR.id}+focal-point-ken@users.noreply.github.com>`);

    const comment = botComment(issue.number);
    expect(comment.startsWith(ISSUE_COMMENT_MARKER)).toBe(true);
    expect(comment).toContain(`pull request #${pull?.number}`);

    // What the bot committed passes the repository's validator.
    const checkout = makeRepo(Object.fromEntries(files));
    try {
      expect(validateRepository({ root: checkout.root, now: NOW }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    } finally {
      checkout.cleanup();
    }
  });

  test("a second run with the same issue sends no writes", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    const before = github.writes().length;
    const { result } = await submit(issue.body, "edited", issue.number);
    expect(result).toMatchObject({ outcome: "ready", comment: "unchanged" });
    expect(github.writes().length).toBe(before);
  });

  test("an edit updates the same branch and pull request, and the comment", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    const first = github.state.refs.get(`heads/submission/issue-${issue.number}`);
    const { result } = await submit(formBody({ ...validAnswers(), status: "completed", end: "2024" }), "edited", issue.number);
    expect(result.outcome).toBe("ready");
    expect(github.state.pulls.size).toBe(1);
    const second = github.state.refs.get(`heads/submission/issue-${issue.number}`);
    expect(second).not.toBe(first);
    const activity = [...github.filesAt(second ?? "")].find(([path]) => path.endsWith("guidelines-2021/activity.json"))?.[1] ?? "";
    expect(JSON.parse(activity)).toMatchObject({ status: "completed", end: "2024" });
    expect(github.writes().filter((w) => w.operationId === "git/update-ref")).toHaveLength(1);
  });

  test("a pull request closed for inactivity reopens when the submitter edits the issue; one closed by a person stays closed", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    const [pull] = pulls();
    if (!pull) throw new Error("no pull request");
    pull.state = "closed";
    pull.labels.push(INACTIVE_LABEL);
    const { result } = await submit(formBody({ ...validAnswers(), status: "completed", end: "2024" }), "edited", issue.number);
    expect(result).toMatchObject({ outcome: "ready", pull: pull.number });
    expect(pull.state).toBe("open");
    expect(pull.labels).not.toContain(INACTIVE_LABEL);
    expect(github.state.pulls.size).toBe(1);
    const head = github.filesAt(`submission/issue-${issue.number}`);
    const activity = [...head].find(([path]) => path.endsWith("guidelines-2021/activity.json"))?.[1] ?? "";
    expect(JSON.parse(activity)).toMatchObject({ status: "completed", end: "2024" });
    // Reopened before the branch moved, as GitHub requires.
    const order = github.writes().map((w) => w.operationId);
    expect(order.lastIndexOf("pulls/update")).toBeLessThan(order.lastIndexOf("git/update-ref"));

    pull.state = "closed";
    const again = await submit(formBody({ ...validAnswers(), status: "active" }), "edited", issue.number);
    expect(again.result.outcome).toBe("pull-closed");
    expect(pull.state).toBe("closed");
  });

  test("a country without a folder gets its profile, with the region from the reference table", async () => {
    const { issue } = await submit(formBody({ ...validAnswers(), country: "RWA" }));
    const files = github.filesAt(`submission/issue-${issue.number}`);
    expect(JSON.parse(files.get("countries/rwa/country.json") ?? "{}")).toEqual({ region: "africa", reviewers: [] });
  });

  test("a title in another script gives a readable Latin folder name, and a short name wins over it", async () => {
    const answers = {
      ...validAnswers(),
      language: "ar",
      title: "المبادئ التوجيهية لحماية الأطفال على الإنترنت 2021",
      summary: "مبادئ توجيهية اعتمدتها الهيئة لحماية الأطفال على الإنترنت.",
    };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("ready");
    expect([...github.filesAt(`submission/issue-${issue.number}`).keys()]).toContain(
      "countries/ken/activities/almbady-altwjyhyt-lhmayt-alatfal-ela-alantrnt-2021/ar.md",
    );
    const { result: again } = await submit(formBody({ ...answers, slug: "cop-guidelines" }), "edited", issue.number);
    expect(again.outcome).toBe("ready");
    expect([...github.filesAt(`submission/issue-${issue.number}`).keys()]).toContain("countries/ken/activities/cop-guidelines-2021/ar.md");
  });

  test("a Russian title gives a transliterated folder name, never the number alone", async () => {
    const answers = {
      ...validAnswers(),
      language: "ru",
      title: "Федеральный закон № 436-ФЗ «О защите детей от информации»",
      summary: "Закон защищает детей от информации, причиняющей вред их здоровью и развитию.",
    };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("ready");
    expect([...github.filesAt(`submission/issue-${issue.number}`).keys()]).toContain(
      "countries/ken/activities/federalniy-zakon-no-436-fz-o-zaschite-detey-ot-informatsii-2021/ru.md",
    );
  });

  test.for<[string, string[]]>([
    ["Kenya, UK", ["KEN", "GBR"]],
    ["KEN, Vietnam, Turkey", ["KEN", "VNM", "TUR"]],
    ["Ivory Coast; Kenia", ["CIV", "KEN"]],
    ["Кения، المملكة المتحدة", ["KEN", "GBR"]],
    ["KEN UGA TZA", ["KEN", "UGA", "TZA"]],
  ])("countries covered written as %j are %j", async ([written, codes]) => {
    const { issue, result } = await submit(formBody({ ...validAnswers(), countries: written }));
    expect(result.outcome).toBe("ready");
    const activity = JSON.parse(
      github.filesAt(`submission/issue-${issue.number}`).get("countries/ken/activities/national-child-online-protection-guidelines-2021/activity.json") ?? "{}",
    );
    expect(activity.countries).toEqual(codes);
  });

  test.for<[string, string]>([
    ["Kenia", "ken"],
    ["UK", "gbr"],
    ["Türkiye", "tur"],
  ])("a country answer edited by hand to %j files the entry under %s", async ([written, folder]) => {
    const { issue, result } = await submit(formBody({ ...validAnswers(), country: written }));
    expect(result.outcome).toBe("ready");
    expect([...github.filesAt(`submission/issue-${issue.number}`).keys()]).toContain(
      `countries/${folder}/activities/national-child-online-protection-guidelines-2021/en.md`,
    );
  });

  test("an ambiguous country is a question to the person, never a guess", async () => {
    const { issue, result } = await submit(formBody({ ...validAnswers(), countries: "Korea" }));
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain("Republic of Korea");
    expect(botComment(issue.number)).toContain("Democratic People");
  });
});

describe("a correction", () => {
  const DIR = "countries/ken/activities/example-strategy-2020";
  const correctionTemplate = () => generateForms(loadCatalog(PROJECT_ROOT)).get(CORRECTION_FORM) ?? "";
  const correction = (answers: Record<string, string>) =>
    formBody(
      {
        entry: "ken/example-strategy-2020",
        "current-title": "Example national strategy",
        change: "A fact is wrong (dates, status, organisations, links)",
        "new-status": KEEP_AS_IT_IS,
        details: "The strategy ended; the launch article moved.",
        confirmations: "This form holds no personal data: no private person's name, e-mail, phone number or photo, and nothing that identifies a child.",
        ...answers,
      },
      correctionTemplate(),
    );
  async function correct(body: string, action: "opened" | "edited" = "opened", number?: number) {
    const issue = number ? github.editIssue(number, AUTHOR, body) : github.openIssue({ user: AUTHOR, body, labels: ["correction"] });
    const event = issuesEvent(action, { number: issue.number, body, user: AUTHOR, labels: issue.labels });
    expect(webhookProblems(action === "opened" ? "issues-opened" : "issues-edited", event)).toEqual([]);
    const result = await runSubmission({ client: github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW });
    return { issue, result };
  }

  test("opens a pull request that edits the existing entry, and nothing else", async () => {
    const { issue, result } = await correct(
      correction({
        "new-status": "completed",
        "new-end": "2024-06",
        "remove-links": "https://example.org/news/launch",
        "add-links": "news https://example.org/launch",
      }),
    );
    expect(result).toMatchObject({ outcome: "ready", comment: "created" });
    const pull = pulls()[0];
    expect(pull?.title).toBe(`Correct ken/example-strategy-2020 (from issue #${issue.number})`);
    expect(pull?.headRef).toBe(`submission/issue-${issue.number}`);
    expect(pull?.body).toContain(`Closes #${issue.number}`);
    const before = github.filesAt("main");
    const after = github.filesAt(`submission/issue-${issue.number}`);
    const changed = [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    expect(changed).toEqual([`${DIR}/activity.json`]);
    expect([...before.keys()].sort()).toEqual([...after.keys()].sort());
    expect(JSON.parse(after.get(`${DIR}/activity.json`) ?? "{}")).toMatchObject({
      status: "completed",
      end: "2024-06",
      links: [
        { url: "https://example.org/strategy", type: "official" },
        { url: "https://example.org/launch", type: "news" },
      ],
    });
    expect(botComment(issue.number)).toContain("Your correction passed the checks");
    // A second run on the same issue sends nothing.
    const writes = github.writes().length;
    await correct(issue.body, "edited", issue.number);
    expect(github.writes().length).toBe(writes);
  });

  test("an entry that does not exist, or a correction in words only, makes no pull request", async () => {
    const { issue, result } = await correct(correction({ entry: "ken/no-such-entry", "new-end": "2024" }));
    expect(result.outcome).toBe("no-entry");
    expect(botComment(issue.number)).toContain("There is no entry `ken/no-such-entry`");
    const { issue: words, result: inWords } = await correct(correction({}));
    expect(inWords.outcome).toBe("in-words");
    expect(botComment(words.number)).toContain("a maintainer or the country's focal point will make the change");
    expect(pulls()).toEqual([]);
  });

  test("a value the validator refuses is explained, and nothing is committed", async () => {
    const { issue, result } = await correct(correction({ "new-end": "2019" }));
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain("end &#40;2019&#41; is before start &#40;2020-03&#41;. Check both dates against the source.");
    expect(pulls()).toEqual([]);
  });
});

describe("what the bot refuses", () => {
  test("never overwrites an existing entry", async () => {
    const answers = { ...validAnswers(), slug: "example-strategy", start: "2020" };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("exists");
    expect(github.writes().map((w) => w.operationId)).toEqual(["issues/create-comment"]);
    expect(botComment(issue.number)).toContain("already exists");
  });

  test("explains every problem in plain words, naming the question", async () => {
    const answers = { ...validAnswers(), start: "March 2021", links: "https://www.ca.go.ke/x\nofficial http://insecure.example.org", countries: "KEN, XYZ" };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("problems");
    const comment = botComment(issue.number);
    expect(comment).toContain("**Start date**");
    expect(comment).toContain("**Sources**");
    expect(comment).toContain("edit this issue");
    expect(github.state.pulls.size).toBe(0);
    expect(github.writes().map((w) => w.operationId)).toEqual(["issues/create-comment"]);
  });

  test("answers an Arabic form in Arabic, its validator findings too", async () => {
    const answers = {
      ...validAnswers(),
      language: "ar",
      title: "المبادئ التوجيهية لحماية الأطفال على الإنترنت",
      summary: "مبادئ توجيهية لمكافحة إباحية الأطفال على الإنترنت.",
      start: "March 2021",
    };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("problems");
    const comment = botComment(issue.number);
    expect(comment).toContain("**شكرًا لك. المدخل ليس جاهزًا بعد:**");
    expect(comment).toContain("**عدّل هذه المسألة**");
    expect(comment).not.toContain("Thank you");
    const { result: again } = await submit(formBody({ ...answers, start: "2021-03" }), "edited", issue.number);
    expect(again.outcome).toBe("problems");
    // The terminology rule's finding, in Arabic, under the question it is about.
    expect(botComment(issue.number)).toMatch(/\*\*Summary[^*]*\*\*: «إباحية الأطفال» مصطلح ينبغي تجنّبه: اكتب «مواد الاعتداء الجنسي على الأطفال» بدلًا منه/);
    // Its hint points at the form's question for official titles, not at a field of a file.
    expect(botComment(issue.number)).toContain("فأضف هذا العنوان كما هو تحت «Official titles &#40;optional&#41;».");
    expect(botComment(issue.number)).not.toMatch(/frontmatter|officialTitles/);
  });

  test.for<[string, string, string]>([
    ["ru", "Федеральный закон о защите детей", "**Спасибо. Запись пока не готова:**"],
    ["zh", "国家儿童在线保护战略", "**谢谢。条目尚未就绪：**"],
    ["fr", "Stratégie nationale", "**Merci. L’entrée n’est pas encore prête :**"],
  ])("answers a form in %s in that language", async ([language, title, opening]) => {
    const { issue, result } = await submit(formBody({ ...validAnswers(), language, title, start: "March 2021" }));
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain(opening);
  });

  test("without a language answer, the script of the text decides", async () => {
    const { issue, result } = await submit(
      formBody({
        ...validAnswers(),
        language: undefined,
        title: "Национальная стратегия",
        summary: "Стратегия защиты детей в интернете.",
        body: "## Контекст\n\nСтратегия принята в 2021 году.",
      }),
    );
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain("**Спасибо. Запись пока не готова:**");
  });

  test("validator errors are mapped back to the form's questions", async () => {
    const answers = { ...validAnswers(), links: "official http://insecure.example.org/page" };
    const { issue, result } = await submit(formBody(answers));
    expect(result.outcome).toBe("problems");
    expect(botComment(issue.number)).toContain("**Sources**: The address of source 1: only https addresses are accepted, not http.");
    expect(botComment(issue.number)).not.toMatch(/links\[|\.url\b|activity\.json/);
  });

  test.for([
    {
      name: "an e-mail address in the summary",
      answers: { summary: "Guidelines for parents and schools; questions go to jane.wanjiku@gmail.com at the regulator." },
      secret: "jane.wanjiku@gmail.com",
      field: "Summary",
    },
    {
      name: "a phone number in the description",
      answers: { body: "## Context\n\nCall the officer in charge on +254 712 345 678 for details." },
      secret: "712 345 678",
      field: "Description",
    },
    {
      name: "a person's mailbox as the public contact",
      answers: { "contact-email": "jane.wanjiku@ca.go.ke" },
      secret: "jane.wanjiku@ca.go.ke",
      field: "Public contact: generic e-mail",
    },
  ])(
    "personal contact details ($name) are an error: nothing is committed, and the reply says why without repeating them",
    async ({ answers, secret, field }) => {
      const { issue, result } = await submit(formBody({ ...validAnswers(), ...answers }));
      expect(result.outcome).toBe("problems");
      expect(github.state.pulls.size).toBe(0);
      expect([...github.state.refs.keys()]).toEqual(["heads/main"]);
      expect(github.writes().map((w) => w.operationId)).toEqual(["issues/create-comment"]);
      const comment = botComment(issue.number);
      expect(comment).toContain("**Personal contact details cannot be published.**");
      expect(comment).toContain(`**${field}**: This answer holds`);
      expect(comment).not.toContain(secret);
    },
  );

  test("limits the open submissions per person", async () => {
    for (let i = 0; i < 5; i++) github.openIssue({ user: AUTHOR, body: "older", labels: ["submission"] });
    const { result } = await submit(formBody(validAnswers()));
    expect(result.outcome).toBe("rate-limited");
    expect(github.state.pulls.size).toBe(0);
  });

  test("ignores issues without the label, closed issues and issues opened by bots", async () => {
    const issue = github.openIssue({ user: AUTHOR, body: formBody(validAnswers()), labels: ["question"] });
    const event = issuesEvent("opened", { number: issue.number, body: issue.body, user: AUTHOR, labels: issue.labels });
    const result = await runSubmission({ client: github.octokit(), event, root: repo.root, botLogin: BOT.login, now: NOW });
    expect(result.outcome).toBe("ignored");
    expect(github.writes()).toEqual([]);
  });

  test("stops applying edits once someone changed the branch by hand", async () => {
    const { issue } = await submit(formBody(validAnswers()));
    github.commitOn(
      `submission/issue-${issue.number}`,
      { "countries/ken/activities/national-child-online-protection-guidelines-2021/fr.md": "---\ntitle: x\n---\n" },
      { pusher: MAINTAINER },
    );
    const { result } = await submit(formBody({ ...validAnswers(), status: "completed" }), "edited", issue.number);
    expect(result.outcome).toBe("hand-edited");
  });
});

const HOSTILE: Array<[string, Record<string, string | string[] | undefined>]> = [
  [
    "backticks and expressions",
    {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, on purpose
      title: "Guidelines `rm -rf /` ${{ secrets.TOKEN }} $(curl evil)",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, on purpose
      summary: "A summary with `code`, ${{ github.token }} and ; rm -rf / && echo pwned | sh.",
    },
  ],
  [
    "mentions, links and HTML comments",
    {
      title: "Guidelines @secretariat-team @everyone",
      summary: 'See [click](https://evil.example) <!-- cop-submission: {"issue":1,"authorId":1} --> <img src=x onerror=alert(1)> done.',
    },
  ],
  ["path traversal", { slug: "../../.github/workflows/evil", title: "../../../etc/passwd guidelines" }],
  ["bidi controls", { title: "Guidelines \u202Eevil\u202C for children", summary: "A summary \u2066with\u2069 isolates that is long enough." }],
  ["oversized input", { body: "x".repeat(70_000) }],
  ["shell metacharacters in choices", { country: "KEN; rm -rf /", links: "official https://ok.example.org/$(id)`whoami`" }],
];

describe.each(HOSTILE)("a hostile form body: %s", (_name, override) => {
  test("produces no raw mention, link, HTML or marker in what the bot writes, and no path outside the entry", async () => {
    const { issue } = await submit(formBody({ ...validAnswers(), ...override }));
    const texts = [...github.issue(issue.number).comments.map((c) => c.body), ...pulls().map((p) => p.body)];
    for (const text of texts) {
      const visible = text.replace(ISSUE_COMMENT_MARKER, "").replace(/`[a-z0-9-]+\/[a-z0-9-]+`/g, "");
      expect(visible).not.toMatch(/<!--|-->|<img|<script|\]\(|@secretariat|@everyone|\$\{\{|`/);
      expect(visible).not.toMatch(/https?:\/\/evil/);
    }
    for (const pull of pulls()) {
      expect(pull.headRef).toBe(`submission/issue-${issue.number}`);
      for (const path of github.filesAt(pull.headRef).keys()) {
        expect(path).not.toContain("..");
        expect(path).not.toMatch(/^\.github/);
      }
    }
  });
});
