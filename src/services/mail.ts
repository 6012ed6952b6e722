// Queuing and delivering e-mail. Without SMTP_URL nothing leaves: the outbox page shows what
// would have gone. Delivery claims rows inside a transaction, so two instances never send twice.
import { createTransport } from "nodemailer";
import type { Executor } from "../db/audit.ts";
import { claimUnsent, insertMail, markFailed, markSent, type NewMail } from "../db/outbox.ts";
import type { Db } from "./db.ts";

export type { NewMail };

export interface Mailer {
  from: string;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function enqueueMail(db: Executor, message: NewMail): Promise<boolean> {
  return insertMail(db, message);
}

/** An SMTP mailer from a URL such as smtp://user:pass@host:587 or smtps://host:465. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    from,
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/**
 * Sends queued messages. Each message is claimed, sent and marked in one transaction: if the
 * process dies mid-way the row stays unsent and locked rows are skipped by other instances.
 */
export async function deliverPending(db: Db, mailer: Mailer, limit = 50): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  // Ids only move forward: a message that just failed waits for the next run, not this loop.
  let lastId = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const [row] = await claimUnsent(trx, 1, lastId);
      if (!row) return false;
      lastId = row.id;
      try {
        await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
        await markSent(trx, row.id);
        report.sent += 1;
      } catch (error) {
        await markFailed(trx, row.id, String((error as Error).message ?? error));
        report.failed += 1;
      }
      return true;
    });
    if (!done) break;
  }
  return report;
}
