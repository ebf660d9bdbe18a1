import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, serveSite, stripBasePath } from "../../scripts/lib/site/serve.ts";

describe("stripBasePath", () => {
  test.each([
    ["/cop-atlas/en/index.html", "/cop-atlas/", "/en/index.html"],
    ["/cop-atlas/", "/cop-atlas/", "/"],
    ["/cop-atlas", "/cop-atlas/", "/"],
    ["/cop-atlas?x=1", "/cop-atlas/", "/cop-atlas?x=1"],
    ["/en/index.html", "/cop-atlas/", "/en/index.html"],
    ["/cop-atlasx/en/", "/cop-atlas/", "/cop-atlasx/en/"],
    ["/en/index.html", "/", "/en/index.html"],
    ["/en/index.html", undefined, "/en/index.html"],
  ])("%s under %s is %s", (url, base, expected) => {
    expect(stripBasePath(url, base)).toBe(expected);
  });
});

describe("serveSite", () => {
  let dir: string;
  let server: RunningServer;
  const get = async (path: string) => {
    const response = await fetch(new URL(path, server.url));
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cop-atlas-serve-"));
    mkdirSync(join(dir, "en"));
    writeFileSync(join(dir, "en", "index.html"), "<p>home</p>");
    writeFileSync(join(dir, "404.html"), "<p>not here</p>");
    server = await serveSite(dir, { basePath: "/cop-atlas/" });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("serves the folder at the root and at the public path", async () => {
    expect(await get("en/index.html")).toMatchObject({ status: 200, text: "<p>home</p>" });
    expect(await get("cop-atlas/en/index.html")).toMatchObject({ status: 200, text: "<p>home</p>" });
  });

  test("answers a missing address with 404.html and the status 404, as GitHub Pages does", async () => {
    const missing = await get("cop-atlas/fr/no-such-page/");
    expect(missing).toMatchObject({ status: 404, text: "<p>not here</p>" });
    expect(missing.type).toMatch(/^text\/html/);
    // No way out of the folder.
    expect((await get("cop-atlas/%2e%2e/%2e%2e/etc/passwd")).status).toBe(404);
  });

  test("says Not found in plain text when the folder has no 404.html", async () => {
    unlinkSync(join(dir, "404.html"));
    expect(await get("nothing.html")).toMatchObject({ status: 404, text: "Not found" });
  });
});
