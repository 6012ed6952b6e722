// What the outbox and the audit log may record: the kinds of e-mail and the audited actions.
// The database holds the same lists as CHECK constraints (test/db/vocabularies.test.ts).

/** The kinds of e-mail the outbox queues. */
export const OUTBOX_KINDS = ["invitation", "reminder", "password_reset", "send_back"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** What an audit record says happened: a change to a row, or a security event. */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "reset_requested",
  "invitation_exchanged",
  "export",
  "refused",
  "import",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
