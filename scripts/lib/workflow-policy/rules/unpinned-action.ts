import type { PolicyRule } from "../types.ts";

const ID = "unpinned-action";

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const PINNED_IMAGE = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /^v\d+\.\d+\.\d+\b/;

/** Every `uses:` names a full commit SHA with its release in a comment (`@<40 hex> # v7.0.1`); local actions use `./`. */
export const unpinnedAction: PolicyRule = {
  id: ID,
  description: "Every action and reusable workflow is pinned to a full commit SHA with a `# vX.Y.Z` comment.",
  check(context) {
    const references = context.jobs.flatMap((job) => [
      ...(typeof job.raw.uses === "string" ? [{ uses: job.raw.uses, path: [...job.path, "uses"] }] : []),
      ...job.steps.flatMap((step) => (step.uses ? [{ uses: step.uses, path: [...step.path, "uses"] }] : [])),
    ]);
    return references.flatMap(({ uses, path }) => {
      if (uses.startsWith("./")) return [];
      if (uses.startsWith("docker://")) {
        return PINNED_IMAGE.test(uses) ? [] : [context.finding(ID, path, `Unexpected image \`${uses}\`, expected it pinned by \`@sha256:\` digest`)];
      }
      if (!PINNED.test(uses)) {
        return [
          context.finding(
            ID,
            path,
            `Unexpected \`${uses}\`, expected \`owner/repo@<40-hex commit SHA> # vX.Y.Z\``,
            "Tags and branches can be moved to other code; a commit SHA cannot.",
          ),
        ];
      }
      const comment = context.trailingCommentOf(path);
      if (!comment || !VERSION_COMMENT.test(comment)) {
        return [
          context.finding(
            ID,
            path,
            `Unexpected pin without its release, expected a \`# vX.Y.Z\` comment after \`${uses}\``,
            "The comment is how reviewers and Dependabot know which release the SHA is.",
          ),
        ];
      }
      return [];
    });
  },
};
