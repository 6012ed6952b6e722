// The database handle services receive, named once so outer layers need not know db/.
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export type Db = Kysely<DB>;
