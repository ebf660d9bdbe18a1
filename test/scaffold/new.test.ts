import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { deriveSlug, readKeyOrder, renderActivityJson } from "../../scripts/lib/scaffold/entry.ts";
import { validateRepository } from "../../scripts/lib/validate/index.ts";
import { makeRepo, PROJECT_ROOT, type TempRepo } from "../support/repo.ts";

const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const CLI = join(PROJECT_ROOT, "scripts", "cli", "new.ts");
const FLAGS = [
  "--country",
  "rwa",
  "--kind",
  "activity",
  "--type",
  "helpline",
  "--status",
  "active",
  "--start",
  "2020-06",
  "--title",
  "Child helpline 116",
  "--summary",
  "A free helpline for children, open day and night.",
  "--link",
  "https://www.example.org/helpline",
  "--link",
  "https://www.example.org/news/helpline",
  "--link-type",
  "official",
  "--link-type",
  "news",
  "--audience",
  "children",
  "--topic",
  "cyberbullying",
];

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo({});
});
afterEach(() => repo.cleanup());

function run(args: string[]) {
  return spawnSync(TSX, [CLI, "--root", repo.root, ...args], { encoding: "utf8", cwd: repo.root, stdio: ["ignore", "pipe", "pipe"] });
}

function errorsOf(root: string) {
  return validateRepository({ root }).diagnostics.filter((diagnostic) => diagnostic.severity === "error");
}

test.for([
  ["National COP Policy", "2019", "national-cop-policy-2019"],
  ["Loi n° 2016-03 relative à la protection de l'enfant", "2016", "loi-n-2016-03-relative-a-la-protection-de-l-enfant-2016"],
  ["Strategy 2019", "2019", "strategy-2019"],
  ["../../etc/passwd", "2020", "etc-passwd-2020"],
  // A title in any of the six languages gives a readable Latin name, never a bare year or number.
  ["قانون حقوق الطفل 2023", "2023", "qanwn-hqwq-altfl-2023"],
  ["قانون حقوق الطفل", "2016", "qanwn-hqwq-altfl-2016"],
  ["国家儿童在线保护战略", "2021", "guo-jia-er-tong-zai-xian-bao-hu-zhan-lue-2021"],
  ["银行业未成年人保护指引", "2022", "yin-hang-ye-wei-cheng-nian-ren-bao-hu-zhi-yin-2022"],
  ["Федеральный закон № 436-ФЗ «О защите детей от информации»", "2010", "federalniy-zakon-no-436-fz-o-zaschite-detey-ot-informatsii-2010"],
  ["Стратегия национальной безопасности", "2021", "strategiya-natsionalnoy-bezopasnosti-2021"],
  ["Қазақстан балалары", "2022", "qazaqstan-balalary-2022"],
  ["Estrategia Nacional de Ciberseguridad", "2019", "estrategia-nacional-de-ciberseguridad-2019"],
  ["Stratégie nationale pour la protection de l'enfance en ligne", "2022", "strategie-nationale-pour-la-protection-de-l-enfance-en-ligne-2022"],
  // Nothing to read: the caller asks for a short name.
  ["2023", "2023", ""],
  ["№ 436-ФЗ", "2010", ""],
  ["٢٠٢٣", "2023", ""],
] as const)("deriveSlug(%s, %s) → %s", ([title, year, slug]) => {
  expect(deriveSlug(title, year)).toBe(slug);
});

test("activity.json keys follow the schema's order, nested objects too", () => {
  const text = renderActivityJson(
    { links: [{ type: "official", url: "https://x.example.org" }], originalLanguage: "en", kind: "activity", start: "2020" },
    readKeyOrder(PROJECT_ROOT),
  );
  expect(Object.keys(JSON.parse(text))).toEqual(["kind", "start", "links", "originalLanguage"]);
  expect(text).toContain('"url": "https://x.example.org",\n      "type": "official"');
});

