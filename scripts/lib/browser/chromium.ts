import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian's chromium package puts the browser; CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** How to install the browser, for the message that says it is missing. */
export const INSTALL_CHROMIUM = "apt-get install -y chromium";

/** The browser to drive: CHROMIUM_PATH when set, else Debian's, and whether it is there. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): { path: string; available: boolean } {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return { path, available: existsSync(path) };
}

/**
 * Starts a headless Chromium. No sandbox because CI containers run as root; no background
 * networking, component updates or sync, so that the browser itself asks nothing of the Internet.
 * Playwright gives each launch a fresh, temporary --user-data-dir.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
