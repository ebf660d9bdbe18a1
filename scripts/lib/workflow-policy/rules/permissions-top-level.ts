import type { PolicyRule } from "../types.ts";

const ID = "permissions-top-level";

/** The workflow-wide token has no scope at all: `permissions: {}`. Each job asks for its own. */
export const permissionsTopLevel: PolicyRule = {
  id: ID,
  description: "Every workflow sets `permissions: {}` at the top; jobs ask for what they need.",
  check(context) {
    const permissions = context.raw.permissions;
    const isEmptyMap = permissions !== null && typeof permissions === "object" && !Array.isArray(permissions) && Object.keys(permissions).length === 0;
    if (isEmptyMap) return [];
    const written = permissions === undefined ? "nothing" : `\`${JSON.stringify(permissions)}\``;
    return [
      context.finding(
        ID,
        permissions === undefined ? [] : ["permissions"],
        `Unexpected top-level permissions ${written}, expected \`permissions: {}\``,
        "Without it every job inherits the repository's default token scopes.",
      ),
    ];
  },
};
