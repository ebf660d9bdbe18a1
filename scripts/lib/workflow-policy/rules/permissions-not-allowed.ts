import type { PermissionLevel, PolicyRule } from "../types.ts";

const ID = "permissions-not-allowed";

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

/** Each job holds at most the token scopes that .github/permissions-allowlist.json grants it. */
export const permissionsNotAllowed: PolicyRule = {
  id: ID,
  description: "Job permissions stay within the checked-in allowlist for that workflow and job.",
  check(context) {
    if (!context.allowance) {
      return [context.finding(ID, [], `Unexpected workflow ${context.file}, expected an entry for it in .github/permissions-allowlist.json`)];
    }
    const allowance = context.allowance;
    return context.jobs.flatMap((job) => {
      const allowed = allowance.jobs[job.id];
      if (!allowed) {
        return [context.finding(ID, job.path, `Unexpected job \`${job.id}\`, expected it listed under ${context.file} in .github/permissions-allowlist.json`)];
      }
      const permissions = job.permissions;
      if (permissions === undefined || permissions === null) return [];
      if (typeof permissions !== "object" || Array.isArray(permissions)) {
        return [
          context.finding(
            ID,
            [...job.path, "permissions"],
            `Unexpected \`permissions: ${String(permissions)}\` on job \`${job.id}\`, expected a map of single scopes`,
          ),
        ];
      }
      return Object.entries(permissions).flatMap(([scope, level]) => {
        const granted = allowed.permissions[scope] ?? "none";
        const asked = level as PermissionLevel;
        if (asked in RANK && RANK[asked] <= RANK[granted]) return [];
        return [
          context.finding(
            ID,
            [...job.path, "permissions", scope],
            `Unexpected \`${scope}: ${String(level)}\` on job \`${job.id}\`, expected at most \`${scope}: ${granted}\``,
            "Widen .github/permissions-allowlist.json only with a reason and a security review.",
          ),
        ];
      });
    });
  },
};
