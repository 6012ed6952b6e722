// Reminders to the owners of overdue recommendations: once a recommendation's due day has passed
// and it is neither done nor dropped, its owner is written to once for that due day, in the
// language the address reads (else French), through the outbox. A new due day would bring a new
// reminder. The run is a recurring job beside the partners' reminders.
import {
  type RecommendationToRemind,
  recommendationsToRemind,
  tryRecommendationReminderLock,
} from "../../db/programme/recommendation-reminders.ts";
import { insertMailAudited } from "../../db/shared/outbox.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Db } from "../shared/db.ts";
import type { JobRegistry } from "../shared/jobs.ts";
import type { Log } from "../shared/log.ts";
import { addressLangs } from "../tracker/address-langs.ts";

export type { RecommendationToRemind };

/** Composes the reminder in the recipient's language. */
export type RecommendationReminderMessage = (
  lang: Lang,
  r: RecommendationToRemind,
) => { subject: string; body: string };

/** The key that lets one reminder go per recommendation and due day. */
export function recommendationReminderKey(id: number, dueDate: string): string {
  return `recommendation:${id}:${dueDate}`;
}

export interface RecommendationReminderRun {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  queued: number;
  /** Overdue recommendations whose owner was already reminded for this due day. */
  already: number;
}

/** Queues the reminders due at `now`'s UTC day; safe to run as often as wanted. */
export async function remindOverdueRecommendations(
  db: Db,
  now: Date,
  message: RecommendationReminderMessage,
): Promise<RecommendationReminderRun> {
  const day = now.toISOString().slice(0, 10);
  return db.transaction().execute(async (trx) => {
    const run: RecommendationReminderRun = { ran: false, queued: 0, already: 0 };
    if (!(await tryRecommendationReminderLock(trx))) return run;
    run.ran = true;
    const due = await recommendationsToRemind(trx, day);
    const langs = await addressLangs(
      trx,
      due.map((r) => r.email),
    );
    for (const r of due) {
      const m = message(langs.get(r.email) ?? "fr", r);
      const id = await insertMailAudited(trx, "system:reminders", {
        recipient: r.email,
        subject: m.subject,
        body: m.body,
        kind: "reminder",
        dedupeKey: recommendationReminderKey(r.id, r.dueDate),
      });
      if (id === null) run.already += 1;
      else run.queued += 1;
    }
    return run;
  });
}

/** The job that runs them, registered as recurring beside the partners' reminders. */
export const RECOMMENDATION_REMINDERS_JOB = "recommendations.remind";

export function recommendationReminderJobs(o: {
  message: RecommendationReminderMessage;
  log: Log;
}): JobRegistry {
  return {
    // The job's own logger: its lines carry the job's id and kind.
    [RECOMMENDATION_REMINDERS_JOB]: async ({ db, log }) => {
      const run = await remindOverdueRecommendations(db, new Date(), o.message);
      if (run.queued > 0) log.info({ queued: run.queued }, "recommendation reminders queued");
      return run;
    },
  };
}
