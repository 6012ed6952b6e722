// What the migrator sees of the database: on PostgreSQL, the tables of the connection's own schema
// only, so that another schema dropped meanwhile (a shared server, the parallel test suites)
// cannot fail a migration; their columns as Kysely describes them.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

describe.each(backends)("the introspection the migrator reads on %s", (backend) => {
  let t: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    // A second migrated database: on PostgreSQL, a second schema of the same server.
    other = await freshDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
    await other?.dispose();
  });

  it("lists the tables of the connection's schema, with their columns", async () => {
    const own = await sql<{ name: string }>`select current_schema() as name`.execute(t.db);
    const tables = await t.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(new Set(tables.map((table) => table.schema))).toEqual(new Set([own.rows[0]?.name]));
    const names = tables.map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(["partners", "kysely_migration", "users"]));
    const partners = tables.find((table) => table.name === "partners");
    expect(partners?.isView).toBe(false);
    expect(partners?.columns.find((c) => c.name === "id")).toMatchObject({
      dataType: "int4",
      isNullable: false,
      isAutoIncrementing: true,
      hasDefaultValue: true,
    });
    expect(partners?.columns.find((c) => c.name === "name_en")).toMatchObject({
      dataType: "text",
      isNullable: true,
      isAutoIncrementing: false,
    });
    const without = await t.db.introspection.getTables();
    expect(without.map((table) => table.name)).not.toContain("kysely_migration");
    expect(await t.db.introspection.getSchemas()).toEqual(
      expect.arrayContaining([{ name: own.rows[0]?.name }]),
    );
  });
});
