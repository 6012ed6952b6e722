// Data values and their roll-ups stop carrying foreign keys: PostgreSQL checks a foreign key by
// one lookup per written row, which made up most of an import's merge (a national file writes
// millions of rows whose few thousand distinct references the import has already resolved). The
// same guarantees are kept another way:
// - a write locks the catalogue rows its batch names (`for key share`, db/health/data-values.ts)
//   and finds each of them there, so no reference can be removed under it;
// - removing an organisation unit, a data element, a category option combo or an import batch
//   that a stored value names is refused, with the SQLSTATE (23503) and the constraint name the
//   foreign key gave, by one statement-level trigger per table; the roll-ups of a removed unit or
//   element (all zero by then) go with it.
// The staging table becomes UNLOGGED: its rows live for one import, which a crash fails anyway,
// so writing them to the WAL only slowed the COPY down; each row now says when it was staged, so
// that what a killed import or dry run left behind can be swept (db/health/data-values.ts).
// The index of values by element and bucket goes too: it served only the explorer's latest
// month, which the roots' roll-ups answer (db/health/explorer.ts), and it cost every write.
import { type Kysely, sql } from "kysely";

/** The references the triggers keep: the constraint name each one answers with. */
export const KEPT_REFERENCES = [
  { table: "org_units", column: "org_unit_id", constraint: "data_values_org_unit_id_fkey" },
  {
    table: "data_elements",
    column: "data_element_id",
    constraint: "data_values_data_element_id_fkey",
  },
  { table: "category_option_combos", column: "coc_id", constraint: "data_values_coc_id_fkey" },
  { table: "category_option_combos", column: "aoc_id", constraint: "data_values_aoc_id_fkey" },
  { table: "import_batches", column: "batch_id", constraint: "data_values_batch_id_fkey" },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table data_value_staging set unlogged`.execute(db);
  await sql`drop index data_values_element_bucket_idx`.execute(db);
  await sql`alter table data_value_staging add column staged_at timestamptz not null default now()`.execute(
    db,
  );
  await sql`
    do $$
    declare c record;
    begin
      for c in
        select conrelid::regclass::text as tbl, conname from pg_constraint
        where contype = 'f' and conrelid in ('data_values'::regclass, 'data_value_rollups'::regclass)
      loop
        execute format('alter table %I drop constraint %I', c.tbl, c.conname);
      end loop;
    end $$
  `.execute(db);

  const tables = [...new Set(KEPT_REFERENCES.map((r) => r.table))];
  for (const table of tables) {
    const checks = KEPT_REFERENCES.filter((r) => r.table === table)
      .map(
        (r) => `
      if exists (select 1 from data_values v join gone g on v.${r.column} = g.id) then
        raise foreign_key_violation using
          message = 'a stored data value still names a removed ${table} row',
          constraint = '${r.constraint}', table = 'data_values';
      end if;`,
      )
      .join("");
    const rollups =
      table === "org_units"
        ? "delete from data_value_rollups r using gone g where r.org_unit_id = g.id;"
        : table === "data_elements"
          ? "delete from data_value_rollups r using gone g where r.data_element_id = g.id;"
          : table === "category_option_combos"
            ? "delete from data_value_rollups r using gone g where r.coc_id = g.id;"
            : "";
    await sql
      .raw(`
      create function ${table}_keep_values() returns trigger language plpgsql as $fn$
      begin${checks}
        ${rollups}
        return null;
      end $fn$`)
      .execute(db);
    await sql
      .raw(`
      create trigger ${table}_keep_values after delete on ${table}
      referencing old table as gone for each statement execute function ${table}_keep_values()`)
      .execute(db);
  }
}
