// The states of work done in the background: a job (e-mail delivery, later imports and
// scheduled pulls) and an import batch. The database holds the same lists as CHECK constraints
// (test/db/vocabularies.test.ts).

export const JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const IMPORT_BATCH_STATES = ["running", "done", "failed"] as const;
export type ImportBatchState = (typeof IMPORT_BATCH_STATES)[number];
