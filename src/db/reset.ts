// Empties the demo's world for `jalon demo --reset`. The world is found in the catalogue, not
// listed a second time: every table whose rows cannot exist without a part's root tables (the
// tracker's `trackers`, the health catalogue's), following NOT NULL foreign keys. Rows outside the world that only
// point into it (a respondent's account names its partner, a queued message its cycle) go with
// it; every other account, the sessions of those accounts and the audit log stay, and the audit
// log records the reset itself.
import { sql } from "kysely";
import { KEPT_REFERENCES } from "./migrations/0019_value_references.ts";
import { type Executor, recordAudit } from "./shared/audit.ts";

/**
 * The tables a world starts from, per part: the tracker's, the health catalogue's (units,
 * levels, data elements, combos, indicators, constants: their values, roll-ups and targets
 * follow), and the programme's (programmes and midwives: their links, deployments, trainings).
 */
export const WORLD_ROOTS = [
  "trackers",
  "programmes",
  "midwives",
  "org_units",
  "org_unit_levels",
  "data_elements",
  "category_combos",
  "category_option_combos",
  "health_indicators",
  "constants",
] as const;

interface ForeignKey {
  child: string;
  parent: string;
  column: string;
  notNull: boolean;
}

async function foreignKeys(db: Executor): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    select child.relname as child, parent.relname as parent, a.attname as column,
           a.attnotnull as "notNull"
    from pg_constraint con
    join pg_class child on child.oid = con.conrelid
    join pg_class parent on parent.oid = con.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
    where con.contype = 'f' and n.nspname = current_schema()
  `.execute(db);
  // Data values and their roll-ups point into the catalogue through triggers, not foreign keys.
  const kept: ForeignKey[] = KEPT_REFERENCES.flatMap((r) => [
    { child: "data_values", parent: r.table, column: r.column, notNull: r.column !== "batch_id" },
    ...(r.column === "batch_id" || r.column === "aoc_id"
      ? []
      : [{ child: "data_value_rollups", parent: r.table, column: r.column, notNull: true }]),
  ]);
  return [...result.rows, ...kept];
}

/** The world's tables, children before their parents (the order rows can be deleted in). */
export async function worldTables(db: Executor): Promise<string[]> {
  const keys = await foreignKeys(db);
  const world = new Set<string>(WORLD_ROOTS);
  for (let grew = true; grew; ) {
    grew = false;
    for (const key of keys)
      if (key.notNull && world.has(key.parent) && !world.has(key.child)) {
        world.add(key.child);
        grew = true;
      }
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const key of keys)
      if (key.parent === table && key.child !== table && world.has(key.child))
        visit(key.child, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...world].sort()) visit(table, new Set());
  return ordered;
}

export async function resetAll(db: Executor, actor: string): Promise<void> {
  const keys = await foreignKeys(db);
  const tables = await worldTables(db);
  const world = new Set(tables);
  // Rows outside the world that point into it: a respondent's account, a message about a cycle.
  for (const key of keys)
    if (!world.has(key.child) && world.has(key.parent))
      await sql`delete from ${sql.table(key.child)} where ${sql.ref(key.column)} is not null`.execute(
        db,
      );
  for (const table of tables) {
    await sql`delete from ${sql.table(table)}`.execute(db);
    const sequence = await sql<{ name: string | null }>`
      select pg_get_serial_sequence(${table}, 'id') as name
      where exists (select 1 from information_schema.columns
                    where table_schema = current_schema() and table_name = ${table} and column_name = 'id')
    `.execute(db);
    const name = sequence.rows[0]?.name;
    if (name) await sql`select setval(${name}, 1, false)`.execute(db);
  }
  await recordAudit(db, { actor, action: "delete", entity: "all", entityId: "*" });
}

export async function isEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("trackers").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}
