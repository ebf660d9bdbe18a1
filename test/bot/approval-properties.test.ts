/**
 * Property tests of the approval rules (fixed seeds, so a failure replays the same case):
 * - the pure decision never grants an approval that an independent reading of the rules does
 *   not (thousands of generated pull requests);
 * - no sequence of events from people who are not designated reviewers, replayed on the fake
 *   GitHub and read back by the real bot, ever makes a pull request approved, green or merged.
 */
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { runReviewBot } from "../../scripts/lib/bot/entry/action.ts";
import { decide } from "../../scripts/lib/bot/policy/decide.ts";
import { APPROVAL_CONTEXT, STATUS_MARKER } from "../../scripts/lib/bot/sticky.ts";
import type { Account, PrFacts, ReviewFact } from "../../scripts/lib/bot/types.ts";
import { workflowDispatch } from "../support/fake-github/events.ts";
import { type FakeUser, preloadGitHubDescriptions } from "../support/fake-github/index.ts";
import { alice, BASE, bob, bot, carol, dave, HEAD, makeConfig, makeFacts, mallory, OLD_HEAD, sam, withEuEntry } from "./facts-builder.ts";
import { config as configText, createScenario, type Scenario } from "./scenario.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const helperBot: Account = { id: 555, login: "helper-app[bot]", type: "Bot" };
const kim: Account = { id: 104, login: "kim", type: "User" };
const ACCOUNTS = [alice, bob, carol, dave, sam, mallory, kim, helperBot, bot];

describe("the decision never grants an approval the rules do not", () => {
  const account = fc.constantFrom(...ACCOUNTS);
  const reviewArb = fc.record({
    user: fc.option(account, { nil: null, freq: 8 }),
    state: fc.constantFrom("APPROVED", "APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"),
    commitId: fc.constantFrom(HEAD, HEAD, OLD_HEAD, BASE),
    minute: fc.integer({ min: 0, max: 59 }),
  });
  const factsArb = fc.record({
    author: account,
    headRef: fc.constantFrom("rwa-helpline", "submission/issue-12", "submission/issue-0", "submission/issue-12x"),
    fork: fc.boolean(),
    submission: fc.option(fc.record({ author: account, editors: fc.subarray(ACCOUNTS), editsComplete: fc.boolean() }), { nil: null }),
    commitAccounts: fc.array(fc.record({ account, role: fc.constantFrom("author" as const, "committer" as const) }), { maxLength: 4 }),
    commitsComplete: fc.boolean(),
    pushers: fc.subarray(ACCOUNTS, { maxLength: 3 }),
    pushesComplete: fc.boolean(),
    reviews: fc.array(reviewArb, { maxLength: 8 }),
    eu: fc.boolean(),
    governance: fc.boolean(),
    profileAddsReviewer: fc.option(account, { nil: null }),
  });

  type Generated = typeof factsArb extends fc.Arbitrary<infer T> ? T : never;

  function build(g: Generated): PrFacts {
    return makeFacts((f) => {
      f.pr.author = g.author;
      f.pr.headRef = g.headRef;
      f.pr.headRepo = g.fork ? { owner: "dave", name: "atlas" } : { owner: "cop-atlas", name: "atlas" };
      f.contributors = {
        submission: g.submission ? { issue: 12, ...g.submission } : null,
        commitAccounts: g.commitAccounts,
        commitsComplete: g.commitsComplete,
        pushers: g.pushers,
        pushesComplete: g.pushesComplete,
      };
      f.reviews = g.reviews.map(
        (r, i): ReviewFact => ({
          id: 1000 + i,
          user: r.user,
          state: r.state,
          commitId: r.commitId,
          submittedAt: `2025-03-01T10:${String(r.minute).padStart(2, "0")}:00Z`,
        }),
      );
      if (g.eu) withEuEntry(f);
      if (g.governance) f.files.push({ path: ".github/workflows/validate.yml", status: "modified" });
      if (g.profileAddsReviewer) {
        // The pull request adds someone to Rwanda's reviewers: trust still comes from the default branch.
        f.files.push({ path: "countries/rwa/country.json", status: "modified" });
        const rwa = f.profiles["country:rwa"];
        if (rwa?.base.status === "ok")
          rwa.head = {
            status: "ok",
            reviewers: [...rwa.base.reviewers, { login: g.profileAddsReviewer.login, id: g.profileAddsReviewer.id }],
            regions: ["africa"],
          };
      }
      f.pr.changedFiles = f.files.length;
    });
  }

  /** The rules, read independently of the implementation: who may approve for a set of designated ids. */
  function oracle(facts: PrFacts) {
    const configBot = makeConfig().botLogin;
    const ownBot = (a: Account) => a.type === "Bot" && a.login === configBot;
    const excluded = new Set<number>([facts.pr.author.id]);
    const sub = facts.contributors.submission;
    if (sub) for (const a of [sub.author, ...sub.editors]) excluded.add(a.id);
    for (const { account: a } of facts.contributors.commitAccounts) if (!ownBot(a)) excluded.add(a.id);
    for (const a of facts.contributors.pushers) if (!ownBot(a)) excluded.add(a.id);
    const latest = new Map<number, ReviewFact>();
    for (const r of [...facts.reviews].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id)) {
      if (r.user && r.state !== "COMMENTED" && r.state !== "PENDING") latest.set(r.user.id, r);
    }
    const mayApprove = (id: number, designated: readonly { id: number }[]) => {
      const r = latest.get(id);
      return (
        designated.some((d) => d.id === id) &&
        r !== undefined &&
        r.state === "APPROVED" &&
        r.commitId === facts.pr.headSha &&
        r.user !== null &&
        r.user.type !== "Bot" &&
        !r.user.login.endsWith("[bot]") &&
        !excluded.has(id)
      );
    };
    return { mayApprove };
  }

  test("for thousands of generated pull requests", () => {
    const config = makeConfig();
    fc.assert(
      fc.property(factsArb, (g) => {
        const facts = build(g);
        const decision = decide(facts, config, NOW);
        const { mayApprove } = oracle(facts);
        for (const unit of decision.units) {
          const designated = unit.bySecretariat ? config.secretariatMembers : unit.designated;
          for (const approver of unit.tally.approvedBy) expect(mayApprove(approver.id, designated)).toBe(true);
        }
        for (const approver of decision.governance?.tally.approvedBy ?? []) expect(mayApprove(approver.id, config.secretariatMembers)).toBe(true);
        if (decision.verdict === "approved") {
          expect(decision.units.every((u) => u.tally.approvedBy.length > 0)).toBe(true);
          expect(decision.governance === null || decision.governance.tally.approvedBy.length > 0).toBe(true);
          // Only from complete facts.
          const c = facts.contributors;
          expect(c.commitsComplete && c.pushesComplete && (c.submission?.editsComplete ?? true)).toBe(true);
          // A pull request the bot opened is approved only when its submitter is known from the issue.
          if (facts.pr.author.id === bot.id) expect(c.submission !== null && /^submission\/issue-[1-9]\d*$/.test(facts.pr.headRef) && !g.fork).toBe(true);
        }
      }),
      { seed: 20250301, numRuns: 3000 },
    );
  });
});

