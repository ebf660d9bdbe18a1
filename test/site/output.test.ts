import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSiteConfig } from "../../scripts/lib/model/config.ts";
import { BuildInterrupted, buildSite, defaultManifestPath, shardOf } from "../../scripts/lib/site/build.ts";
import { SiteOutput } from "../../scripts/lib/site/output.ts";
import { PROJECT_ROOT, type TempRepo } from "../support/repo.ts";
import { makeSyntheticRepo, ownerDir, SPECS } from "./support/dataset.ts";
import { snapshot, treeDifferences } from "./support/tree.ts";

// The output, the atomic swap and the split build, on the small synthetic dataset without git history.
const config = { ...resolveSiteConfig({ COP_ATLAS_REPOSITORY_URL: "https://github.com/example/cop-atlas" }, new Date("2025-12-31T00:00:00Z")), pageSize: 2 };
const history = { available: false, shallow: false, changes: [] };
const LANGS = ["ar", "zh", "en", "fr", "ru", "es"] as const;

let repo: TempRepo;
let scratch: string;
const build = (outDir: string, extra: Partial<Parameters<typeof buildSite>[0]> = {}) =>
  buildSite({ root: repo.root, outDir, config, history, search: false, ...extra });
/** What a build leaves beside its output when it stops: it must never stay. */
const leftovers = (outDir: string) => readdirSync(dirname(outDir)).filter((name) => name.startsWith(`.${basename(outDir)}.`));

beforeAll(() => {
  repo = makeSyntheticRepo(false);
  scratch = mkdtempSync(join(tmpdir(), "cop-atlas-output-"));
});

