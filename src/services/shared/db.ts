// The database handle services receive, named once so outer layers need not know db/; and the
// transaction a locking step needs, so that a lock taken outside one does not compile.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
