import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/no-network.ts"],
    // A guard against hangs only: many tests start the real CLIs or build whole repositories,
    // and on a loaded two-core machine that can take minutes. No test may fail because the
    // machine is busy.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll gave up after one second: a busy browser had not rendered yet. Also a guard only.
    expect: { poll: { timeout: 120_000 } },
    pool: "forks",
  },
});
