// The database handle services receive, named once so outer layers need not know db/; and the
// transaction a locking step needs, so that a lock taken outside one does not compile.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

export type Db = Kysely<DB>;
/** The database with its bulk loading and durability, for the services that load in bulk. */
export type { Database } from "../../db/connect.ts";
export type Tx = Transaction<DB>;
