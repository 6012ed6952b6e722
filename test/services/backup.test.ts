// Backup and restore on both stores and across them: the demo's every row comes back the same,
// ids keep counting after the highest restored one, a file from an earlier schema is upgraded
// once restored, and a damaged, cut, foreign or newer file, or a database that holds rows, is
// refused before anything is changed.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownMigrations, migrateUpTo } from "../../src/db/migrate.ts";
import { backupTables, dropSchemaObjects, tableRows } from "../../src/db/shared/backup-tables.ts";
import { loadDemoWorlds } from "../../src/demo/load.ts";
import { backupToFile, checkBackup, restoreFromFile } from "../../src/services/shared/backup.ts";
import {
  type BackendName,
  backends,
  freshDatabase,
  type TestDatabase,
} from "../support/database.ts";

/** Every table's rows as text, sorted, one hash per table: what "the same data" means here. */
async function fingerprint(t: TestDatabase): Promise<Record<string, string>> {
  const tables = await backupTables(t.db);
  const out: Record<string, string> = {};
  await t.db.transaction().execute(async (trx) => {
    for (const table of tables) {
      const lines: string[] = [];
      for await (const batch of tableRows(trx, table))
        for (const r of batch) lines.push(JSON.stringify(r));
      lines.sort();
      out[table.name] =
        `${lines.length}:${createHash("sha256").update(lines.join("\n")).digest("hex")}`;
    }
  });
  return out;
}

let dir: string;
let source: TestDatabase;
let file: string;
let sourcePrint: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jalon-backup-"));
  source = await freshDatabase("pglite");
  await loadDemoWorlds(source, { reset: false });
  file = join(dir, "demo.jalon.gz");
  sourcePrint = await fingerprint(source);
}, 120_000);