describe("no sequence of events from people who are not designated reviewers yields approval", () => {
  beforeAll(preloadGitHubDescriptions);
  const scenarios: Scenario[] = [];
  afterEach(() => {
    for (const s of scenarios.splice(0)) expect(s.github.violations).toEqual([]);
  });

  type Actor = "dave" | "mallory" | "kim" | "carol" | "helper";
  type Event =
    | { kind: "review"; actor: Actor; state: "APPROVED" | "COMMENTED" | "CHANGES_REQUESTED"; old: boolean }
    | { kind: "comment"; actor: Actor }
    | { kind: "status"; actor: Actor }
    | { kind: "forge-description"; as: "alice" | "bob" | "sam" }
    | { kind: "push"; actor: Actor; addsSelfAsReviewer: boolean }
    | { kind: "run-bot" };

  const actor = fc.constantFrom<Actor>("dave", "mallory", "kim", "carol", "helper");
  const event: fc.Arbitrary<Event> = fc.oneof(
    fc.record({
      kind: fc.constant("review" as const),
      actor,
      state: fc.constantFrom("APPROVED" as const, "COMMENTED" as const, "CHANGES_REQUESTED" as const),
      old: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("comment" as const), actor }),
    fc.record({ kind: fc.constant("status" as const), actor }),
    fc.record({ kind: fc.constant("forge-description" as const), as: fc.constantFrom("alice" as const, "bob" as const, "sam" as const) }),
    fc.record({ kind: fc.constant("push" as const), actor, addsSelfAsReviewer: fc.boolean() }),
    fc.constant({ kind: "run-bot" as const }),
  );

  async function runBot(s: Scenario) {
    const report = await runReviewBot(
      s.github.octokit(),
      {
        eventName: "workflow_dispatch",
        event: workflowDispatch(s.github, { pr: "7" }),
        repository: "cop-atlas/atlas",
        serverUrl: "https://github.com",
        artifactDir: null,
      },
      { now: NOW },
    );
    return report.outcomes[0];
  }

  test("replayed on the fake GitHub and read back by the bot", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), async (events) => {
        const s = createScenario({ config: configText({ autoMerge: true }) });
        scenarios.push(s);
        const users: Record<Actor, FakeUser> = { ...s.users, kim: s.github.user("kim", 104) };
        let files = s.headFiles;
        let version = 0;
        s.github.run({ headSha: s.headSha, headBranch: "rwa-helpline", headOwner: "dave" });
        for (const e of events) {
          const pull = s.github.pull(7);
          if (e.kind === "review") s.github.review(7, users[e.actor], e.state, e.old ? s.baseSha : pull.headSha);
          else if (e.kind === "comment") s.github.comment(7, users[e.actor], `${STATUS_MARKER}\n✅ **Approved.** merge away`);
          else if (e.kind === "status") s.github.status(pull.headSha, users[e.actor], "success", APPROVAL_CONTEXT, "Approved");
          else if (e.kind === "forge-description") pull.body = `<!-- cop-submission: {"issue": 1, "authorId": ${s.users[e.as].id}} -->`;
          else if (e.kind === "push") {
            version++;
            const me = users[e.actor];
            files = {
              ...files,
              "countries/rwa/activities/child-helpline-116/en.md": `${files["countries/rwa/activities/child-helpline-116/en.md"]}\nEdit ${version}.\n`,
              ...(e.addsSelfAsReviewer
                ? { "countries/rwa/country.json": JSON.stringify({ region: "africa", reviewers: [{ login: me.login, id: me.id }] }) }
                : {}),
            };
            const next = s.github.commit(files, { parents: [pull.headSha], author: me });
            s.github.push(7, next, me);
            s.github.run({ headSha: next, headBranch: "rwa-helpline", headOwner: "dave" });
          } else {
            await runBot(s);
          }
        }
        const outcome = await runBot(s);
        const head = s.github.pull(7).headSha;
        expect(outcome?.verdict).not.toBe("approved");
        const own = s.github.statusesOf(head, APPROVAL_CONTEXT).filter((x) => x.creator === "cop-atlas-bot[bot]");
        expect(own.at(-1)?.state).not.toBe("success");
        expect(s.github.state.merges).toEqual([]);
      }),
      { seed: 7, numRuns: 20 },
    );
  }, 600_000);
});
