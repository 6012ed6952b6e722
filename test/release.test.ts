// The release this code is, said the same way everywhere: `jalon --version` and backups (the
// VERSION constant), package.json and its lockfile; and the previous release, whose database the
// upgrade test starts from, is older and has its fixture (docs/RELEASES.md).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { knownMigrations } from "../src/db/migrate.ts";
import { VERSION } from "../src/domain/shared/release.ts";
import {
  PREVIOUS_RELEASE,
  PREVIOUS_SCHEMA,
  releaseStatements,
  splitStatements,
} from "./support/release-fixture.ts";

const ROOT = resolve(import.meta.dirname, "..");
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), "utf8"));
const parts = (v: string) => v.replace(/^v/, "").split(".").map(Number);

describe("the release", () => {
  it("is the same version in the code, package.json and the lockfile", () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json("package.json").version).toBe(VERSION);
    const lock = json("package-lock.json");
    expect([lock.version, lock.packages[""].version]).toEqual([VERSION, VERSION]);
  });

  it("comes after the release its upgrade test starts from, whose fixture is here", () => {
    const [a = 0, b = 0, c = 0] = parts(PREVIOUS_RELEASE);
    const [x = 0, y = 0, z = 0] = parts(VERSION);
    expect(x * 1e6 + y * 1e3 + z).toBeGreaterThan(a * 1e6 + b * 1e3 + c);
    expect(
      existsSync(join(ROOT, "test", "fixtures", "releases", `${PREVIOUS_RELEASE}.sql.gz`)),
    ).toBe(true);
    expect(knownMigrations()).toContain(PREVIOUS_SCHEMA);
  });
});

describe("a release's fixture", () => {
  it("splits into statements on the semicolons outside quotes, identifiers and bodies", () => {
    const script = [
      "-- a comment; not a statement",
      'CREATE TABLE "odd;name" (a text);',
      "INSERT INTO t VALUES ('a;b'), ('it''s; here'), (NULL);",
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ begin return null; end $$;",
      "CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $fn$ begin\n  return null;\nend $fn$;",
      "SELECT pg_catalog.setval('t_id_seq', 3, true);",
    ].join("\n");
    expect(splitStatements(script)).toEqual([
      'CREATE TABLE "odd;name" (a text)',
      "INSERT INTO t VALUES ('a;b'), ('it''s; here'), (NULL)",
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ begin return null; end $$",
      "CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $fn$ begin\n  return null;\nend $fn$",
      "SELECT pg_catalog.setval('t_id_seq', 3, true)",
    ]);
    expect(() => splitStatements("INSERT INTO t VALUES ('cut")).toThrow(/unterminated/);
    expect(() => splitStatements("SELECT 1")).toThrow(/ends inside a statement/);
  });

  it("of the previous release holds its schema, its migrations and its demo", () => {
    const statements = releaseStatements();
    const count = (pattern: RegExp) => statements.filter((s) => pattern.test(s)).length;
    expect(count(/^CREATE (UNLOGGED )?TABLE /)).toBeGreaterThan(60);
    expect(count(/^INSERT INTO kysely_migration /)).toBe(1);
    expect(statements.join("\n")).toContain(`'${PREVIOUS_SCHEMA}'`);
    expect(count(/^INSERT INTO data_values /)).toBeGreaterThan(10);
    expect(statements.some((s) => /^(SET|\\)/.test(s) || s.includes("jalon_release"))).toBe(false);
  });
});
