import type { PolicyRule } from "../types.ts";

const ID = "adhoc-package-install";

/** Installs that bypass package-lock.json: each fetches whatever the registry serves today. */
const AD_HOC: { pattern: RegExp; what: string }[] = [
  { pattern: /\bnpm\s+(install|i|add|isntall|in)\b/, what: "npm install" },
  { pattern: /\bnpx\s+(-y\b|--yes\b|-p\b|--package\b|[^\s-][^\s]*@)/, what: "npx of a package from the registry" },
  { pattern: /\b(pnpm|yarn)\s+dlx\b|\bbunx\b|\b(pnpm|yarn|bun)\s+add\b/, what: "dlx/add" },
  { pattern: /\bpip3?\s+install\b|\b(go|cargo|gem)\s+install\b/, what: "a language package install" },
  { pattern: /\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+)?(ba|z|da)?sh\b/, what: "a script piped from the network into a shell" },
];

/** Dependencies come from the lockfile through `npm ci`, never from an ad-hoc install in a script. */
export const adhocPackageInstall: PolicyRule = {
  id: ID,
  description: "No `npm install`, `npx pkg@version`, dlx or curl-to-shell in `run:`; use `npm ci` and the lockfile.",
  check(context) {
    return context.jobs.flatMap((job) =>
      job.steps.flatMap((step) => {
        if (step.run === undefined) return [];
        const hit = AD_HOC.find(({ pattern }) => pattern.test(step.run as string));
        if (!hit) return [];
        return [
          context.finding(
            ID,
            [...step.path, "run"],
            `Unexpected ${hit.what} in a script, expected dependencies from package-lock.json through \`npm ci\``,
            "Add the tool as a pinned devDependency and call it through an npm script.",
          ),
        ];
      }),
    );
  },
};
