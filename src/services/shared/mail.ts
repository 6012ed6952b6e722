// Queuing and delivering e-mail. Without SMTP_URL nothing leaves: the outbox page shows what
// would have gone. Delivery claims one message at a time with a short lease, so two instances
// never send the same message, and sends it outside any transaction. A message's link is made
// when it is sent: the outbox stores `LINK_TOKEN` in its place, and only the token's hash is
// ever written (to invitations or password_resets), so reading the database opens nothing.
import { createTransport } from "nodemailer";
import type { Executor } from "../../db/shared/audit.ts";
import {
  claimNext,
  insertMail,
  type MailRow,
  markFailed,
  markSent,
  type NewMail,
} from "../../db/shared/outbox.ts";
import { findUserByEmail, insertPasswordReset } from "../../db/shared/users.ts";
import { RESET_MINUTES } from "../../domain/shared/account.ts";
import type { Db } from "./db.ts";
import type { JobRegistry } from "./jobs.ts";
import { type Log, silentLog } from "./log.ts";
import { newToken, tokenHash } from "./secrets.ts";

/**
 * Stands in a queued body for the token of its link (`…/i/{LINK_TOKEN}`,
 * `…/password/reset/{LINK_TOKEN}`); replaced by a new token at sending. Migration 0010 writes
 * the same text into messages queued before.
 */
export const LINK_TOKEN = "{jalon-link}";

/** Who made the tokens of links minted at sending, in the audit log. */
export const MAILER_ACTOR = "outbox";

/**
 * Stores what the link of a message other than a password reset opens, under the new token's
 * hash: the part that queues such messages provides it (the tracker: an invitation for the
 * message's cycle, partner and address). Returns how to undo it when the message cannot be
 * sent, or null when nobody is left to open it.
 */
export type LinkMaker = (
  db: Db,
  row: MailRow,
  tokenHash: string,
) => Promise<(() => Promise<void>) | null>;

interface Minted {
  text: string;
  /** Undoes the link when the message could not be sent. */
  undo(): Promise<void>;
}

/**
 * The text to send: the body with a new link token in place of LINK_TOKEN (its hash stored as
 * an invitation or a password reset), or null when the link has nobody to open it for any more.
 */
async function mintLink(db: Db, row: MailRow, links: LinkMaker): Promise<Minted | null> {
  if (!row.body.includes(LINK_TOKEN)) return { text: row.body, undo: async () => {} };
  const token = newToken();
  const text = row.body.replaceAll(LINK_TOKEN, token);
  if (row.kind === "password_reset") {
    const user = await findUserByEmail(db, row.recipient);
    if (!user || user.disabled_at !== null) return null;
    await insertPasswordReset(db, {
      tokenHash: tokenHash(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    });
    // An unsent reset link is known to nobody and lapses within the hour.
    return { text, undo: async () => {} };
  }
  const undo = await links(db, row, tokenHash(token));
  return undo ? { text, undo } : null;
}

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
 * `links` makes the links of messages that are not password resets.
 */
export async function deliverPending(
  db: Db,
  mailer: Mailer,
  links: LinkMaker,
  limit = 50,
  log: Log = silentLog,
): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  // Ids only move forward: a message that just failed waits for the next run, not this loop.
  let lastId = 0;
  for (let i = 0; i < limit; i++) {
    const row = await db
      .transaction()
      .execute((trx) => claimNext(trx, lastId, DELIVERY_LEASE_SECONDS));
    if (!row) break;
    lastId = row.id;
    const minted = await mintLink(db, row, links);
    if (!minted) {
      await markFailed(db, row.id, "no account or partner left for this link");
      report.failed += 1;
      continue;
    }
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: minted.text });
    } catch (error) {
      await minted.undo();
      // The message's id only: its body holds a live link, its address is personal.
      log.warn({ mailId: row.id }, "mail not sent");
      await markFailed(db, row.id, String((error as Error).message ?? error));
      report.failed += 1;
      continue;
    }
    await markSent(db, row.id);
    report.sent += 1;
  }
  return report;
}

/** The job that delivers the outbox: one run of deliverPending (the messages keep their leases). */
export const MAIL_DELIVERY_JOB = "mail.deliver";

/** The mail jobs this process can run: delivery, when a mailer is configured. */
export function mailJobs(mailer: Mailer | undefined, links: LinkMaker): JobRegistry {
  return mailer
    ? { [MAIL_DELIVERY_JOB]: ({ db, log }) => deliverPending(db, mailer, links, 50, log) }
    : {};
}
