// The main thread's side of the embedded database: PGlite runs in a worker thread
// (src/db/pglite-worker.ts) and this module sends it SQL over a message channel, behind a
// Kysely dialect. Kysely keeps PGlite's rule of one connection: a query or a whole transaction
// holds it, and every other waits its turn, but the waiting is now done without the event loop
// being blocked, so health checks, static files and rendering go on meanwhile.
import { AsyncLocalStorage } from "node:async_hooks";
import { Worker } from "node:worker_threads";
import {
  AbortedTransactionError,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

const WORKER_URL = new URL("./pglite-worker.ts", import.meta.url);

export interface WorkerInit {
  dataDir: string | null;
}

export type Request =
  | { id: number; kind: "query"; sql: string; params: readonly unknown[] }
  | { id: number; kind: "copy"; sql: string; data: Uint8Array<ArrayBuffer> }
  | { id: number; kind: "close" }
  | { id: number; kind: "listen"; channel: string };

/** A database error as it crosses the channel: its message and the fields callers read. */
export interface WireError {
  message: string;
  severity?: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  routine?: string;
}

export type Reply =
  | {
      id: number;
      ok: true;
      rows: Record<string, unknown>[];
      affectedRows?: number;
      command?: string;
    }
  | { id: number; ok: false; error: WireError };

export type Answer = Extract<Reply, { ok: true }>;

/** A notification the worker's PGlite received on a channel it listens to (see `listen`). */
export interface Notice {
  notice: true;
  channel: string;
  payload: string;
}

/** An error PGlite raised, with the same SQLSTATE, constraint and detail fields as pg's. */
export class EmbeddedDatabaseError extends Error {
  code?: string;
  severity?: string;
  detail?: string;
  hint?: string;
  position?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  routine?: string;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = "DatabaseError";
    const { message: _message, ...fields } = wire;
    Object.assign(this, fields);
  }
}

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