describe("npm run new with flags", () => {
  test("writes an entry and the country's profile that pass the validator", () => {
    const result = run(FLAGS);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const dir = join(repo.root, "countries/rwa/activities/child-helpline-116-2020");
    expect(JSON.parse(readFileSync(join(dir, "activity.json"), "utf8"))).toEqual({
      kind: "activity",
      type: "helpline",
      level: "national",
      status: "active",
      start: "2020-06",
      audiences: ["children"],
      topics: ["cyberbullying"],
      links: [
        { url: "https://www.example.org/helpline", type: "official" },
        { url: "https://www.example.org/news/helpline", type: "news" },
      ],
      originalLanguage: "en",
      provenance: { compiledBy: "contributor" },
    });
    expect(JSON.parse(readFileSync(join(repo.root, "countries/rwa/country.json"), "utf8"))).toEqual({ region: "africa", reviewers: [] });
    expect(errorsOf(repo.root)).toEqual([]);
  });

  test("refuses to overwrite anything", () => {
    expect(run(FLAGS).status).toBe(0);
    const before = readFileSync(join(repo.root, "countries/rwa/activities/child-helpline-116-2020/en.md"), "utf8");
    const again = run([...FLAGS.slice(0, -4), "--summary", "Another summary that would replace the first one."]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(again.stderr).toContain("never overwrites");
    expect(readFileSync(join(repo.root, "countries/rwa/activities/child-helpline-116-2020/en.md"), "utf8")).toBe(before);
  });

  test("keeps an existing country profile and reports every problem with the flags", () => {
    repo.write("countries/rwa/country.json", '{\n  "region": "africa",\n  "reviewers": [{ "login": "someone", "id": 1 }]\n}\n');
    const bad = run(["--country", "rwx", "--kind", "activty", "--start", "June 2020", "--link", "http://insecure.example.org"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"rwx" is not a country we know; did you mean "rwa" (Rwanda)?');
    expect(bad.stderr).toContain('"activty" is not a kind of entry; did you mean "activity"?');
    expect(bad.stderr).toContain("--title is required.");
    expect(bad.stderr).toContain('"http://insecure.example.org" is not a public https:// address.');
    expect(existsSync(join(repo.root, "countries/rwa/activities"))).toBe(false);
    expect(run(FLAGS).status).toBe(0);
    expect(readFileSync(join(repo.root, "countries/rwa/country.json"), "utf8")).toContain("someone");
  });

  test("--help prints the usage", () => {
    const result = run(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: npm run new");
    expect(result.stdout).toContain("--link-type");
  });
});

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Drives a command in a pseudo-terminal (util-linux `script`): waits for each prompt, then types. */
class Terminal {
  output = "";
  #seen = 0;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(command: string, cwd: string) {
    this.child = spawn("script", ["-qfec", command, "/dev/null"], { cwd, env: { ...process.env, TERM: "xterm-256color", COLUMNS: "120", LINES: "40" } });
    this.child.stdout?.on("data", (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
    });
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** Waits until the output after the last answer shows `text`, then types `keys`. */
  async answer(text: string, keys: string): Promise<void> {
    const deadline = Date.now() + 300_000;
    while (!plain(this.output.slice(this.#seen)).includes(text)) {
      if (Date.now() > deadline) throw new Error(`no prompt "${text}" in:\n${plain(this.output)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.#seen = this.output.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const key of keys.match(/\x1b\[[A-D]|\r|./gsu) ?? []) {
      this.child.stdin?.write(key);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
}

function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

describe.skipIf(!hasScript)("npm run new in a terminal", () => {
  test("asks for each required answer and writes an entry that validates", async () => {
    const terminal = new Terminal(`${TSX} ${CLI}`, repo.root);
    await terminal.answer("Country", "Rwanda");
    await terminal.answer("Rwanda (RWA)", "\r");
    await terminal.answer("Kind of entry", "\r");
    await terminal.answer("Type of activity", "\x1b[B\r"); // the second type: policy or strategy
    await terminal.answer("Level", "\r");
    await terminal.answer("Status", "\r");
    await terminal.answer("Start date", "2019-06\r");
    await terminal.answer("Language of the text", "\r");
    await terminal.answer("Who compiles this entry", "\r");
    await terminal.answer("Title", "National Child Online Protection Strategy\r");
    await terminal.answer("Summary", "The national strategy that coordinates child online protection.\r");
    await terminal.answer("A public source", "https://www.example.org/strategy\r");
    await terminal.answer("What is this source?", "\r");
    await terminal.answer("Entry name", "\r");
    const code = await terminal.exited;
    expect(plain(terminal.output)).toContain("Created rwa/national-child-online-protection-strategy-2019");
    expect(code).toBe(0);
    const activity = JSON.parse(readFileSync(join(repo.root, "countries/rwa/activities/national-child-online-protection-strategy-2019/activity.json"), "utf8"));
    expect(activity).toMatchObject({
      kind: "activity",
      type: "policy-strategy",
      level: "national",
      status: "active",
      start: "2019-06",
      originalLanguage: "en",
      provenance: { compiledBy: "contributor" },
    });
    expect(errorsOf(repo.root)).toEqual([]);
  });
});
