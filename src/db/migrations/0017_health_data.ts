// The health-data engine's tables: organisation units in a tree of any depth (with a closure
// table of ancestors so roll-ups need no recursion), the data-element catalogue with its category
// option combos, numeric data values per unit × period × element × combo, a pre-aggregated table
// (each unit's descendants, per month or coarser period bucket) kept up to date by every import,
// a staging table imports copy into before they merge, and indicators with their constants.
import { type Kysely, sql } from "kysely";

const VALUE_TYPES = [
  "NUMBER",
  "INTEGER",
  "INTEGER_POSITIVE",
  "INTEGER_NEGATIVE",
  "INTEGER_ZERO_OR_POSITIVE",
  "PERCENTAGE",
  "UNIT_INTERVAL",
  "BOOLEAN",
  "TRUE_ONLY",
];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("org_unit_levels")
    .addColumn("level", "integer", (c) => c.primaryKey().check(sql`level between 1 and 20`))
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn("name_en", "text")
    .execute();

  await db.schema
    .createTable("org_units")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 230`))
    .addColumn("short_name", "text")
    .addColumn("parent_id", "integer", (c) => c.references("org_units.id"))
    .addColumn("level", "integer", (c) => c.notNull().check(sql`level between 1 and 20`))
    // The ids from the root down to this unit, e.g. "/1/4/19/": a subtree is a prefix.
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("opening_date", "date")
    .addColumn("closed_date", "date")
    .addColumn("geometry", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "org_units_dates_check",
      sql`closed_date is null or opening_date is null or closed_date >= opening_date`,
    )
    .execute();
  await sql`create index org_units_parent_idx on org_units (parent_id)`.execute(db);
  await sql`create index org_units_path_idx on org_units (path text_pattern_ops)`.execute(db);

  // Every (unit, ancestor) pair, depth 1 for the parent: what a roll-up joins on.
  await db.schema
    .createTable("org_unit_ancestors")
    .addColumn("org_unit_id", "integer", (c) =>
      c.notNull().references("org_units.id").onDelete("cascade"),
    )
    .addColumn("ancestor_id", "integer", (c) =>
      c.notNull().references("org_units.id").onDelete("cascade"),
    )
    .addColumn("depth", "integer", (c) => c.notNull().check(sql`depth >= 1`))
    .addPrimaryKeyConstraint("org_unit_ancestors_pkey", ["org_unit_id", "ancestor_id"])
    .execute();
  await sql`create index org_unit_ancestors_ancestor_idx on org_unit_ancestors (ancestor_id)`.execute(
    db,
  );

  await db.schema
    .createTable("category_combos")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("is_default", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable("category_option_combos")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category_combo_id", "integer", (c) => c.references("category_combos.id"))
    // The combo's options by category code ({"SEX":"F"}), for disaggregations named as in ADX.
    .addColumn("options", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("is_default", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  // At most one default combo: the one values without a disaggregation are stored against.
  await sql`create unique index category_option_combos_default on category_option_combos (is_default) where is_default`.execute(
    db,
  );

  await db.schema
    .createTable("data_elements")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 230`))
    .addColumn("name_en", "text")
    .addColumn("short_name", "text")
    .addColumn("value_type", "text", (c) =>
      c.notNull().check(sql`value_type in (${list(VALUE_TYPES)})`),
    )
    .addColumn("aggregation", "text", (c) =>
      c.notNull().defaultTo("sum").check(sql`aggregation in ('sum','average')`),
    )
    .addColumn("category_combo_id", "integer", (c) => c.references("category_combos.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("data_values")
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("data_element_id", "integer", (c) => c.notNull().references("data_elements.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("coc_id", "integer", (c) => c.notNull().references("category_option_combos.id"))
    .addColumn("aoc_id", "integer", (c) => c.notNull().references("category_option_combos.id"))
    // The roll-up bucket: the month ("202201") of a monthly or shorter period, else the period.
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("value", "float8", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("follow_up", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("stored_by", "text")
    .addColumn("created", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_updated", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("batch_id", "bigint", (c) => c.references("import_batches.id"))
    .addPrimaryKeyConstraint("data_values_pkey", [
      "org_unit_id",
      "data_element_id",
      "period",
      "coc_id",
      "aoc_id",
    ])
    .execute();
  await sql`create index data_values_element_bucket_idx on data_values (data_element_id, bucket)`.execute(
    db,
  );

  // Per unit, the sum and count of the values of its descendants (not its own), per element,
  // combo and bucket: a region's month is one row, however many facilities it has.
  await db.schema
    .createTable("data_value_rollups")
    .addColumn("data_element_id", "integer", (c) => c.notNull().references("data_elements.id"))
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("coc_id", "integer", (c) => c.notNull().references("category_option_combos.id"))
    .addColumn("sum", "float8", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("data_value_rollups_pkey", [
      "data_element_id",
      "org_unit_id",
      "bucket",
      "coc_id",
    ])
    .execute();

  // What an import copies in before it merges: checked rows of one batch, in file order.
  await db.schema
    .createTable("data_value_staging")
    .addColumn("batch_id", "bigint", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("org_unit_id", "integer", (c) => c.notNull())
    .addColumn("data_element_id", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("coc_id", "integer", (c) => c.notNull())
    .addColumn("aoc_id", "integer", (c) => c.notNull())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("value", "float8")
    .addColumn("deleted", "boolean", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("follow_up", "boolean", (c) => c.notNull())
    .addColumn("stored_by", "text")
    .addColumn("created", "timestamptz")
    .addColumn("last_updated", "timestamptz")
    .execute();
  await sql`create index data_value_staging_batch_idx on data_value_staging (batch_id)`.execute(db);

  await db.schema
    .createTable("constants")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("value", "float8", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("health_indicators")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("uid", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 230`))
    .addColumn("name_en", "text")
    .addColumn("numerator", "text", (c) => c.notNull())
    .addColumn("denominator", "text", (c) => c.notNull())
    .addColumn("numerator_description", "text")
    .addColumn("denominator_description", "text")
    .addColumn("factor", "float8", (c) => c.notNull().defaultTo(1).check(sql`factor > 0`))
    .addColumn("decimals", "integer", (c) => c.check(sql`decimals between 0 and 5`))
    // Public indicators are readable by anyone, through the explorer and the analytics API.
    .addColumn("is_public", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("health_indicator_targets")
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("health_indicators.id").onDelete("cascade"),
    )
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('baseline','target')`))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "float8", (c) => c.notNull())
    .addPrimaryKeyConstraint("health_indicator_targets_pkey", [
      "indicator_id",
      "org_unit_id",
      "kind",
      "period",
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "health_indicator_targets",
    "health_indicators",
    "constants",
    "data_value_staging",
    "data_value_rollups",
    "data_values",
    "data_elements",
    "category_option_combos",
    "category_combos",
    "org_unit_ancestors",
    "org_units",
    "org_unit_levels",
  ])
    await db.schema.dropTable(table).execute();
}
