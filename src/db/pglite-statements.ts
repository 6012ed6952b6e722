// The embedded database's prepared statements, on its own thread (src/db/pglite-worker.ts).
// PGlite's `query` parses, analyses and plans every statement again and crosses into WebAssembly
// six times to do it (parse, describe, bind, describe, execute, sync); for the short statements
// of a page or an answer save that is most of their cost. Here each statement text that reads
// or writes rows is prepared once under a name, its parameter types kept, and then run by one
// crossing of bind, describe, execute and sync. Values are serialised and rows parsed by the
// instance's own serialisers and parsers, exactly as `query` does.
//
// A schema change may leave a prepared statement's result shape stale (PostgreSQL refuses to run
// it: "cached plan must not change result type"), so every statement that is not one of those
// kept here, nor a transaction's or a session's control, forgets them all. At most MAX_KEPT are
// kept; the least recently used is closed first.
import { type PGlite, parse, protocol, type Results } from "@electric-sql/pglite";

/** Statements kept prepared at most. */
export const MAX_KEPT = 256;

const { serialize } = protocol;

/** What is prepared: statements that read or write rows. */
const PREPARED = /^\s*(select|insert|update|delete|with|values)\b/i;
/** What leaves prepared statements valid: a transaction's and a session's own statements. */
const HARMLESS =
  /^\s*(begin|start|commit|end|rollback|abort|savepoint|release|set|reset|show|listen|unlisten|notify|lock|prepare transaction|explain|vacuum|analyze)\b/i;

interface Kept {
  name: string;
  types: readonly number[];
}

function joined(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class PreparedStatements {
  readonly #pglite: PGlite;
  /** By statement text, least recently used first. */
  readonly #kept = new Map<string, Kept>();
  #next = 1;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  get size(): number {
    return this.#kept.size;
  }

  /** Runs one statement with its parameters, prepared when it reads or writes rows. */
  async query(text: string, params: readonly unknown[]): Promise<Results<Record<string, unknown>>> {
    if (!PREPARED.test(text)) {
      const result = await this.#pglite.query<Record<string, unknown>>(text, [...params], {
        rowMode: "object",
      });
      if (!HARMLESS.test(text)) await this.forget();
      return result;
    }
    const kept = this.#kept.get(text) ?? (await this.#prepare(text));
    // Most recently used last.
    this.#kept.delete(text);
    this.#kept.set(text, kept);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = kept.types[i];
      const serializer = type === undefined ? undefined : this.#pglite.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    let messages: Awaited<ReturnType<PGlite["execProtocol"]>>["messages"];
    try {
      ({ messages } = await this.#pglite.execProtocol(
        joined([
          serialize.bind({ statement: kept.name, values }),
          serialize.describe({ type: "P" }),
          serialize.execute({}),
          serialize.sync(),
        ]),
        { syncToFs: false },
      ));
    } catch (error) {
      // 0A000: the statement's result no longer matches its table; prepared again next time.
      if ((error as { code?: string }).code === "0A000") await this.#drop(text);
      throw error;
    }
    if (!this.#pglite.isInTransaction()) await this.#pglite.syncToFs();
    const [result] = parse.parseResults(messages, this.#pglite.parsers, { rowMode: "object" });
    return result as Results<Record<string, unknown>>;
  }

  async #prepare(text: string): Promise<Kept> {
    const closing: Uint8Array[] = [];
    while (this.#kept.size >= MAX_KEPT) {
      const [oldest] = this.#kept;
      if (!oldest) break;
      this.#kept.delete(oldest[0]);
      closing.push(serialize.close({ type: "S", name: oldest[1].name }));
    }
    const name = `jalon_${this.#next++}`;
    const { messages } = await this.#pglite.execProtocol(
      joined([
        ...closing,
        serialize.parse({ name, text }),
        serialize.describe({ type: "S", name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const kept = { name, types: parse.parseDescribeStatementResults(messages) };
    this.#kept.set(text, kept);
    return kept;
  }

  async #drop(text: string): Promise<void> {
    const kept = this.#kept.get(text);
    if (!kept) return;
    this.#kept.delete(text);
    // Closing is allowed even in a failed transaction; its answer does not matter.
    await this.#pglite
      .execProtocol(joined([serialize.close({ type: "S", name: kept.name }), serialize.sync()]), {
        syncToFs: false,
        throwOnError: false,
      })
      .catch(() => {});
  }

  /** Forgets every prepared statement (after a change to the schema). */
  async forget(): Promise<void> {
    if (this.#kept.size === 0) return;
    const names = [...this.#kept.values()].map((k) => k.name);
    this.#kept.clear();
    await this.#pglite
      .execProtocol(
        joined([...names.map((name) => serialize.close({ type: "S", name })), serialize.sync()]),
        { syncToFs: false, throwOnError: false },
      )
      .catch(() => {});
  }
}
