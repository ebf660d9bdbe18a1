/**
 * What the tools read from GitHub Actions' environment: the client's token and API address, and
 * the event file, with one sentence for each missing variable.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { clientFromEnvironment, readActionsEvent } from "../../scripts/lib/github/environment.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("clientFromEnvironment", () => {
  test("refuses to make a client without GITHUB_TOKEN, naming the variable", () => {
    expect(() => clientFromEnvironment({}, "cop-atlas-test", () => {})).toThrow("GITHUB_TOKEN is not set.");
    expect(() => clientFromEnvironment({ GITHUB_TOKEN: "" }, "cop-atlas-test", () => {})).toThrow("GITHUB_TOKEN is not set.");
  });

  test("talks to GITHUB_API_URL when it is set (GitHub Enterprise), else to api.github.com", () => {
    const enterprise = clientFromEnvironment({ GITHUB_TOKEN: "t", GITHUB_API_URL: "https://ghe.example.org/api/v3" }, "cop-atlas-test", () => {});
    expect(enterprise.request.endpoint.DEFAULTS.baseUrl).toBe("https://ghe.example.org/api/v3");
    expect(enterprise.request.endpoint.DEFAULTS.headers["user-agent"]).toMatch(/^cop-atlas-test/);
    const github = clientFromEnvironment({ GITHUB_TOKEN: "t" }, "cop-atlas-test", () => {});
    expect(github.request.endpoint.DEFAULTS.baseUrl).toBe("https://api.github.com");
  });
});

describe("readActionsEvent", () => {
  test("parses the event file GITHUB_EVENT_PATH names", () => {
    const folder = mkdtempSync(join(tmpdir(), "cop-atlas-event-"));
    folders.push(folder);
    const path = join(folder, "event.json");
    writeFileSync(path, JSON.stringify({ action: "submitted", pull_request: { number: 7 } }));
    expect(readActionsEvent({ GITHUB_EVENT_PATH: path })).toEqual({ action: "submitted", pull_request: { number: 7 } });
  });

  test("says which variable is missing, and fails on a file that is not JSON", () => {
    expect(() => readActionsEvent({})).toThrow("GITHUB_EVENT_PATH is not set.");
    const folder = mkdtempSync(join(tmpdir(), "cop-atlas-event-"));
    folders.push(folder);
    const path = join(folder, "event.json");
    writeFileSync(path, "{ not json");
    expect(() => readActionsEvent({ GITHUB_EVENT_PATH: path })).toThrow(SyntaxError);
  });
});