afterAll(async () => {
  await source?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("a backup of the demo", () => {
  it("holds every table with its rows, and checks whole", async () => {
    const summary = await backupToFile(source, file, "0.1.0");
    const rows = Object.values(sourcePrint).reduce((n, p) => n + Number(p.split(":")[0]), 0);
    expect(summary.tables).toBe(Object.keys(sourcePrint).length);
    expect(summary.rows).toBe(rows);
    expect(rows).toBeGreaterThan(10_000);
    const check = await checkBackup(file);
    expect(check).toMatchObject({ ok: true, tables: summary.tables, rows });
    if (!check.ok) return;
    expect(check.header.schema).toBe(knownMigrations().at(-1));
    expect(check.header.version).toBe("0.1.0");
    expect(check.header.store).toBe("pglite");
  }, 60_000);
});

describe.each(backends)("a restore into %s", (kind: BackendName) => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase(kind);
  });
  afterAll(async () => {
    await target?.dispose();
  });

  it("brings back every row as it was, and new rows get new ids", async () => {
    const outcome = await restoreFromFile(target, file, { force: false });
    expect(outcome.ok).toBe(true);
    expect(await fingerprint(target)).toEqual(sourcePrint);
    // The demo's highest constant id is taken: a new one comes after it, not over it.
    const highest = await target.db
      .selectFrom("constants")
      .select((e) => e.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    const added = await target.db
      .insertInto("constants")
      .values({ code: "RESTORED", name: "Après restauration", value: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(added.id).toBe(Number(highest.id ?? 0) + 1);
  }, 120_000);

  it("refuses to overwrite a database that holds rows, unless forced", async () => {
    const before = await fingerprint(target);
    const refused = await restoreFromFile(target, file, { force: false });
    expect(refused).toMatchObject({ ok: false, reason: "not_empty" });
    expect(await fingerprint(target)).toEqual(before);
    const forced = await restoreFromFile(target, file, { force: true });
    expect(forced.ok).toBe(true);
    expect(await fingerprint(target)).toEqual(sourcePrint);
  }, 120_000);
});

describe("a file that cannot be restored", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("pglite");
    await target.db
      .insertInto("constants")
      .values({ code: "KEPT", name: "Gardée", value: 7 })
      .execute();
  });
  afterAll(async () => {
    await target?.dispose();
  });

  const refusedUnchanged = async (path: string, reason: string) => {
    const before = await fingerprint(target);
    expect(await checkBackup(path)).toMatchObject({ ok: false, reason });
    expect(await restoreFromFile(target, path, { force: true })).toMatchObject({
      ok: false,
      reason,
    });
    expect(await fingerprint(target)).toEqual(before);
  };

  it("is refused when cut short", async () => {
    const bytes = await readFile(file);
    const cut = join(dir, "cut.gz");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refusedUnchanged(cut, "corrupted");
    // Cut at a line's end and compressed again: gzip is whole, the trailer is missing.
    const text = gunzipSync(bytes).toString("utf8");
    const lines = text.split("\n");
    const clean = join(dir, "clean-cut.gz");
    await writeFile(
      clean,
      gzipSync(`${lines.slice(0, Math.floor(lines.length / 2)).join("\n")}\n`),
    );
    await refusedUnchanged(clean, "corrupted");
  }, 60_000);

  it("is refused when a byte is damaged or a row is changed", async () => {
    const bytes = Buffer.from(await readFile(file));
    const damaged = join(dir, "damaged.gz");
    const at = Math.floor(bytes.length / 3);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(damaged, bytes);
    await refusedUnchanged(damaged, "corrupted");
    // A value edited by hand, compressed again: only the hash tells.
    const text = gunzipSync(await readFile(file)).toString("utf8");
    const edited = join(dir, "edited.gz");
    await writeFile(edited, gzipSync(text.replace("Ségou", "Segou")));
    await refusedUnchanged(edited, "corrupted");
  }, 60_000);

  it("is refused when it is not a backup", async () => {
    const csv = join(dir, "not.csv");
    await writeFile(csv, "code;nom\nML;Mali\n");
    await refusedUnchanged(csv, "not_a_backup");
    const json = join(dir, "other.json.gz");
    await writeFile(json, gzipSync('{"dataValues":[]}\n'));
    await refusedUnchanged(json, "not_a_backup");
  });

  it("is refused when a newer Jalon made it", async () => {
    const header = `${JSON.stringify({ jalon: "backup", format: 1, version: "9.0.0", schema: "9999_future", store: "pglite", created: "2030-01-01T00:00:00Z" })}\n`;
    const sha256 = createHash("sha256").update(header).digest("hex");
    const newer = join(dir, "newer.gz");
    await writeFile(
      newer,
      gzipSync(`${header}${JSON.stringify({ end: true, tables: 0, rows: 0, sha256 })}\n`),
    );
    await refusedUnchanged(newer, "newer");
  });
});

/** A database of `kind` with the migrations up to `name` only, as an earlier release left it. */
async function earlierDatabase(kind: BackendName, name: string): Promise<TestDatabase> {
  const t = await freshDatabase(kind);
  await dropSchemaObjects(t.db);
  await migrateUpTo(t.db, name);
  return t;
}

describe.each(backends)("a backup from an earlier schema, from %s", (kind: BackendName) => {
  it("is restored into that schema on the other store, then upgraded", async () => {
    const name = knownMigrations()[knownMigrations().indexOf("0024_missions") - 1] ?? "";
    const old = await earlierDatabase(kind, name);
    const other: BackendName =
      kind === "pglite" && backends.includes("postgres") ? "postgres" : "pglite";
    const target = await freshDatabase(other);
    try {
      await old.db
        .insertInto("constants")
        .values({ code: "OLD", name: "D'avant", value: 3 })
        .execute();
      const path = join(dir, `earlier-${kind}.gz`);
      await backupToFile(old, path, "0.0.9");
      const outcome = await restoreFromFile(target, path, { force: false });
      expect(outcome).toMatchObject({ ok: true });
      if (!outcome.ok) return;
      expect(outcome.header.schema).toBe(name);
      expect(outcome.migrated).toContain("0024_missions");
      const kept = await target.db.selectFrom("constants").select("code").execute();
      expect(kept.map((r) => r.code)).toEqual(["OLD"]);
      const missions = await sql<{ n: number }>`select count(*)::int as n from missions`.execute(
        target.db,
      );
      expect(missions.rows[0]?.n).toBe(0);
    } finally {
      await old.dispose();
      await target.dispose();
    }
  }, 60_000);
});
