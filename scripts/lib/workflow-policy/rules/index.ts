import type { PolicyRule } from "../types.ts";
import { adhocPackageInstall } from "./adhoc-package-install.ts";
import { cacheInPrivileged } from "./cache-in-privileged.ts";
import { expressionInRun } from "./expression-in-run.ts";
import { githubEnvWrite } from "./github-env-write.ts";
import { installScriptsInPrivileged } from "./install-scripts-in-privileged.ts";
import { missingConcurrency } from "./missing-concurrency.ts";
import { permissionsNotAllowed } from "./permissions-not-allowed.ts";
import { permissionsTopLevel } from "./permissions-top-level.ts";
import { persistCredentials } from "./persist-credentials.ts";
import { privilegedCheckoutOfPr } from "./privileged-checkout-of-pr.ts";
import { secretsOutsideAllowedJob } from "./secrets-outside-allowed-job.ts";
import { triggerForbidden } from "./trigger-forbidden.ts";
import { unpinnedAction } from "./unpinned-action.ts";

/** Every workflow policy rule, in the order of the security checklist. */
export const POLICY_RULES: readonly PolicyRule[] = [
  triggerForbidden,
  privilegedCheckoutOfPr,
  permissionsTopLevel,
  permissionsNotAllowed,
  unpinnedAction,
  adhocPackageInstall,
  expressionInRun,
  persistCredentials,
  githubEnvWrite,
  cacheInPrivileged,
  installScriptsInPrivileged,
  missingConcurrency,
  secretsOutsideAllowedJob,
];