afterAll(() => {
  repo?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the output is replaced as a whole, or not at all", () => {
  test("a write that fails half-way leaves the last site untouched, says which file and why, and leaves nothing beside it", async () => {
    const out = join(scratch, "write-error");
    await build(out);
    const before = snapshot(out);
    let writes = 0;
    const failing = {
      writeFile: (path: string, content: string | Uint8Array) => {
        if (++writes === 40) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        writeFileSync(path, content);
      },
    };
    // --full: every file is written, so the failure comes half-way through.
    await expect(build(out, { full: true, fs: failing })).rejects.toThrow(/could not write \S+ \(no space left on the disk, ENOSPC\)/);
    expect(writes).toBe(40);
    expect(treeDifferences(before, snapshot(out))).toEqual([]);
    expect(leftovers(out)).toEqual([]);
  });

  test("a stopped build (Ctrl+C) throws BuildInterrupted and leaves the last site untouched", async () => {
    const out = join(scratch, "interrupted");
    await build(out);
    const before = snapshot(out);
    const controller = new AbortController();
    const stopping = build(out, {
      full: true,
      signal: controller.signal,
      onProgress: (phase) => {
        if (phase === "pages") controller.abort();
      },
    });
    await expect(stopping).rejects.toBeInstanceOf(BuildInterrupted);
    expect(treeDifferences(before, snapshot(out))).toEqual([]);
    expect(leftovers(out)).toEqual([]);
  });

  test("a first build that fails leaves no output folder at all", async () => {
    const out = join(scratch, "never-built");
    const failing = {
      writeFile: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    };
    await expect(build(out, { fs: failing })).rejects.toThrow(/permission denied, EACCES/);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });

  test("what an interrupted build left beside the output (killed before it could clean up) is discarded by the next", async () => {
    const out = join(scratch, "killed");
    await build(out);
    const staging = join(scratch, ".killed.partial");
    // A half-written staging folder, as a kill -9 would leave it.
    mkdirSync(join(staging, "en"), { recursive: true });
    writeFileSync(join(staging, "en", "index.html"), "half");
    const result = await build(out);
    expect(result.ok).toBe(true);
    expect(leftovers(out)).toEqual([]);
    expect(readFileSync(join(out, "en", "index.html"), "utf8")).toContain("<!doctype html>");
  });

  // Root reads any file whatever its mode, so an unreadable file can only be made by another user.
  test.skipIf(process.getuid?.() === 0)("an unreadable data file stops the build with its name, and the last site stays", async () => {
    const out = join(scratch, "unreadable");
    await build(out);
    const before = snapshot(out);
    const file = join(repo.root, "countries/ken/activities/helpline-2018/activity.json");
    chmodSync(file, 0o000);
    try {
      await expect(build(out)).rejects.toThrow(/helpline-2018\/activity\.json/);
    } finally {
      chmodSync(file, 0o644);
    }
    expect(treeDifferences(before, snapshot(out))).toEqual([]);
  });

  // The same on the test machines, which run as root: the command runs as nobody, who cannot read a file of mode 000.
  test.runIf(process.getuid?.() === 0)("npm run build, run by a user who cannot read a data file, exits with 2 naming it, and the last site stays", () => {
    const folder = mkdtempSync(join(tmpdir(), "cop-atlas-unreadable-"));
    try {
      cpSync(repo.root, join(folder, "repo"), { recursive: true });
      const out = join(folder, "dist");
      chmodSync(folder, 0o777);
      spawnSync("chmod", ["-R", "a+rwX", folder]);
      const asNobody = () =>
        spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "scripts/cli/build.ts"), "--out", out, "--no-search"], {
          cwd: join(folder, "repo"),
          encoding: "utf8",
          uid: 65534,
          gid: 65534,
          env: { ...process.env, SOURCE_DATE_EPOCH: "1767139200", HOME: folder },
        });
      expect(asNobody().status).toBe(0);
      const before = snapshot(out);
      chmodSync(join(folder, "repo/countries/ken/activities/helpline-2018/activity.json"), 0o000);
      const run = asNobody();
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("countries/ken/activities/helpline-2018/activity.json");
      expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(
        "build: could not read 1 file (see the readable findings above): the check is incomplete, so the site was not built and the output was left as it was.",
      );
      expect(treeDifferences(before, snapshot(out))).toEqual([]);
      expect(readdirSync(folder).filter((name) => name.startsWith(".dist."))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test("npm run build exits with 2 and one clear line when the output cannot be made, and leaves nothing", () => {
    const blocker = join(scratch, "a-file");
    writeFileSync(blocker, "not a folder");
    const run = spawnSync(
      join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
      [join(PROJECT_ROOT, "scripts/cli/build.ts"), "--out", join(blocker, "dist"), "--no-search"],
      {
        cwd: repo.root,
        encoding: "utf8",
        env: { ...process.env, SOURCE_DATE_EPOCH: "1767139200" },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^build: could not prepare the output beside .*a-file\/dist \(a file is in the way, ENOTDIR\); the output was left as it was\n$/,
    );
    expect(readFileSync(blocker, "utf8")).toBe("not a folder");
  });
});

describe("a build that patches the last output in place", () => {
  const edit = (text: string) => {
    const file = "countries/ken/activities/helpline-2018/en.md";
    repo.write(file, `${readFileSync(join(repo.root, file), "utf8")}\n${text}\n`);
  };

  test("touches only the files that changed and leaves nothing beside the output", async () => {
    const out = join(scratch, "patch");
    await build(out);
    const before = snapshot(out);
    edit("Patched once.");
    const result = await build(out);
    const after = snapshot(out);
    const rewrittenPaths = [...after].filter(([path, state]) => before.get(path)?.mtime !== state.mtime).map(([path]) => path);
    expect(result.written).toBe(rewrittenPaths.length);
    expect(rewrittenPaths).toContain("en/countries/ken/activities/helpline-2018/index.html");
    expect(leftovers(out)).toEqual([]);
  });

  test("that fails after moving pages in (the search indexer fails) puts the last site back, byte for byte", async () => {
    const out = join(scratch, "patch-fails");
    await build(out);
    const before = snapshot(out);
    edit("Patched, then failed.");
    const saved = process.env.PAGEFIND_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = "/bin/false";
    try {
      await expect(build(out, { search: true })).rejects.toThrow(/search indexer \(Pagefind\) failed with exit code 1/);
    } finally {
      if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = saved;
    }
    const after = snapshot(out);
    expect(treeDifferences(before, after)).toEqual([]);
    // Put back, not rewritten: the same files with their modification times.
    expect([...after].filter(([path, state]) => before.get(path)?.mtime !== state.mtime)).toEqual([]);
    expect(leftovers(out)).toEqual([]);
  });

  test("killed half-way through its moves, is rolled back by the next build, which then makes the cold build's site", async () => {
    const out = join(scratch, "patch-killed");
    await build(out);
    const before = snapshot(out);
    // A patch as a build makes it, stopped after its moves without cleaning up, as kill -9 would.
    const killed = new SiteOutput({ outDir: out, manifestPath: defaultManifestPath(repo.root, out) });
    expect(killed.patching).toBe(true);
    killed.write("en/index.html", "<!doctype html><p>half a new site</p>");
    killed.write("en/new-page/index.html", "<!doctype html><p>a page the last site did not have</p>");
    expect(killed.siteSoFar()).toBe(out);
    expect(readFileSync(join(out, "en/index.html"), "utf8")).toContain("half a new site");
    expect(leftovers(out).sort()).toEqual([".patch-killed.journal", ".patch-killed.old", ".patch-killed.partial"]);

    // The next build first puts the last site back...
    new SiteOutput({ outDir: out, manifestPath: defaultManifestPath(repo.root, out) }).abort();
    expect(treeDifferences(before, snapshot(out))).toEqual([]);
    expect(existsSync(join(out, "en/new-page"))).toBe(false);
    // ...and then builds as usual.
    edit("Patched after a kill.");
    await build(out);
    await build(join(scratch, "patch-killed-cold"), { full: true });
    expect(treeDifferences(snapshot(join(scratch, "patch-killed-cold")), snapshot(out))).toEqual([]);
    expect(leftovers(out)).toEqual([]);
  });
});

describe("--shard i/n", () => {
  test("the parts together are the whole site: the same files with the same bytes, each entry page in exactly one part", async () => {
    await build(join(scratch, "whole"));
    const whole = snapshot(join(scratch, "whole"));
    const parts = [];
    for (const index of [1, 2, 3]) {
      const out = join(scratch, `part-${index}`);
      const result = await build(out, { shard: { index, count: 3 } });
      expect(result.ok).toBe(true);
      parts.push(snapshot(out));
    }
    const merged = new Map(parts.flatMap((part) => [...part]));
    expect(treeDifferences(whole, merged)).toEqual([]);
    const entryPage = /^[a-z]{2}\/(countries|organizations)\/[^/]+\/activities\/[^/]+\/index\.html$/;
    for (const path of whole.keys()) {
      const holders = parts.filter((part) => part.has(path)).length;
      expect(holders, path).toBe(1);
      if (!entryPage.test(path)) expect(parts[0]!.has(path), path).toBe(true);
    }
    // Each owner's entry pages are in the part its folder hashes to.
    for (const spec of SPECS) {
      const owner = ownerDir(spec.owner);
      const part = parts[shardOf(owner, 3)]!;
      for (const lang of LANGS) expect(part.has(`${lang}/${owner}/activities/${spec.slug}/index.html`), `${spec.slug} ${lang}`).toBe(true);
    }
  });
});

describe("entry pages in a language without a text", () => {
  test("carry the localised facts and the original's summary, link to the full text, and are not indexed for search", async () => {
    const out = join(scratch, "fallback");
    await build(out);
    // school-workshops-2019 is written in French and translated into English only.
    const ru = readFileSync(join(out, "ru/countries/fra/activities/school-workshops-2019/index.html"), "utf8");
    const fr = readFileSync(join(out, "fr/countries/fra/activities/school-workshops-2019/index.html"), "utf8");
    expect(ru).toContain('<h1 lang="fr" dir="ltr">Ateliers dans les écoles</h1>');
    expect(ru).toContain('href="../../../../../fr/countries/fra/activities/school-workshops-2019/index.html" hreflang="fr"');
    expect(ru).toContain('<h2 id="facts-heading">');
    expect(ru).not.toContain('class="narrative"');
    expect(ru).not.toContain("data-pagefind-body");
    expect(fr).toContain('class="narrative"');
    expect(fr).toContain("data-pagefind-body");
    const text = /<div class="narrative">([\s\S]*?)<\/div>/.exec(fr)?.[1] ?? "";
    expect(text.length).toBeGreaterThan(20);
    expect(ru).not.toContain(text.trim());
  });

  test("an original outside the six languages is carried in full by the English page", async () => {
    const out = join(scratch, "fallback");
    // reporting-portal-2016 is written in Portuguese.
    const en = readFileSync(join(out, "en/countries/bra/activities/reporting-portal-2016/index.html"), "utf8");
    const zh = readFileSync(join(out, "zh/countries/bra/activities/reporting-portal-2016/index.html"), "utf8");
    expect(en).toContain('<div class="narrative" lang="pt" dir="ltr">');
    expect(en).toContain("data-pagefind-body");
    expect(zh).not.toContain('class="narrative"');
    expect(zh).toContain('href="../../../../../en/countries/bra/activities/reporting-portal-2016/index.html" hreflang="en"');
  });
});
