import { defineConfig } from "vitest/config";

/**
 * Test files whose worker keeps its modules from one file to the next (isolate: false): each of
 * these files otherwise paid for transforming and importing the same library and for loading the
 * same descriptions again (GitHub's REST, GraphQL and webhook descriptions, the schema catalog),
 * which was half of their CPU time. They mutate no global that another file reads; every other
 * file keeps a fresh module graph of its own.
 */
const SHARED_MODULES = ["test/bot/**/*.test.ts", "test/submission/**/*.test.ts", "test/github/**/*.test.ts", "test/links/**/*.test.ts"];

export default defineConfig({
  test: {
    setupFiles: ["test/setup/no-network.ts"],
    // A guard against hangs only: many tests start the real CLIs or build whole repositories,
    // and on a loaded two-core machine that can take minutes. No test may fail because the
    // machine is busy.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll gave up after one second: a busy browser had not rendered yet. Also a guard only.
    expect: { poll: { timeout: 120_000 } },
    pool: "forks",
    projects: [
      { extends: true, test: { name: "shared-modules", include: SHARED_MODULES, isolate: false } },
      // Each project names its own files: a project's include adds to the root's, it does not replace it.
      { extends: true, test: { name: "isolated", include: ["test/**/*.test.ts"], exclude: SHARED_MODULES } },
    ],
  },
});
