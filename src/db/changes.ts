// Notices of committed changes (migration 0039): every write to a table pages read sends
// `jalon_changes` at commit. A ChangeFeed turns them into a number that moves on each notice, so
// that something kept from the data (a rendered page) can tell it is out of date without asking
// the database. When notices may have been missed (the listening connection was lost), the
// version is null until it is back: nothing may then be trusted as current.
import pg from "pg";
import type { PGliteThread } from "./pglite-thread.ts";

export const CHANGE_CHANNEL = "jalon_changes";

export interface ChangeFeed {
  /** Moves whenever committed data may have changed; null while notices could be missed. */
  version(): number | null;
  /** A change this process has just made: counted at once, before its notice comes back. */
  bump(): void;
  close(): Promise<void>;
}

class Counter {
  #version = 1;
  #trusted = true;
  version(): number | null {
    return this.#trusted ? this.#version : null;
  }
  bump(): void {
    this.#version += 1;
  }
  /** Notices may be missed from now on. */
  lost(): void {
    this.#trusted = false;
  }
  /** Listening again: whatever came meanwhile is counted as one change. */
  regained(): void {
    this.#version += 1;
    this.#trusted = true;
  }
}

/** The embedded database's feed: its worker listens and posts each notice. */
export async function embeddedChangeFeed(thread: PGliteThread): Promise<ChangeFeed> {
  const counter = new Counter();
  // One PGlite database has one schema in use; every notice is about it.
  const stop = await thread.listen(CHANGE_CHANNEL, () => counter.bump());
  return {
    version: () => counter.version(),
    bump: () => counter.bump(),
    close: async () => stop(),
  };
}

export interface ListenerOptions {
  connectionString: string;
  /** The schema whose notices count (tests share one database between schemas). */
  schema: string;
  /** Wait before trying to listen again after the connection was lost (ms). */
  retryMs?: number;
}

/**
 * PostgreSQL's feed: one connection of its own that listens, and reconnects (with the version
 * null meanwhile) when the server goes away.
 */
export async function postgresChangeFeed(o: ListenerOptions): Promise<ChangeFeed> {
  const counter = new Counter();
  const retryMs = o.retryMs ?? 1_000;
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: o.connectionString });
    next.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload === o.schema) counter.bump();
    });
    const drop = () => {
      if (client !== next) return;
      client = null;
      counter.lost();
      next.end().catch(() => {});
      if (!closed) timer = setTimeout(retry, retryMs).unref();
    };
    next.on("error", drop);
    next.on("end", drop);
    await next.connect();
    client = next;
    await next.query(`listen ${CHANGE_CHANNEL}`);
  };
  const retry = () => {
    connect().then(
      () => counter.regained(),
      () => {
        client = null;
        if (!closed) timer = setTimeout(retry, retryMs).unref();
      },
    );
  };

  await connect();
  return {
    version: () => counter.version(),
    bump: () => counter.bump(),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}
