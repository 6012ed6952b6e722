// Counts the SQL statements a Kysely instance sends: attach the plugin with db.withPlugin and
// read the count around the work to measure. A result comes back once per statement executed,
// so counting results (not query nodes, which subqueries also produce) counts round trips.
import type { KyselyPlugin } from "kysely";

export interface StatementCounter {
  plugin: KyselyPlugin;
  count: () => number;
  reset: () => void;
}

export function statementCounter(): StatementCounter {
  let n = 0;
  return {
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        n += 1;
        return args.result;
      },
    },
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}
