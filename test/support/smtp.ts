// A real SMTP peer for tests: a listener on a loopback port that keeps every message it
// accepts, decoded enough to read what nodemailer wrote.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** How long the listener takes to accept a message sent to a "slow@" address. */
export const SLOW_MS = 1_500;

export interface Arrived {
  from: string;
  to: string[];
  raw: string;
}

/** Undoes quoted-printable and encoded words, enough to read what nodemailer wrote. */
export function decode(raw: string): string {
  const qp = (text: string) =>
    Buffer.from(
      text
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        ),
      "latin1",
    ).toString("utf8");
  const split = raw.indexOf("\r\n\r\n");
  // Headers: unfold, then decode each encoded word (spaces between two words are not text).
  const headers = raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=(?:\s+(?==\?))?/gi, (_, w: string) =>
      qp(w.replace(/_/g, " ")),
    );
  return `${headers}\r\n\r\n${qp(raw.slice(split + 4))}`;
}

export interface SmtpListener {
  server: SMTPServer;
  port: number;
  /** Each message accepted, in order of arrival, its text decoded. */
  arrived: Arrived[];
  /** An SMTP_URL reaching it (its STARTTLS certificate is self-signed: accepted for tests). */
  url: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a loopback port: it accepts any sender, refuses recipients whose
 * address starts with "refuse@", and takes SLOW_MS to accept a message to "slow@".
 */
export function startSmtpListener(): Promise<SmtpListener> {
  const arrived: Arrived[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refuse@")) {
        const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        arrived.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to,
          raw: decode(Buffer.concat(chunks).toString("latin1")),
        });
        if (to.some((a) => a.startsWith("slow@"))) setTimeout(() => callback(), SLOW_MS);
        else callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        arrived,
        url: `smtp://127.0.0.1:${port}?tls.rejectUnauthorized=false`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
