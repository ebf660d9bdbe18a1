/**
 * The label the reminder job puts on a submission pull request it closes for inactivity. The
 * submission bot reopens such a pull request when its submitter edits the issue again; a pull
 * request closed by a person stays closed.
 */
export const INACTIVE_LABEL = "inactive";
