// Queuing and delivering e-mail. Without SMTP_URL nothing leaves: the outbox page shows what
// would have gone. Delivery claims one message at a time with a short lease, so two instances
// never send the same message, and sends it outside any transaction.
import { createTransport } from "nodemailer";
import type { Executor } from "../db/audit.ts";
import { claimNext, insertMail, markFailed, markSent, type NewMail } from "../db/outbox.ts";
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
  // Bounded waits (nodemailer waits up to 10 minutes on a silent socket by default), well inside
  // the delivery lease below, so a slow server cannot make a message go twice.
  const transport = createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
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

/** How long a claimed message is reserved for its sender: longer than any SMTP wait above. */
export const DELIVERY_LEASE_SECONDS = 300;

/**
 * Sends queued messages, one at a time: each is claimed (a short transaction), sent with no
 * transaction open, then marked sent or failed. A process that dies mid-send leaves a claim
 * that lapses, and the message goes on a later run (at least once, never twice at the same time).
 */
export async function deliverPending(db: Db, mailer: Mailer, limit = 50): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  // Ids only move forward: a message that just failed waits for the next run, not this loop.
  let lastId = 0;
  for (let i = 0; i < limit; i++) {
    const row = await claimNext(db, lastId, DELIVERY_LEASE_SECONDS);
    if (!row) break;
    lastId = row.id;
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
    } catch (error) {
      await markFailed(db, row.id, String((error as Error).message ?? error));
      report.failed += 1;
      continue;
    }
    await markSent(db, row.id);
    report.sent += 1;
  }
  return report;
}