/** The worker that owns one PGlite instance, and the requests it has not answered yet. */
export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #notices = new Map<string, Set<(payload: string) => void>>();
  #nextId = 1;
  #stopped: Error | null = null;
  #closing: Promise<void> | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the worker and waits until PGlite is open; rejects with PGlite's own error. */
  static async open(dataDir: string | null): Promise<PGliteThread> {
    const worker = new Worker(WORKER_URL, {
      workerData: { dataDir } satisfies WorkerInit,
      execArgv: [],
    });
    const opened = await new Promise<Reply>((resolve, reject) => {
      const exited = (code: number) => reject(new Error(`embedded database exited (code ${code})`));
      worker.once("message", (reply: Reply) => {
        worker.off("error", reject);
        worker.off("exit", exited);
        resolve(reply);
      });
      worker.once("error", reject);
      worker.once("exit", exited);
    });
    if (!opened.ok) {
      await worker.terminate();
      throw new EmbeddedDatabaseError(opened.error);
    }
    const thread = new PGliteThread(worker);
    thread.#listen();
    return thread;
  }

  #listen(): void {
    this.#worker.on("message", (reply: Reply | Notice) => {
      if ("notice" in reply) {
        for (const callback of this.#notices.get(reply.channel) ?? []) callback(reply.payload);
        return;
      }
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      // An idle database does not keep the process alive; work in flight does.
      if (this.#pending.size === 0) this.#worker.unref();
      if (reply.ok) pending.resolve(reply);
      else pending.reject(new EmbeddedDatabaseError(reply.error));
    });
    const stop = (error: Error) => {
      this.#stopped ??= error;
      for (const pending of this.#pending.values()) pending.reject(this.#stopped);
      this.#pending.clear();
    };
    this.#worker.on("error", stop);
    this.#worker.on("exit", (code) => stop(new Error(`embedded database stopped (code ${code})`)));
    this.#worker.unref();
  }

  #send(request: Request, transfer?: ArrayBuffer[]): Promise<Answer> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    return new Promise<Answer>((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      try {
        this.#worker.postMessage(request, transfer);
      } catch (error) {
        this.#pending.delete(request.id);
        if (this.#pending.size === 0) this.#worker.unref();
        reject(error as Error);
      }
    });
  }

  query(sql: string, params: readonly unknown[]): Promise<Answer> {
    return this.#send({ id: this.#nextId++, kind: "query", sql, params });
  }

  /** Runs a `COPY … FROM '/dev/blob'` statement with `data` as the blob; the buffer moves. */
  copy(sql: string, data: Uint8Array<ArrayBuffer>): Promise<Answer> {
    return this.#send({ id: this.#nextId++, kind: "copy", sql, data }, [data.buffer]);
  }

  /**
   * Listens to a notification channel: `callback` gets each payload, posted by the worker before
   * the answer to the statement that committed it, so a write has been announced by the time
   * its caller goes on. Returns a function that stops calling it.
   */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => void> {
    let callbacks = this.#notices.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.#notices.set(channel, callbacks);
      await this.#send({ id: this.#nextId++, kind: "listen", channel });
    }
    callbacks.add(callback);
    const registered = callbacks;
    return () => {
      registered.delete(callback);
    };
  }

  /** Closes PGlite (its files are complete on disk afterwards) and ends the worker. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (!this.#stopped) {
        const exited = new Promise<void>((done) => this.#worker.once("exit", () => done()));
        await this.#send({ id: this.#nextId++, kind: "close" });
        // PGlite is closed; the worker ends on its own, and the process waits for that.
        this.#worker.ref();
        await exited;
      }
      this.#stopped ??= new Error("embedded database closed");
    })();
    return this.#closing;
  }
}

/** Kysely's dialect for a PGliteThread: PostgreSQL's SQL, PGlite's single connection. */
export class PGliteThreadDialect implements Dialect {
  readonly #thread: PGliteThread;
  constructor(thread: PGliteThread) {
    this.#thread = thread;
  }
  createAdapter(): DialectAdapter {
    return new PGliteThreadAdapter();
  }
  createDriver(): Driver {
    return new PGliteThreadDriver(this.#thread);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

/**
 * PGlite's adapter, except that the one connection is handed out by the driver's own lock (which
 * knows background work) instead of Kysely's.
 */
class PGliteThreadAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** Work started inside `inBackground` asks for the connection as background work. */
const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work on the embedded database: each of its queries and transactions
 * takes the one connection only when no other request is waiting for it, so a long job made of
 * many short transactions (a large import) lets pages through between them.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/**
 * The one connection, handed to one holder at a time: first to whoever waits in the foreground,
 * in order, then to background work — but background work waiting gets its turn after
 * FOREGROUND_STREAK foreground holders in a row, so a busy server still lets it end.
 */
const FOREGROUND_STREAK = 8;

class ConnectionLock {
  #held = false;
  #streak = 0;
  readonly #foreground: (() => void)[] = [];
  readonly #background: (() => void)[] = [];

  acquire(): Promise<void> {
    const isBackground = background.getStore() === true;
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) =>
      (isBackground ? this.#background : this.#foreground).push(resolve),
    );
  }

  release(): void {
    const giveBackground =
      this.#background.length > 0 &&
      (this.#foreground.length === 0 || this.#streak >= FOREGROUND_STREAK);
    const next = giveBackground ? this.#background.shift() : this.#foreground.shift();
    if (!next) {
      this.#held = false;
      this.#streak = 0;
      return;
    }
    this.#streak = giveBackground ? 0 : this.#streak + 1;
    next();
  }
}

class PGliteThreadDriver implements Driver {
  readonly #connection: PGliteThreadConnection;
  readonly #thread: PGliteThread;
  readonly #lock = new ConnectionLock();
  constructor(thread: PGliteThread) {
    this.#thread = thread;
    this.#connection = new PGliteThreadConnection(thread);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    return this.#connection;
  }
  async releaseConnection(): Promise<void> {
    this.#lock.release();
  }
  async beginTransaction(_c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let text = "begin";
    if (settings.isolationLevel || settings.accessMode) {
      text = "start transaction";
      if (settings.isolationLevel) text += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) text += ` ${settings.accessMode}`;
    }
    await this.#thread.query(text, []);
  }
  async commitTransaction(): Promise<void> {
    const { command } = await this.#thread.query("commit", []);
    // COMMIT completes as ROLLBACK when an earlier statement left the transaction aborted.
    if (command === "ROLLBACK") throw new AbortedTransactionError();
  }
  async rollbackTransaction(): Promise<void> {
    await this.#thread.query("rollback", []);
  }
  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.#thread.query(`savepoint ${quoteIdent(name)}`, []);
  }
  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.#thread.query(`rollback to savepoint ${quoteIdent(name)}`, []);
  }
  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.#thread.query(`release savepoint ${quoteIdent(name)}`, []);
  }
  destroy(): Promise<void> {
    return this.#thread.close();
  }
}

class PGliteThreadConnection implements DatabaseConnection {
  readonly #thread: PGliteThread;
  constructor(thread: PGliteThread) {
    this.#thread = thread;
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const { rows, affectedRows } = await this.#thread.query(query.sql, query.parameters);
      return {
        numAffectedRows: affectedRows == null ? undefined : BigInt(affectedRows),
        rows: rows as R[],
      };
    } catch (error) {
      // The stack from the worker says nothing; the caller's says which query it was.
      if (error instanceof Error) {
        const here = new Error();
        error.stack = `${error.stack ?? error.message}\n${here.stack?.split("\n").slice(1).join("\n")}`;
      }
      throw error;
    }
  }
  // biome-ignore lint/correctness/useYield: the embedded database has no cursors to stream from
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming is not supported by the embedded database.");
  }
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
